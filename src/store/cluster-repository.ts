// Duplicates and clusters (ingest/dedupe): exact keys, MinHash signatures, LSH bands,
// and the cluster reads the article page and lists need. Written once for both engines.
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { storyStateOf, type StoryState } from './story-repository.ts';
import { newestFirst, type StoryLink } from '../domain/story.ts';
import { prepareQuery } from './prepared-query.ts';

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Hours since the epoch: how band rows keep their time (a small integer key). */
export function hourOf(iso: string): number {
  return Math.floor(Date.parse(iso) / 3_600_000);
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * On PostgreSQL, one publishing transaction at a time decides what is new: two nodes
 * carrying two copies of one story (or two reports of one event) must not both see
 * "nothing like it yet". Held until commit. SQLite has one writer anyway.
 */
export async function lockDedupe(trx: Transaction<Database>): Promise<void> {
  if (!isPostgres(trx)) return;
  // Any fixed number: "wirede" in ASCII.
  await sql`select pg_advisory_xact_lock(131277366207589)`.execute(trx);
}

/** Story ids by exact key (`link:…`, `body:…`, `id:…`). */
export async function findStoryKeys(db: Db, keys: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const chunk of chunks([...new Set(keys)])) {
    const rows = await db.selectFrom('story_keys').select(['key', 'story_id']).where('key', 'in', chunk).execute();
    for (const r of rows) found.set(r.key, Number(r.story_id));
  }
  return found;
}

/**
 * Adds keys. A key another story holds already is a unique violation (the publish
 * stage retries and then finds it): the database, not memory, keeps one story per key.
 * `ignoreTaken` is for keys that only help later lookups (merged identities' keys).
 */
export async function insertStoryKeys(db: Db, rows: readonly { key: string; story_id: number }[], ignoreTaken = false): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => [r.key, r.story_id]));
  const taken = ignoreTaken ? sql` on conflict (key) do nothing` : sql``;
  await (isPostgres(db)
    ? sql`insert into story_keys (key, story_id) select r->>0, (r->>1)::integer from jsonb_array_elements(${json}::jsonb) as r${taken}`
    : sql`insert into story_keys (key, story_id) select value ->> 0, value ->> 1 from json_each(${json}) where true${taken}`
  ).execute(db);
}

export interface BandCandidates {
  /** Band -> the newest `perBand` stories holding it in the window. */
  readonly stories: Map<number, number[]>;
  /** Bands more than `hotAt` stories hold in the window: boilerplate, not evidence. */
  readonly hot: Set<number>;
}

/**
 * Candidate stories sharing a band, within [from, to], at most `perBand` (the newest)
 * for each band, and which bands are hot (held by `hotAt` stories or more). A band that
 * boilerplate fills ("said on Tuesday", a desk's standing words) would otherwise make
 * every story a candidate of every other; the publish stage ignores hot bands and stops
 * writing them, so their rows stay near `hotAt` per window and each lookup stays cheap.
 */
export async function findBandCandidates(db: Db, bands: readonly number[], from: string, to: string, perBand: number, hotAt: number): Promise<BandCandidates> {
  const stories = new Map<number, number[]>();
  const hot = new Set<number>();
  const held = new Map<number, number>();
  for (const chunk of chunks([...new Set(bands)])) {
    // Newest first, capped here rather than with a window function: the rows of a band
    // stay few (hot bands are no longer written), and a plain index range is cheaper.
    // One JSON (SQLite) or array (PostgreSQL) parameter instead of 500: building and
    // binding long parameter lists cost more than the lookup itself.
    const rows = await db
      .selectFrom('story_bands')
      .select(['band', 'story_id'])
      .where('band', 'in', bandList(db, chunk))
      .where('hour', '>=', hourOf(from))
      .where('hour', '<=', hourOf(to))
      .orderBy('hour', 'desc')
      .execute();
    for (const r of rows) {
      const band = Number(r.band);
      const n = (held.get(band) ?? 0) + 1;
      held.set(band, n);
      if (n >= hotAt) {
        hot.add(band);
        stories.delete(band);
      } else if (n <= perBand) stories.set(band, [...(stories.get(band) ?? []), Number(r.story_id)]);
    }
  }
  return { stories, hot };
}

export interface MatchState extends StoryState {
  readonly clusterId: number | null;
  /** Base64 shingle hashes (ingest/dedupe/minhash.ts); null for stories stored before them. */
  readonly shingles: string | null;
  readonly names: string | null;
  readonly agency: string | null;
  readonly sourceId: number | null;
}

/** What the matcher needs of candidate stories: their state, cluster and signature. */
export async function findMatchStates(db: Db, ids: readonly number[]): Promise<Map<number, MatchState>> {
  const found = new Map<number, MatchState>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('stories as s')
      .leftJoin('story_signatures as g', 'g.story_id', 's.id')
      .select(['s.id', 's.identity', 's.content_hash', 's.created_at', 's.updated_at', 's.status', 's.version', 's.cluster_id', 's.agency', 's.source_id', 'g.shingles', 'g.names'])
      .where('s.id', 'in', idList(db, chunk))
      .execute();
    for (const r of rows) {
      found.set(Number(r.id), {
        ...storyStateOf(r),
        clusterId: r.cluster_id === null ? null : Number(r.cluster_id),
        shingles: r.shingles,
        names: r.names,
        agency: r.agency,
        sourceId: r.source_id === null ? null : Number(r.source_id),
      });
    }
  }
  return found;
}

