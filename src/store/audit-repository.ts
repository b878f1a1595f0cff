import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, StoryAuditTable } from './schema.ts';

export type NewAuditRow = Insertable<StoryAuditTable>;

export interface AuditEntry {
  readonly action: string;
  readonly detail: string;
  readonly at: string;
}

/** The audit trail keeps every take-down, restore and correction, never rewritten. */
export async function insertAudits(db: Kysely<Database> | Transaction<Database>, rows: readonly NewAuditRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('story_audit').values([...rows]).execute();
}

export async function listAudit(db: Kysely<Database>, storyId: number): Promise<AuditEntry[]> {
  return db.selectFrom('story_audit').select(['action', 'detail', 'at']).where('story_id', '=', storyId).orderBy('id').execute();
}
