import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../engine.ts';
import { addIdColumn } from './column-types.ts';

// Changes made by another process (a command-line ingest, an editor's command) for the
// serving processes of an embedded store, which have no NOTIFY to hear them by: each
// row is one change event (JSON: story ids and surrogate keys); serving processes read
// the rows after the last they saw, every second, and drop what the event names.
export function changeNotes(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addIdColumn(engine, db.schema.createTable('change_notes'))
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('change_notes').execute();
    },
  };
}
