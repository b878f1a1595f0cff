import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// One view per reader per story per day, across nodes: each counted view leaves a row
// keyed by the day and a hash of (that day's random salt, address, user agent, story).
// The salt is dropped after two days, so a row cannot be traced back to a reader, and
// the rows themselves go with it.
export function viewReaders(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('view_readers')
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('reader_key', 'text', (c) => c.notNull())
        .addColumn('story_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('view_readers_pk', ['day', 'reader_key'])
        .execute();
      await db.schema
        .createTable('view_salts')
        .addColumn('day', 'text', (c) => c.primaryKey())
        .addColumn('salt', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('view_salts').execute();
      await db.schema.dropTable('view_readers').execute();
    },
  };
}
