// Change events written by other processes for an embedded store's serving processes
// (migration 0020, jobs/change-notes.ts).
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface ChangeNote {
  readonly id: number;
  readonly event: string;
}

export async function addChangeNote(db: Kysely<Database>, event: string, at: Date): Promise<void> {
  await db.insertInto('change_notes').values({ event, at: at.toISOString() }).execute();
}

/** The newest note's id, or 0: where a process that starts now begins reading. */
export async function lastChangeNoteId(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('change_notes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Notes after `id`, oldest first, at most `limit`. */
export async function changeNotesAfter(db: Kysely<Database>, id: number, limit: number): Promise<ChangeNote[]> {
  const rows = await db.selectFrom('change_notes').select(['id', 'event']).where('id', '>', id).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), event: r.event }));
}

/** Deletes notes written before `before`: every serving process has read them long since. */
export async function pruneChangeNotes(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.deleteFrom('change_notes').where('at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
