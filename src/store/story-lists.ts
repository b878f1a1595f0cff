// Lists of published stories, newest first: by sector, agency, kind, author, tag,
// country or edition (several countries), pages of them, their count, and the menu's
// agencies. Tags and countries walk their own (key, created_at) indexes (keyed lists);
// everything else walks stories' indexes with the filter's conditions.
import { sql } from 'kysely';
import { newestFirst, type Story, type StoryKind, type StorySummary } from '../domain/story.ts';
import { STORY_COLUMNS, SUMMARY_COLUMNS, toStory, toSummary, type Db } from './story-repository.ts';

export interface StoryFilter {
  readonly sector?: string;
  readonly agency?: string;
  readonly excludeIds?: readonly number[];
  /** Stories about any of these countries (ISO alpha-2): an edition. */
  readonly countries?: readonly string[];
  /** Stories carrying this tag slug. */
  readonly tag?: string;
  /** Stories of any of these kinds (opinion, blog…). */
  readonly kinds?: readonly StoryKind[];
  /** Stories whose byline has this slug (store/…/0015: author_slug). */
  readonly authorSlug?: string;
  /**
   * Every report of an event, not only the one that leads its cluster (ingest/dedupe).
   * Lists show each event once; an agency's own list (`agency`) shows all its reports.
   */
  readonly everyReport?: boolean;
}

export interface Page {
  readonly limit: number;
  readonly offset?: number;
}

function published(db: Db, filter: StoryFilter) {
  let q = db.selectFrom('stories').where('status', '=', 'published');
  if (filter.sector) q = q.where('sector', '=', filter.sector);
  if (filter.agency) q = q.where('agency', '=', filter.agency);
  else if (!filter.everyReport) q = q.where('cluster_id', 'is', null);
  if (filter.kinds) q = q.where('kind', 'in', filter.kinds.length > 0 ? [...filter.kinds] : ['']);
  if (filter.authorSlug) q = q.where('author_slug', '=', filter.authorSlug);
  if (filter.excludeIds && filter.excludeIds.length > 0) q = q.where('id', 'not in', [...filter.excludeIds]);
  const { countries, tag } = filter;
  if (countries) {
    q = q.where((eb) => eb.exists(eb.selectFrom('story_countries as c').select('c.story_id').whereRef('c.story_id', '=', 'stories.id').where('c.country', 'in', countries.length > 0 ? [...countries] : [''])));
  }
  if (tag) q = q.where((eb) => eb.exists(eb.selectFrom('story_tags as t').select('t.story_id').whereRef('t.story_id', '=', 'stories.id').where('t.slug', '=', tag)));
  return q;
}

/** A page of `published` newest first (the order of every list). */
function newestPage(q: ReturnType<typeof published>, page: Page) {
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0);
}

/** A tag alone (tag pages, tag feeds) or countries alone (country pages, editions): lists with an index of their own. */
type KeyedFilter = { readonly tag: string; readonly country?: never; readonly everyReport?: boolean } | { readonly country: string; readonly tag?: never; readonly everyReport?: boolean };
type ListKey = { readonly tag: string; readonly countries?: never; readonly everyReport: boolean } | { readonly countries: readonly string[]; readonly tag?: never; readonly everyReport: boolean };

function listKey(filter: StoryFilter): ListKey | undefined {
  const others = Object.entries(filter).filter(([k, v]) => k !== 'tag' && k !== 'countries' && k !== 'everyReport' && v !== undefined);
  if (others.length > 0) return undefined;
  const everyReport = filter.everyReport === true;
  if (filter.tag !== undefined && filter.countries === undefined) return { tag: filter.tag, everyReport };
  if (filter.tag === undefined && filter.countries !== undefined) return { countries: [...new Set(filter.countries)], everyReport };
  return undefined;
}

// Walked from story_tags' (slug, created_at) or story_countries' (country, created_at)
// index, newest first: a few rows a page however many stories carry the key. The
// EXISTS in published() walks every published story newest first and probes each: quick
// for a common tag or country, ~220 ms on 100,000 stories for one only a few carry.
function keyedNewestFirst(db: Db, key: KeyedFilter, page: Page) {
  const q =
    key.tag !== undefined
      ? db.selectFrom('story_tags as k').innerJoin('stories as s', 's.id', 'k.story_id').where('k.slug', '=', key.tag)
      : db.selectFrom('story_countries as k').innerJoin('stories as s', 's.id', 'k.story_id').where('k.country', '=', key.country);
  const shown = q.where('s.status', '=', 'published');
  return (key.everyReport ? shown : shown.where('s.cluster_id', 'is', null))
    .orderBy('k.created_at', 'desc')
    .orderBy('k.story_id', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0);
}

