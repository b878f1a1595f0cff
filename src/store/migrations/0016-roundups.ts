import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Roundups bundle wire briefs into one article of kind 'roundup'. `roundups` says which
// topic each roundup story was made for (and when); `roundup_items` which briefs went
// into it. story_id is unique across all roundups: a brief is bundled once, ever, even
// when two nodes race (the second insert fails and its whole roundup rolls back).
// `dropped` marks a brief taken out of its roundup after a kill (kept, so it is never
// bundled again). The stories indexes serve the /roundups list (kind, newest first) and
// the brief lookup (arrived since a time).
export function roundups(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('roundups')
        .addColumn('story_id', 'integer', (c) => c.primaryKey())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('roundups_topic_created').on('roundups').columns(['topic', 'created_at']).execute();
      await db.schema
        .createTable('roundup_items')
        .addColumn('story_id', 'integer', (c) => c.primaryKey())
        .addColumn('roundup_id', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('dropped', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('roundup_items_roundup').on('roundup_items').columns(['roundup_id', 'position']).execute();
      // Lists by kind use 0015's stories_kind_created (kind, status, created_at).
      await db.schema.createIndex('stories_ingested').on('stories').column('ingested_at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('stories_ingested').execute();
      await db.schema.dropTable('roundup_items').execute();
      await db.schema.dropTable('roundups').execute();
    },
  };
}
