import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// 0014's index on stories.cluster_id held every story, almost all of them NULL (a
// story that stands alone or leads its event). Lists ask for `cluster_id IS NULL`, and
// SQLite then chose that index over (sector, created_at) or (status, created_at): a
// scan of every story and a sort, per page (an article page with its related stories
// fell to tens of requests a second on 100,000 stories). Partial, it holds only the
// reports that follow a lead, which is all the cluster reads look up.
export function clusterIndex(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('stories_cluster_idx').execute();
      await db.schema.createIndex('stories_cluster_idx').on('stories').column('cluster_id').where(sql.ref('cluster_id'), 'is not', null).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('stories_cluster_idx').execute();
      await db.schema.createIndex('stories_cluster_idx').on('stories').column('cluster_id').execute();
    },
  };
}
