import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../engine.ts';

// The site's lists (latest, a sector, the home's blocks, related stories) show each event
// once: published stories that lead their cluster, newest first. Walking (status,
// created_at) or (sector, created_at), every row had to be read from the table to check
// cluster_id, so a deep page cost its offset in table reads: /latest?page=1000 ~40 ms on
// 100,000 stories, and crawlers follow rel=next that far. Partial indexes of the leads
// alone answer the same lists from the index (0.7 ms at offset 20,000). On PostgreSQL
// `id` last makes the order (created_at, id) exact; SQLite's indexes end with the rowid
// anyway, and with `id` spelled out its planner (no statistics) kept the old indexes.
export function leadIndexes(engine: Engine): Migration {
  const tail = engine === 'postgres' ? ['created_at', 'id'] : ['created_at'];
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const leads = sql.ref('cluster_id');
      await db.schema.createIndex('stories_leads_created').on('stories').columns(['status', ...tail]).where(leads, 'is', null).execute();
      await db.schema.createIndex('stories_leads_sector_created').on('stories').columns(['sector', 'status', ...tail]).where(leads, 'is', null).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('stories_leads_sector_created').execute();
      await db.schema.dropIndex('stories_leads_created').execute();
    },
  };
}
