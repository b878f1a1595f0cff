// A story's countries and tags (written with each version by publish) and editors'
// sector labels. Dialect-agnostic Kysely.
import { executeInsert, prepareQuery } from './prepared-query.ts';
import { updateStory } from './story-repository.ts';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoryTagRow {
  readonly slug: string;
  readonly name: string;
  readonly kind: string;
}

export interface StoryGeo {
  /** ISO alpha-2 codes, most central first. */
  readonly countries: readonly string[];
  readonly tags: readonly StoryTagRow[];
}

/** Replaces a story's countries and tags with this version's. */
export async function replaceStoryGeo(db: Db, storyId: number, geo: StoryGeo): Promise<void> {
  await db.deleteFrom('story_countries').where('story_id', '=', storyId).execute();
  await db.deleteFrom('story_tags').where('story_id', '=', storyId).execute();
  const countries = [...new Set(geo.countries)];
  if (countries.length > 0) {
    await db.insertInto('story_countries').values(countries.map((country, position) => countryRow(storyId, country, position))).execute();
  }
  const seen = new Set<string>();
  const tags = geo.tags.filter((t) => !seen.has(t.slug) && seen.add(t.slug));
  if (tags.length > 0) {
    await db.insertInto('story_tags').values(tags.map((t, position) => tagRow(storyId, t, position))).execute();
  }
}

/**
 * Tag and country rows carry their story's created_at (newest-first reads by tag or
 * country walk a (slug or country, created_at) index). It never changes after the first
 * version; unless the caller has just written it (ingest), the insert copies it from the
 * story itself.
 */
const createdAtOf = (storyId: number) => (eb: ExpressionBuilder<Database, 'story_tags' | 'story_countries'>) =>
  eb.selectFrom('stories').select('stories.created_at').where('stories.id', '=', storyId);

type CreatedAt = string | ReturnType<typeof createdAtOf>;

function tagRow(storyId: number, t: StoryTagRow, position: number, createdAt: CreatedAt = createdAtOf(storyId)) {
  return { story_id: storyId, slug: t.slug, name: t.name, kind: t.kind, position, created_at: createdAt };
}

function countryRow(storyId: number, country: string, position: number, createdAt: CreatedAt = createdAtOf(storyId)) {
  return { story_id: storyId, country, position, created_at: createdAt };
}

// Rows per multi-row INSERT: at most 7 parameters each, well under both engines' limits.
const GEO_CHUNK = 1000;

/**
 * Countries and tags of stories just inserted (nothing to delete first): a few multi-row
 * INSERTs for a whole batch. `createdAt`, when the caller has just written it, saves
 * each row a lookup of its story (ingest writes thousands a second).
 */
export async function insertStoryGeos(db: Db, entries: readonly { readonly storyId: number; readonly createdAt?: string; readonly geo: StoryGeo }[]): Promise<void> {
  const countries = entries.flatMap(({ storyId, createdAt, geo }) => [...new Set(geo.countries)].map((country, position) => countryRow(storyId, country, position, createdAt)));
  const tags = entries.flatMap(({ storyId, createdAt, geo }) => {
    const seen = new Set<string>();
    return geo.tags.filter((t) => !seen.has(t.slug) && seen.add(t.slug)).map((t, position) => tagRow(storyId, t, position, createdAt));
  });
  for (let i = 0; i < countries.length; i += GEO_CHUNK) {
    const chunk = countries.slice(i, i + GEO_CHUNK);
    await executeInsert(db, 'insertStoryGeos countries', chunk, () => db.insertInto('story_countries').values(chunk));
  }
  for (let i = 0; i < tags.length; i += GEO_CHUNK) {
    const chunk = tags.slice(i, i + GEO_CHUNK);
    await executeInsert(db, 'insertStoryGeos tags', chunk, () => db.insertInto('story_tags').values(chunk));
  }
}