export interface NewSignature {
  readonly storyId: number;
  /** Base64 shingle hashes. */
  readonly shingles: string;
  readonly names: string;
  readonly at: string;
  readonly bands: readonly number[];
}

export async function insertSignatures(db: Db, rows: readonly NewSignature[]): Promise<void> {
  for (const chunk of chunks(rows, 200)) {
    const json = JSON.stringify(chunk.map((r) => [r.storyId, r.shingles, r.names, r.at]));
    await (isPostgres(db)
      ? sql`insert into story_signatures (story_id, shingles, names, at) select (r->>0)::integer, r->>1, r->>2, r->>3 from jsonb_array_elements(${json}::jsonb) as r`
      : sql`insert into story_signatures (story_id, shingles, names, at) select value ->> 0, value ->> 1, value ->> 2, value ->> 3 from json_each(${json})`
    ).execute(db);
  }
  // A story has one row per distinct band (two bands hashing alike is not an error).
  // In key order: random band hashes would otherwise each land on a leaf of their own.
  const bands = rows.flatMap((r) => {
    const hour = hourOf(r.at);
    return [...new Set(r.bands)].map((band) => [band, hour, r.storyId] as const);
  });
  bands.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  for (const chunk of chunks(bands, 2000)) await insertBandRows(db, chunk);
}

/**
 * Band rows from one JSON parameter (so are keys and signatures): ten rows a story made
 * Kysely's multi-row INSERT (thousands of placeholders a statement) a dear part of the stage.
 */
async function insertBandRows(db: Db, rows: readonly (readonly number[])[]): Promise<void> {
  const json = JSON.stringify(rows);
  if (isPostgres(db)) {
    await sql`insert into story_bands (band, hour, story_id) select (r->>0)::bigint, (r->>1)::integer, (r->>2)::integer from jsonb_array_elements(${json}::jsonb) as r`.execute(db);
  } else {
    await sql`insert into story_bands (band, hour, story_id) select value ->> 0, value ->> 1, value ->> 2 from json_each(${json})`.execute(db);
  }
}

/** `id in (…)` as one parameter. */
function idList(db: Db, ids: readonly number[]) {
  return isPostgres(db) ? sql<number>`(select unnest(${`{${ids.join(',')}}`}::integer[]))` : sql<number>`(select value from json_each(${JSON.stringify(ids)}))`;
}

/** `band in (…)` as one parameter: a JSON array on SQLite, a bigint array on PostgreSQL. */
function bandList(db: Db, bands: readonly number[]) {
  return isPostgres(db)
    ? sql<number>`(select unnest(${`{${bands.join(',')}}`}::bigint[]))`
    : sql<number>`(select value from json_each(${JSON.stringify(bands)}))`;
}

/** Puts stories into clusters: [story id, lead id] pairs, in one statement. */
export async function setClusters(db: Db, pairs: readonly (readonly [number, number])[]): Promise<void> {
  const rows = pairs.filter(([id, lead]) => id !== lead);
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await (isPostgres(db)
    ? sql`update stories set cluster_id = (r->>1)::integer from jsonb_array_elements(${json}::jsonb) as r where stories.id = (r->>0)::integer`
    : // UPDATE … FROM (SQLite 3.33+): one primary-key lookup per pair. A correlated
      // subquery per row read the whole JSON again for every story, O(n²) in the batch.
      sql`update stories set cluster_id = j.lead from (select value ->> 0 as id, value ->> 1 as lead from json_each(${json})) as j where stories.id = j.id`
  ).execute(db);
}

/** Deletes band rows and signatures older than `before`: nothing is matched against them any more. */
export async function pruneBands(db: Kysely<Database>, before: string): Promise<number> {
  const bands = await db.deleteFrom('story_bands').where('hour', '<', hourOf(before)).executeTakeFirst();
  await db.deleteFrom('story_signatures').where('at', '<', before).execute();
  return Number(bands.numDeletedRows);
}


const LINK_COLUMNS = ['id', 'sector', 'slug', 'headline', 'agency', 'created_at'] as const;

function toLink(r: { id: number; sector: string; slug: string; headline: string; agency: string | null; created_at: string }): StoryLink {
  return { id: Number(r.id), sector: r.sector, slug: r.slug, headline: r.headline, agency: r.agency, createdAt: r.created_at };
}

// Article-page reads, compiled once (see prepared-query.ts): Kysely's build and compile
// cost more than SQLite's work for these index lookups.
const REPORTS_READ = 11;
const leadById = prepareQuery(
  (db: Kysely<Database>, lead: number) => db.selectFrom('stories').select([...LINK_COLUMNS]).where('id', '=', lead).where('status', '=', 'published'),
  1,
);
const followersOf = prepareQuery(
  (db: Kysely<Database>, lead: number) =>
    db.selectFrom('stories').select([...LINK_COLUMNS]).where('cluster_id', '=', lead).where('status', '=', 'published').orderBy('id').limit(REPORTS_READ),
  1,
);

