import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewStoryRow, StoryRow, StoryUpdate } from './schema.ts';
import { executeInsert, prepareQuery } from './prepared-query.ts';
import type { Story, StoryKind, StoryStatus, StorySummary } from '../domain/story.ts';
import { htmlToText } from '../lib/html-text.ts';
import { slugifyName } from '../lib/name-slug.ts';
import { insertAudits } from './audit-repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns a list shows (no body); search selects the same. */
export const SUMMARY_COLUMNS = [
  'id', 'identity', 'kind', 'status', 'source_id', 'headline', 'summary', 'slug', 'sector', 'agency',
  'dateline_city', 'author', 'link', 'image_url', 'image_caption', 'language', 'categories',
  'created_at', 'updated_at', 'content_hash', 'version', 'corrected_at', 'embargo_until', 'cluster_id',
] as const;
// Named rather than selectAll(): the search columns (body_text, PostgreSQL's tsvector)
// are as large as the body and no page needs them.
const STORY_COLUMNS = [...SUMMARY_COLUMNS, 'body_html', 'ingested_at'] as const;

export function toSummary(row: Omit<StoryRow, 'body_html' | 'body_text' | 'ingested_at' | 'author_slug'>): StorySummary {
  return {
    id: Number(row.id),
    identity: row.identity,
    kind: row.kind as StoryKind,
    status: row.status as StoryStatus,
    sourceId: row.source_id === null ? null : Number(row.source_id),
    headline: row.headline,
    summary: row.summary,
    slug: row.slug,
    sector: row.sector,
    agency: row.agency,
    datelineCity: row.dateline_city,
    author: row.author,
    link: row.link,
    imageUrl: row.image_url,
    imageCaption: row.image_caption,
    language: row.language,
    categories: JSON.parse(row.categories) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    contentHash: row.content_hash,
    version: row.version === null ? null : Number(row.version),
    correctedAt: row.corrected_at,
    embargoUntil: row.embargo_until,
    clusterId: row.cluster_id === null ? null : Number(row.cluster_id),
  };
}

function toStory(row: Omit<StoryRow, 'body_text' | 'author_slug'>): Story {
  return { ...toSummary(row), bodyHtml: row.body_html };
}

// The article page's lookup: prepared once, as it runs on every page view.
const selectStoryById = prepareQuery((db: Kysely<Database>, id: number) => db.selectFrom('stories').select([...STORY_COLUMNS]).where('id', '=', id), 1);

export async function findStoryById(db: Db, id: number): Promise<Story | undefined> {
  const [row] = await selectStoryById(db, id);
  return row ? toStory(row) : undefined;
}

export interface StoryState {
  readonly id: number;
  readonly identity: string;
  readonly contentHash: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly status: StoryStatus;
  readonly version: number | null;
}

type StateRow = Pick<StoryRow, 'id' | 'identity' | 'content_hash' | 'created_at' | 'updated_at' | 'status' | 'version'>;

export function storyStateOf(r: StateRow): StoryState {
  return {
    id: Number(r.id),
    identity: r.identity,
    contentHash: r.content_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    status: r.status as StoryStatus,
    version: r.version === null ? null : Number(r.version),
  };
}

/** Identity lookup for the publish stage: only what it needs to decide new/updated/unchanged. */
export async function findStoryStates(db: Db, identities: readonly string[]): Promise<Map<string, StoryState>> {
  const found = new Map<string, StoryState>();
  for (let i = 0; i < identities.length; i += 500) {
    const chunk = identities.slice(i, i + 500);
    const rows = await db
      .selectFrom('stories')
      .select(['id', 'identity', 'content_hash', 'created_at', 'updated_at', 'status', 'version'])
      .where('identity', 'in', chunk)
      .execute();
    for (const r of rows) found.set(r.identity, storyStateOf(r));
  }
  return found;
}

export async function insertStory(db: Db, row: NewStoryRow): Promise<number> {
  const r = await db.insertInto('stories').values(withDerived(row)).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Inserts many rows in few statements (one round trip per chunk); returns their ids by identity. */
export async function insertStories(db: Db, rows: readonly NewStoryRow[]): Promise<{ id: number; identity: string; status: string }[]> {
  const out: { id: number; identity: string; status: string }[] = [];
  // 25 columns × 100 rows stays far below both engines' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100).map(withDerived);
    const inserted = await executeInsert(db, 'insertStories', chunk, () => db.insertInto('stories').values(chunk).returning(['id', 'identity', 'status']));
    for (const r of inserted) out.push({ id: Number(r.id), identity: r.identity, status: r.status });
  }
  return out;
}

export async function updateStory(db: Db, id: number, patch: StoryUpdate): Promise<void> {
  await db.updateTable('stories').set(withDerived(patch)).where('id', '=', id).execute();
}

/**
 * Columns derived from others, here so no writer can skip them: search indexes the
 * body's text, never its markup; author pages find stories by the byline's slug.
 * A writer that has the body's text already (ingest read it to classify the story)
 * passes it as `body_text`: it must be `htmlToText(body_html)`.
 */
