import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A story-keyed table (tags, countries) gets its story's created_at and an index
 * (key, created_at, story_id) in place of (key, story_id), so "the newest stories with
 * this key" walks one index newest first (0018, 0019). A story's created_at never
 * changes after its first version, so the copy cannot go stale.
 */
export function storyTime(table: string, key: string, oldIndex: string, newIndex: string): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable(table).addColumn('created_at', 'text', (c) => c.notNull().defaultTo('')).execute();
      await sql`update ${sql.table(table)} set created_at = (select s.created_at from stories s where s.id = ${sql.ref(`${table}.story_id`)})`.execute(db);
      await db.schema.dropIndex(oldIndex).execute();
      await db.schema.createIndex(newIndex).on(table).columns([key, 'created_at', 'story_id']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex(newIndex).execute();
      await db.schema.createIndex(oldIndex).on(table).columns([key, 'story_id']).execute();
      await db.schema.alterTable(table).dropColumn('created_at').execute();
    },
  };
}