/** The other published reports of a story's event (its cluster), oldest first, at most `limit` (10 at most). */
export async function findOtherReports(db: Kysely<Database>, story: { id: number; clusterId?: number | null }, limit = 10): Promise<StoryLink[]> {
  const lead = story.clusterId ?? story.id;
  // The lead by its key and its followers by the cluster index, in arrival order (ids
  // grow with it), as two lookups ordered here: written as one query (an OR, an ORDER
  // BY) SQLite walked every published story instead, 110 ms on 100,000.
  // A story without a lead leads (or is alone): nothing to look up but its followers.
  const [leads, followers] = await Promise.all([lead === story.id ? [] : leadById(db, lead), followersOf(db, lead)]);
  const rows = [...leads, ...followers].filter((r) => Number(r.id) !== story.id);
  rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : Number(a.id) - Number(b.id)));
  return rows.slice(0, limit).map(toLink);
}

/** What a related story shares with the article: its sector or one of its tags. */
export type RelatedKey = { readonly sector: string; readonly tag?: never } | { readonly tag: string; readonly sector?: never };

/** Read per key: enough that `limit` remain after the story itself and its event's reports are left out. */
export const NEWEST_READ = 16;

// One list per sector and per tag, each walked newest first down its own index
// ((sector, created_at) and story_tags' (slug, created_at)) for a few rows: the same
// lists serve every article of that sector or tag, so callers can keep them between
// changes. Asked as one query (sector OR a shared tag, newest first) SQLite walked
// every published story checking both, ~250 µs an article on 100,000 stories.
const newestOfSector = prepareQuery(
  (db: Kysely<Database>, sector: string) =>
    db
      .selectFrom('stories')
      .select([...LINK_COLUMNS])
      .where('sector', '=', sector)
      .where('status', '=', 'published')
      .where('cluster_id', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(NEWEST_READ),
  1,
);
const newestOfTag = prepareQuery(
  (db: Kysely<Database>, slug: string) =>
    db
      .selectFrom('story_tags as t')
      .innerJoin('stories as s', 's.id', 't.story_id')
      .select(LINK_COLUMNS.map((c) => `s.${c}` as const))
      .where('t.slug', '=', slug)
      .where('s.status', '=', 'published')
      .where('s.cluster_id', 'is', null)
      .orderBy('t.created_at', 'desc')
      .orderBy('t.story_id', 'desc')
      .limit(NEWEST_READ),
  1,
);

/** The newest published stories (event leads only) of a sector or with a tag, at most NEWEST_READ. */
export async function findNewestLeads(db: Kysely<Database>, key: RelatedKey): Promise<StoryLink[]> {
  const rows = key.tag !== undefined ? await newestOfTag(db, key.tag) : await newestOfSector(db, key.sector);
  return rows.map(toLink);
}

/**
 * Related stories from the newest lists of the story's sector and tags: newest first,
 * each once, leaving out the story and `excludeIds` (its event's reports, shown before).
 * Exactly the newest stories sharing the sector or a tag, as long as each list holds
 * its key's NEWEST_READ newest and `limit` + 1 + excludeIds.length <= NEWEST_READ.
 */
export function pickRelated(lists: readonly (readonly StoryLink[])[], storyId: number, excludeIds: readonly number[], limit: number): StoryLink[] {
  const excluded = new Set([storyId, ...excludeIds]);
  const byId = new Map<number, StoryLink>();
  for (const list of lists) for (const link of list) if (!excluded.has(link.id)) byId.set(link.id, link);
  return [...byId.values()].sort(newestFirst).slice(0, limit);
}

/**
 * Stories sharing the sector or a tag with this one, newest first, one per event.
 * `newest` reads a key's list: findNewestLeads, or a cache of it (the site keeps them
 * until the next change).
 */
export async function findRelatedStories(
  newest: (key: RelatedKey) => Promise<readonly StoryLink[]>,
  story: { id: number; sector: string },
  tags: readonly string[],
  excludeIds: readonly number[],
  limit = 4,
): Promise<StoryLink[]> {
  const keys: RelatedKey[] = [{ sector: story.sector }, ...tags.map((tag) => ({ tag }))];
  return pickRelated(await Promise.all(keys.map(newest)), story.id, excludeIds, limit);
}

/**
 * A lead taken down (killed, withheld) must not hide its event: the oldest published
 * report becomes the lead and the others follow it. Returns the new lead, if any.
 */
export async function handOverCluster(db: Db, leadId: number): Promise<number | undefined> {
  const next = await db
    .selectFrom('stories')
    .select('id')
    .where('cluster_id', '=', leadId)
    .where('status', '=', 'published')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  if (!next) return undefined;
  const nextId = Number(next.id);
  await db.updateTable('stories').set({ cluster_id: null }).where('id', '=', nextId).execute();
  await db.updateTable('stories').set({ cluster_id: nextId }).where('cluster_id', '=', leadId).execute();
  return nextId;
}
