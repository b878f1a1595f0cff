import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.ts';
import type { Migration } from 'kysely/migration';

// Duplicates and story clusters (ingest/dedupe):
// - stories.cluster_id: NULL for a story that stands alone or leads its event; the
//   lead's id for another agency's report of the same event (lists skip those).
// - story_keys: exact-duplicate keys (`link:…`, `body:…`) and the identities merged
//   into a story (`id:…`), unique, so two nodes racing on one key store it once.
// - story_signatures: each story's shingle and headline-name hashes, to verify LSH
//   candidates exactly.
// - story_bands: LSH band hashes with the story's time; looked up within a time
//   window and pruned by a job once older than the window.
export function clusters(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('stories').addColumn('cluster_id', 'integer').execute();
      await db.schema.createIndex('stories_cluster_idx').on('stories').column('cluster_id').execute();
      await db.schema
        .createTable('story_keys')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('story_id', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('story_keys_story_idx').on('story_keys').column('story_id').execute();
      await db.schema
        .createTable('story_signatures')
        .addColumn('story_id', 'integer', (c) => c.primaryKey())
        .addColumn('shingles', 'text', (c) => c.notNull())
        .addColumn('names', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('story_bands')
        .addColumn('band', 'bigint', (c) => c.notNull())
        // Hours since the epoch of the story's created time: a small integer key.
        .addColumn('hour', 'integer', (c) => c.notNull())
        .addColumn('story_id', 'integer', (c) => c.notNull())
        // One b-tree serves the lookup (band, then the time window) and uniqueness; rows
        // are written ten a story, so no other index (pruning by time scans, hourly).
        .addPrimaryKeyConstraint('story_bands_pk', ['band', 'hour', 'story_id'])
        .$call((t) => (engine === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('story_bands').execute();
      await db.schema.dropTable('story_signatures').execute();
      await db.schema.dropTable('story_keys').execute();
      await db.schema.dropIndex('stories_cluster_idx').execute();
      await db.schema.alterTable('stories').dropColumn('cluster_id').execute();
    },
  };
}