// Several countries (an edition): each country's own first `offset + limit`, merged and
// each story once. A story among the union's first N is among the first N of each of its
// countries, so nothing is missed. Walking stories with an EXISTS over the edition's
// countries cost ~900 ms on 100,000 stories for an edition none of them is about, on
// each of the edition front page's 16 lists.
async function listKeyed(db: Db, key: ListKey, page: Page): Promise<StorySummary[]> {
  const select = (q: ReturnType<typeof keyedNewestFirst>) => q.select(SUMMARY_COLUMNS.map((c) => `s.${c}` as const)).execute();
  if (key.tag !== undefined) return (await select(keyedNewestFirst(db, key, page))).map(toSummary);
  if (key.countries.length === 1) return (await select(keyedNewestFirst(db, { country: key.countries[0]!, everyReport: key.everyReport }, page))).map(toSummary);
  const offset = page.offset ?? 0;
  const lists = await Promise.all(key.countries.map((country) => select(keyedNewestFirst(db, { country, everyReport: key.everyReport }, { limit: offset + page.limit }))));
  const seen = new Set<number>();
  const merged = lists
    .flat()
    .map(toSummary)
    .filter((s) => !seen.has(s.id) && seen.add(s.id));
  return merged.sort(newestFirst).slice(offset, offset + page.limit);
}

/** Published stories, newest first. */
export async function listStories(db: Db, filter: StoryFilter, page: Page): Promise<StorySummary[]> {
  const key = listKey(filter);
  if (key) return listKeyed(db, key, page);
  const rows = await newestPage(published(db, filter), page).select([...SUMMARY_COLUMNS]).execute();
  return rows.map(toSummary);
}

export async function countStories(db: Db, filter: StoryFilter): Promise<number> {
  const r = await published(db, filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listStoriesByIds(db: Db, ids: readonly number[]): Promise<StorySummary[]> {
  if (ids.length === 0) return [];
  // By id alone, status checked here: with `status = ?` in the query SQLite walks the
  // whole status index (every published story) instead of a few primary-key lookups.
  const rows = await db
    .selectFrom('stories')
    .select([...SUMMARY_COLUMNS])
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.filter((r) => r.status === 'published').map((r) => [Number(r.id), toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Agencies with at least one published story, in the index's order. One index seek per
 * agency (a loose index scan, written as a recursive query both engines run): grouping
 * counted every published story, ~10 ms on 100,000, on each refresh of the menu.
 */
export async function listAgencies(db: Db): Promise<string[]> {
  const { rows } = await sql<{ agency: string }>`with recursive a(agency) as (
      select (select agency from stories where status = 'published' and agency is not null order by agency limit 1)
      union all
      select (select s.agency from stories s where s.status = 'published' and s.agency > a.agency order by s.agency limit 1) from a where a.agency is not null
    ) select agency from a where agency is not null`.execute(db);
  return rows.map((r) => r.agency);
}

/** The next older story in the same sector, for the "Next article" link. */
export async function findNextInSector(db: Db, story: Pick<Story, 'id' | 'sector' | 'createdAt'>) {
  const row = await published(db, { sector: story.sector })
    .select([...SUMMARY_COLUMNS])
    .where((eb) =>
      eb.or([
        eb('created_at', '<', story.createdAt),
        eb.and([eb('created_at', '=', story.createdAt), eb('id', '<', story.id)]),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

/** Published stories with their bodies, newest first: for full-content feeds. */
export async function listFullStories(db: Db, filter: StoryFilter, page: Page): Promise<Story[]> {
  const key = listKey(filter);
  if (key) {
    // The list's ids from the keyed walk, then their bodies: one walk shape for both.
    const ids = (await listKeyed(db, key, page)).map((s) => s.id);
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('stories').select([...STORY_COLUMNS]).where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [Number(r.id), toStory(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
  const rows = await newestPage(published(db, filter), page).select([...STORY_COLUMNS]).execute();
  return rows.map(toStory);
}