function withDerived<T extends { body_html?: string; body_text?: string; author?: string | null; author_slug?: unknown }>(row: T): T {
  const text = row.body_html === undefined ? row : { ...row, body_text: row.body_text ?? htmlToText(row.body_html) };
  if (row.author === undefined) return text;
  const slug = row.author === null ? null : slugifyName(row.author);
  return { ...text, author_slug: slug || null };
}

export type KindChange =
  | { readonly outcome: 'changed'; readonly from: StoryKind }
  | { readonly outcome: 'unchanged' }
  | { readonly outcome: 'missing' }
  /** Roundups are the roundup builder's: an editor neither makes nor unmakes one. */
  | { readonly outcome: 'roundup' };

/**
 * An editor's change of a story's kind (an agency piece that is really an opinion
 * column), audited like the other story actions. Publish never rewrites a kind, so the
 * change lasts through the agency's later versions.
 */
export async function changeStoryKind(db: Kysely<Database>, id: number, kind: Exclude<StoryKind, 'roundup'>, by: string, now: Date): Promise<KindChange> {
  return db.transaction().execute(async (tx): Promise<KindChange> => {
    const row = await tx.selectFrom('stories').select('kind').where('id', '=', id).executeTakeFirst();
    if (!row) return { outcome: 'missing' };
    if (row.kind === 'roundup') return { outcome: 'roundup' };
    if (row.kind === kind) return { outcome: 'unchanged' };
    await tx.updateTable('stories').set({ kind }).where('id', '=', id).execute();
    await insertAudits(tx, [{ story_id: id, action: 'kind-changed', detail: `${row.kind} -> ${kind} by ${by}`, at: now.toISOString() }]);
    return { outcome: 'changed', from: row.kind as StoryKind };
  });
}

/** The byline as last written for an author slug, or undefined when no published story has it. */
export async function findAuthorName(db: Db, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('stories')
    .select('author')
    .where('author_slug', '=', slug)
    .where('status', '=', 'published')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.author ?? undefined;
}

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

const newestFirst = (a: StorySummary, b: StorySummary) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id);

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
  const rows = await published(db, filter)
    .select([...SUMMARY_COLUMNS])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
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
  const rows = await published(db, filter)
    .select([...STORY_COLUMNS])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map(toStory);
}

/**
 * Publishes every embargoed story whose time has come; returns their ids. Safe on
 * several nodes at once: the status check in the UPDATE lets only one node flip each.
 */
export async function releaseEmbargoes(db: Kysely<Database>, now: Date): Promise<number[]> {
  const rows = await db
    .updateTable('stories')
    .set({ status: 'published' })
    .where('status', '=', 'embargoed')
    .where('embargo_until', '<=', now.toISOString())
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** What "Next article" links to: the next older published story in the same sector. */
export interface NextLink {
  readonly id: number;
  readonly sector: string;
  readonly slug: string;
  readonly headline: string;
}

// The article page's one statement: the story and, joined on a correlated subquery,
// the next older published story of its sector (newest first; a story created at the
// same instant comes next when its id is lower). `created_at <= t` first lets both
// engines walk the (sector, created_at) index down from the story instead of from the
// sector's newest. One round trip instead of two matters on the hottest page.
const selectArticleById = prepareQuery(
  (db: Kysely<Database>, id: number) =>
    db
      .selectFrom('stories as s')
      .leftJoin('stories as n', (join) =>
        join.on((eb) =>
          eb(
            'n.id',
            '=',
            eb
              .selectFrom('stories as p')
              .select('p.id')
              .whereRef('p.sector', '=', 's.sector')
              .whereRef('p.created_at', '<=', 's.created_at')
              .where('p.status', '=', 'published')
              .where((e) => e.or([e('p.created_at', '<', e.ref('s.created_at')), e('p.id', '<', e.ref('s.id'))]))
              .orderBy('p.created_at', 'desc')
              .orderBy('p.id', 'desc')
              .limit(1),
          ),
        ),
      )
      .select(STORY_COLUMNS.map((c) => `s.${c}` as const))
      .select(['n.id as next_id', 'n.slug as next_slug', 'n.headline as next_headline'])
      .where('s.id', '=', id),
  1,
);

/** A story with its "Next article" link (only looked for when the story is published). */
export async function findArticleById(db: Db, id: number): Promise<{ story: Story; next?: NextLink } | undefined> {
  const [row] = await selectArticleById(db as Kysely<Database>, id);
  if (!row) return undefined;
  const story = toStory(row as unknown as Omit<StoryRow, 'body_text' | 'author_slug'>);
  if (row.next_id === null || row.next_id === undefined || row.next_slug === null || row.next_headline === null) return { story };
  return { story, next: { id: Number(row.next_id), sector: story.sector, slug: String(row.next_slug), headline: String(row.next_headline) } };
}
