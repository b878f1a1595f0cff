import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// A source's health and rhythm, kept on its row so `sources list`, the metrics and the
// scheduler read one place: when its last error happened, the hash of the last body
// ingested (the fallback validator for servers that ignore ours), its publishing rhythm
// (median gap between items, items per day, newest item) and the poll interval learned
// from it. The index serves the rhythm query: a source's newest stories.
export function sourceHealth(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sources').addColumn('last_error_at', 'text').execute();
      await db.schema.alterTable('sources').addColumn('body_hash', 'text').execute();
      await db.schema.alterTable('sources').addColumn('items_per_day', 'double precision').execute();
      await db.schema.alterTable('sources').addColumn('median_gap_seconds', 'integer').execute();
      await db.schema.alterTable('sources').addColumn('last_item_at', 'text').execute();
      await db.schema.alterTable('sources').addColumn('poll_interval_seconds', 'integer').execute();
      await db.schema.createIndex('stories_source_created').on('stories').columns(['source_id', 'created_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('stories_source_created').execute();
      for (const column of ['poll_interval_seconds', 'last_item_at', 'median_gap_seconds', 'items_per_day', 'body_hash', 'last_error_at']) {
        await db.schema.alterTable('sources').dropColumn(column).execute();
      }
    },
  };
}
