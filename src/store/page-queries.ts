// Queries the public site needs beyond the repositories: written once with Kysely,
// dialect-agnostic (SQLite and PostgreSQL), times as ISO text.
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import { hourBucket } from './view-repository.ts';
import { prepareQuery } from './prepared-query.ts';

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

/** What a "Next article" link needs. */
export interface StoryLinkRow {
  readonly id: number;
  readonly sector: string;
  readonly slug: string;
  readonly headline: string;
}

/**
 * The next older published story in the sector, for "Next article" (same order as
 * findNextInSector). `created_at <= t` comes first so that both engines can walk
 * the (sector, created_at) index from the story down instead of from the newest
 * story of the sector (the plain OR form scans every newer story first).
 */
const selectNextInSector = prepareQuery(
  (db: Kysely<Database>, sector: string, createdAt: string, id: number) =>
    db
      .selectFrom('stories')
      .select(['id', 'sector', 'slug', 'headline'])
      .where('sector', '=', sector)
      .where('created_at', '<=', createdAt)
      .where('status', '=', 'published')
      .where((eb) => eb.or([eb('created_at', '<', createdAt), eb('id', '<', id)]))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1),
  3,
);

export async function findNextLinkInSector(
  db: Kysely<Database>,
  story: { readonly id: number; readonly sector: string; readonly createdAt: string },
): Promise<StoryLinkRow | undefined> {
  const [row] = await selectNextInSector(db, story.sector, story.createdAt, story.id);
  return row ? { id: Number(row.id), sector: row.sector, slug: row.slug, headline: row.headline } : undefined;
}
