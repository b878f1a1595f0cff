// Queries the public site needs beyond the repositories: written once with Kysely,
// dialect-agnostic (SQLite and PostgreSQL), times as ISO text.
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import { hourBucket } from './view-repository.ts';

/**
 * Adds buffered view counts (story id → views) to the hour bucket of `at`, in one
 * transaction. The web layer counts in memory and calls this every few seconds, so
 * a page view never waits on a write. A count for a story that no longer exists is
 * skipped (INSERT … SELECT finds no row) rather than failing the whole batch.
 */
export async function addViews(db: Kysely<Database>, counts: ReadonlyMap<number, number>, at: Date): Promise<void> {
  if (counts.size === 0) return;
  const hour = hourBucket(at);
  await db.transaction().execute(async (tx) => {
    for (const [storyId, views] of counts) {
      await tx
        .insertInto('story_views')
        .columns(['story_id', 'hour', 'views'])
        .expression(
          tx
            .selectFrom('stories')
            .select((eb) => ['id', eb.val(hour).as('hour'), eb.val(views).as('views')])
            .where('id', '=', storyId),
        )
        .onConflict((oc) => oc.columns(['story_id', 'hour']).doUpdateSet({ views: sql`story_views.views + ${views}` }))
        .execute();
    }
  });
}
