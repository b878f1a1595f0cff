import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** `YYYY-MM-DDTHH` of an instant, in UTC. */
export function hourBucket(at: Date): string {
  return at.toISOString().slice(0, 13);
}

export async function recordView(db: Kysely<Database>, storyId: number, at: Date): Promise<void> {
  await db
    .insertInto('story_views')
    .values({ story_id: storyId, hour: hourBucket(at), views: 1 })
    .onConflict((oc) => oc.columns(['story_id', 'hour']).doUpdateSet({ views: sql`story_views.views + 1` }))
    .execute();
}

/** Story ids by views since `since`, most viewed first; only published stories. */
export async function listMostViewed(db: Kysely<Database>, since: Date, limit: number): Promise<{ storyId: number; views: number }[]> {
  const rows = await db
    .selectFrom('story_views')
    .innerJoin('stories', 'stories.id', 'story_views.story_id')
    .select(['story_views.story_id', (eb) => eb.fn.sum<number>('story_views.views').as('total')])
    .where('story_views.hour', '>=', hourBucket(since))
    .where('stories.status', '=', 'published')
    .groupBy('story_views.story_id')
    .orderBy('total', 'desc')
    .orderBy('story_views.story_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ storyId: Number(r.story_id), views: Number(r.total) }));
}