/** The first country of each story (its region tag); stories with none are absent. */
export async function findFirstCountries(db: Db, storyIds: readonly number[]): Promise<Map<number, string>> {
  if (storyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('story_countries')
    .select(['story_id', 'country'])
    .where('story_id', 'in', [...storyIds])
    .where('position', '=', 0)
    .execute();
  return new Map(rows.map((r) => [Number(r.story_id), r.country]));
}

export async function findStoryCountries(db: Db, storyId: number): Promise<string[]> {
  const rows = await db.selectFrom('story_countries').select('country').where('story_id', '=', storyId).orderBy('position').execute();
  return rows.map((r) => r.country);
}

// On every article view: compiled once (see prepared-query.ts).
const selectStoryTags = prepareQuery(
  (db: Kysely<Database>, storyId: number) => db.selectFrom('story_tags').select(['slug', 'name', 'kind']).where('story_id', '=', storyId).orderBy('position'),
  1,
);

export async function findStoryTags(db: Db, storyId: number): Promise<StoryTagRow[]> {
  return selectStoryTags(db as Kysely<Database>, storyId);
}

/** A tag's display name (the most recent spelling), or undefined when no story has it. */
export async function findTagName(db: Db, slug: string): Promise<string | undefined> {
  const row = await db.selectFrom('story_tags').select('name').where('slug', '=', slug).orderBy('created_at', 'desc').orderBy('story_id', 'desc').limit(1).executeTakeFirst();
  return row?.name;
}

export interface SectorLabel {
  readonly storyId: number;
  readonly sector: string;
  readonly labelledBy: string;
  readonly labelledAt: string;
}

export async function addSectorLabel(db: Db, label: SectorLabel): Promise<void> {
  await db.insertInto('sector_labels').values({ story_id: label.storyId, sector: label.sector, labelled_by: label.labelledBy, labelled_at: label.labelledAt }).execute();
}

/** An editor files a story under a sector: the label (the classifier learns from it) and the story moved, together. */
export async function refileStory(db: Kysely<Database>, label: SectorLabel): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await addSectorLabel(trx, label);
    await updateStory(trx, label.storyId, { sector: label.sector });
  });
}

/** A story's labels, oldest first: who filed it where, and when. */
export async function listStoryLabels(db: Db, storyId: number): Promise<SectorLabel[]> {
  const rows = await db.selectFrom('sector_labels').select(['sector', 'labelled_by', 'labelled_at']).where('story_id', '=', storyId).orderBy('id').execute();
  return rows.map((r) => ({ storyId, sector: r.sector, labelledBy: r.labelled_by, labelledAt: r.labelled_at }));
}

export interface LabelledText {
  readonly storyId: number;
  readonly sector: string;
  readonly headline: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly categories: readonly string[];
}

/** Each labelled story's latest label with its text: the sector model's training set. */
export async function listSectorLabels(db: Db): Promise<LabelledText[]> {
  const rows = await db
    .selectFrom('sector_labels as l')
    .innerJoin('stories as s', 's.id', 'l.story_id')
    .select(['l.id', 'l.story_id', 'l.sector', 's.headline', 's.summary', 's.body_html', 's.categories'])
    .orderBy('l.id')
    .execute();
  const latest = new Map<number, LabelledText>();
  for (const r of rows) {
    const storyId = Number(r.story_id);
    latest.set(storyId, { storyId, sector: r.sector, headline: r.headline, summary: r.summary, bodyHtml: r.body_html, categories: parseCategories(r.categories) });
  }
  return [...latest.values()];
}

/** Sector labels so far: their count and newest id, to tell when the sector model must be retrained. */
export async function sectorLabelsVersion(db: Db): Promise<string> {
  const row = await db.selectFrom('sector_labels').select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.max('id').as('last')]).executeTakeFirst();
  return `${Number(row?.n ?? 0)}:${Number(row?.last ?? 0)}`;
}

// Stored as a JSON array of strings; anything else (a hand-edited row) counts as none.
function parseCategories(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}
