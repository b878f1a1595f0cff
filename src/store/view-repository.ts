import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** Trending reads the views of the last two days. */
export const TRENDING_WINDOW_MS = 48 * 3600_000;

/** Trending's half-life: an hour-old view counts 0.89, a 6-hour-old one 0.5, a day-old one 0.06. */
export const TRENDING_HALF_LIFE_HOURS = 6;

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

/**
 * Trending: story ids by decayed views, highest first; only published stories. Each
 * hour's views count `0.5 ^ (hours ago / halfLifeHours)`, so a story read a lot this
 * morning still ranks, but one read as much in the last hour ranks above it. The
 * weights are a CASE over the window's hour buckets: plain SQL on both engines.
 * `countries` narrows it to an edition's stories.
 */
export async function listMostViewed(
  db: Kysely<Database>,
  since: Date,
  limit: number,
  opts: { readonly now?: Date; readonly halfLifeHours?: number; readonly countries?: readonly string[] } = {},
): Promise<{ storyId: number; score: number }[]> {
  const now = opts.now ?? new Date();
  const halfLife = opts.halfLifeHours ?? TRENDING_HALF_LIFE_HOURS;
  const hours: { hour: string; weight: number }[] = [];
  for (let t = Math.floor(now.getTime() / 3_600_000) * 3_600_000, ago = 0; t >= Math.floor(since.getTime() / 3_600_000) * 3_600_000; t -= 3_600_000, ago++) {
    hours.push({ hour: hourBucket(new Date(t)), weight: 0.5 ** (ago / halfLife) });
  }
  const weight = sql<number>`case story_views.hour ${sql.join(
    hours.map((h) => sql`when ${h.hour} then ${sql.lit(Number(h.weight.toFixed(6)))}`),
    sql` `,
  )} else 0 end`;
  // Views are summed per story first (of the edition's countries, when given), the top
  // few kept, and only those joined to stories for their status, in that order (CROSS
  // JOIN fixes SQLite's join order; PostgreSQL plans it as an inner join). Written as one
  // join, SQLite drove it from every published story and probed each one's views: ~10 ms
  // on 100,000 stories with no views at all, ~50 ms with 96,000 view rows, on every rail
  // refresh. Now it costs what the window's view rows cost (kept few by jobs/prune.ts).
  // Killed stories among the most viewed are left out after the cut: reading four times
  // `limit` leaves room for them.
  const countries = opts.countries;
  let counts = db
    .selectFrom('story_views')
    .select(['story_views.story_id', sql<number>`sum(story_views.views * ${weight})`.as('score')])
    .where('story_views.hour', '>=', hourBucket(since));
  // An edition's trending: stories about one of its countries.
  if (countries && countries.length > 0) {
    counts = counts.where((eb) => eb.exists(eb.selectFrom('story_countries as c').select('c.story_id').whereRef('c.story_id', '=', 'story_views.story_id').where('c.country', 'in', [...countries])));
  }
  const top = counts.groupBy('story_views.story_id').orderBy('score', 'desc').orderBy('story_views.story_id', 'desc').limit(limit * 4);
  const rows = await db
    .selectFrom(top.as('v'))
    .crossJoin('stories')
    .select(['v.story_id', 'v.score'])
    .whereRef('stories.id', '=', 'v.story_id')
    .where('stories.status', '=', 'published')
    .orderBy('v.score', 'desc')
    .orderBy('v.story_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ storyId: Number(r.story_id), score: Number(r.score) }));
}

/** The day's salt for reader hashes: the first node to ask creates it, every node then reads the same one. */
export async function daySalt(db: Kysely<Database>, day: string, fresh: () => string): Promise<string> {
  await db.insertInto('view_salts').values({ day, salt: fresh() }).onConflict((oc) => oc.column('day').doNothing()).execute();
  const row = await db.selectFrom('view_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  return row.salt;
}

export interface ReaderView {
  readonly day: string;
  readonly readerKey: string;
  readonly storyId: number;
}

// Rows per INSERT: 3 parameters each, far under both engines' limits.
const READER_CHUNK = 500;

/**
 * Records reader views; returns, per story, how many were a reader's first view of it
 * that day (on any node). A repeat hits the primary key and is not returned.
 */
export async function recordReaderViews(db: Kysely<Database>, views: readonly ReaderView[]): Promise<Map<number, number>> {
  const firsts = new Map<number, number>();
  for (let i = 0; i < views.length; i += READER_CHUNK) {
    const chunk = views.slice(i, i + READER_CHUNK);
    const inserted = await db
      .insertInto('view_readers')
      .values(chunk.map((v) => ({ day: v.day, reader_key: v.readerKey, story_id: v.storyId })))
      .onConflict((oc) => oc.columns(['day', 'reader_key']).doNothing())
      .returning('story_id')
      .execute();
    for (const r of inserted) firsts.set(Number(r.story_id), (firsts.get(Number(r.story_id)) ?? 0) + 1);
  }
  return firsts;
}

/** Forgets reader keys and salts of days before `day` (YYYY-MM-DD). */
export async function pruneReaderViews(db: Kysely<Database>, day: string): Promise<void> {
  await db.deleteFrom('view_readers').where('day', '<', day).execute();
  await db.deleteFrom('view_salts').where('day', '<', day).execute();
}

/** Deletes hourly counts older than `before`'s hour: trending never reads them. */
export async function pruneViews(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.deleteFrom('story_views').where('hour', '<', hourBucket(before)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
