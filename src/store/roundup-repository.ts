// Roundups (migration 0016): the briefs a topic may bundle, and a roundup written with
// its briefs in one transaction. roundup_items.story_id is unique, so a brief another
// roundup took meanwhile makes the whole insert fail (isUniqueViolation) and nothing is
// written: no brief is ever in two roundups.
import type { Kysely, Transaction } from 'kysely';
import type { Database, NewStoryRow } from './schema.ts';
import type { RoundupTopic } from '../domain/roundup.ts';
import { insertStory } from './story-repository.ts';
import { insertStoryGeos } from './geo-repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface BriefRow {
  readonly id: number;
  readonly headline: string;
  readonly summary: string;
  readonly agency: string | null;
  readonly sector: string;
  readonly slug: string;
  readonly createdAt: string;
}

export type BriefFilter = Pick<RoundupTopic, 'sectors' | 'countries' | 'excludeCountries'>;

/**
 * Published wire stories of the topic that arrived since `since` and are in no roundup
 * yet, newest first. Killed and withheld briefs are not published, so they drop out.
 */
export async function findRoundupBriefs(db: Db, topic: BriefFilter, since: Date, limit: number): Promise<BriefRow[]> {
  let q = db
    .selectFrom('stories')
    .select(['id', 'headline', 'summary', 'agency', 'sector', 'slug', 'created_at'])
    .where('ingested_at', '>', since.toISOString())
    .where('status', '=', 'published')
    .where('kind', '=', 'wire')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('roundup_items as r').select('r.story_id').whereRef('r.story_id', '=', 'stories.id'))));
  if (topic.sectors.length > 0) q = q.where('sector', 'in', [...topic.sectors]);
  const { countries, excludeCountries } = topic;
  if (countries.length > 0) {
    q = q.where((eb) => eb.exists(eb.selectFrom('story_countries as c').select('c.story_id').whereRef('c.story_id', '=', 'stories.id').where('c.country', 'in', [...countries])));
  }
  if (excludeCountries.length > 0) {
    q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('story_countries as x').select('x.story_id').whereRef('x.story_id', '=', 'stories.id').where('x.country', 'in', [...excludeCountries]))));
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), headline: r.headline, summary: r.summary, agency: r.agency, sector: r.sector, slug: r.slug, createdAt: r.created_at }));
}

export interface NewRoundup {
  readonly story: NewStoryRow;
  readonly topic: string;
  readonly briefIds: readonly number[];
}

/** Writes the roundup story, its topic and its briefs at once; throws a unique violation if a brief was taken meanwhile. */
export async function insertRoundup(db: Kysely<Database>, roundup: NewRoundup): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const storyId = await insertStory(trx, roundup.story);
    await trx.insertInto('roundups').values({ story_id: storyId, topic: roundup.topic, created_at: roundup.story.created_at }).execute();
    await trx
      .insertInto('roundup_items')
      .values(roundup.briefIds.map((id, position) => ({ story_id: id, roundup_id: storyId, position })))
      .execute();
    // The briefs' countries, most frequent first: the roundup shows on the editions its news is from.
    const countries = await trx.selectFrom('story_countries').select(['country']).where('story_id', 'in', [...roundup.briefIds]).execute();
    const counts = new Map<string, number>();
    for (const { country } of countries) counts.set(country, (counts.get(country) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c).slice(0, 5);
    await insertStoryGeos(trx, [{ storyId, geo: { countries: ranked, tags: [] } }]);
    return storyId;
  });
}

/** The brief ids of a roundup in their order (dropped ones left out). */
export async function findRoundupBriefIds(db: Db, roundupId: number): Promise<number[]> {
  const rows = await db.selectFrom('roundup_items').select('story_id').where('roundup_id', '=', roundupId).where('dropped', '=', 0).orderBy('position').execute();
  return rows.map((r) => Number(r.story_id));
}

export interface TopicStats {
  readonly roundups: number;
  readonly lastAt: string | null;
}

/** How many roundups each topic has had, and when the last was made. */
export async function roundupStatsByTopic(db: Db): Promise<Map<string, TopicStats>> {
  const rows = await db
    .selectFrom('roundups')
    .select(['topic', (eb) => eb.fn.countAll<number | string | bigint>().as('n'), (eb) => eb.fn.max('created_at').as('last_at')])
    .groupBy('topic')
    .execute();
  return new Map(rows.map((r) => [r.topic, { roundups: Number(r.n), lastAt: r.last_at ?? null }]));
}

/**
 * Briefs still shown in a published roundup made since `since` though no longer
 * published themselves (killed, withheld), by roundup.
 */
export async function findWithdrawnBriefs(db: Db, since: Date): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom('roundups as u')
    .innerJoin('roundup_items as i', 'i.roundup_id', 'u.story_id')
    .innerJoin('stories as b', 'b.id', 'i.story_id')
    .innerJoin('stories as r', 'r.id', 'i.roundup_id')
    .select(['i.roundup_id', 'i.story_id'])
    .where('u.created_at', '>', since.toISOString())
    .where('i.dropped', '=', 0)
    .where('b.status', '!=', 'published')
    .where('r.status', '=', 'published')
    .execute();
  const byRoundup = new Map<number, number[]>();
  for (const r of rows) byRoundup.set(Number(r.roundup_id), [...(byRoundup.get(Number(r.roundup_id)) ?? []), Number(r.story_id)]);
  return byRoundup;
}

/** Marks briefs as taken out of their roundup; returns how many this call marked (0: another node did). */
export async function dropRoundupBriefs(db: Db, roundupId: number, briefIds: readonly number[]): Promise<number> {
  const result = await db.updateTable('roundup_items').set({ dropped: 1 }).where('roundup_id', '=', roundupId).where('story_id', 'in', [...briefIds]).where('dropped', '=', 0).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The briefs a roundup still shows, in their order, as they stand now. */
export async function findShownBriefs(db: Db, roundupId: number): Promise<BriefRow[]> {
  const rows = await db
    .selectFrom('roundup_items as i')
    .innerJoin('stories as s', 's.id', 'i.story_id')
    .select(['s.id', 's.headline', 's.summary', 's.agency', 's.sector', 's.slug', 's.created_at'])
    .where('i.roundup_id', '=', roundupId)
    .where('i.dropped', '=', 0)
    .where('s.status', '=', 'published')
    .orderBy('i.position')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), headline: r.headline, summary: r.summary, agency: r.agency, sector: r.sector, slug: r.slug, createdAt: r.created_at }));
}
