import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../engine.ts';
import { addIdColumn } from './column-types.ts';

// Agency versioning: the version number applied, when a correction last came, the
// embargo time, and an audit trail of every take-down and restore.
export function versions(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('stories').addColumn('version', 'integer').execute();
      await db.schema.alterTable('stories').addColumn('corrected_at', 'text').execute();
      await db.schema.alterTable('stories').addColumn('embargo_until', 'text').execute();
      await db.schema.createIndex('stories_embargo').on('stories').columns(['status', 'embargo_until']).execute();
      await addIdColumn(engine, db.schema.createTable('story_audit'))
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('story_audit_story').on('story_audit').column('story_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('story_audit').execute();
      await db.schema.dropIndex('stories_embargo').execute();
      for (const c of ['embargo_until', 'corrected_at', 'version']) await db.schema.alterTable('stories').dropColumn(c).execute();
    },
  };
}
