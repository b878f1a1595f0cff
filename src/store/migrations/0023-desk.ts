import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../engine.ts';
import { addIdColumn } from './column-types.ts';

// The desk's editors and their signed-in sessions. An editor signs in with a name and a
// token made by `wiredesk editors add` (shown once); only its SHA-256 is kept, as is a
// session's, so neither table holds anything that opens the desk if it leaks.
export function desk(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addIdColumn(engine, db.schema.createTable('editors'))
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('desk_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('editor_id', 'integer', (c) => c.notNull().references('editors.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('desk_sessions_editor').on('desk_sessions').column('editor_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('desk_sessions').execute();
      await db.schema.dropTable('editors').execute();
    },
  };
}
