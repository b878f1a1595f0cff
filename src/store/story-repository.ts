import { type Kysely, type Transaction } from 'kysely';
import type { Database, NewStoryRow, StoryRow, StoryUpdate } from './schema.ts';
import { executeInsert, prepareQuery } from './prepared-query.ts';
import type { Story, StoryKind, StoryStatus, StorySummary } from '../domain/story.ts';
import { htmlToText } from '../lib/html-text.ts';
import { slugifyName } from '../lib/name-slug.ts';
import { insertAudits } from './audit-repository.ts';

export type Db = Kysely<Database> | Transaction<Database>;

/** The columns a list shows (no body); search selects the same. */
export const SUMMARY_COLUMNS = [
  'id', 'identity', 'kind', 'status', 'source_id', 'headline', 'summary', 'slug', 'sector', 'agency',
  'dateline_city', 'author', 'link', 'image_url', 'image_caption', 'language', 'categories',
  'created_at', 'updated_at', 'content_hash', 'version', 'corrected_at', 'embargo_until', 'cluster_id',
] as const;
// Named rather than selectAll(): the search columns (body_text, PostgreSQL's tsvector)
// are as large as the body and no page needs them.
export const STORY_COLUMNS = [...SUMMARY_COLUMNS, 'body_html', 'ingested_at'] as const;

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

export function toStory(row: Omit<StoryRow, 'body_text' | 'author_slug'>): Story {
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

/** Each found story's sector and agency, by id, in one query a thousand ids (what a change's surrogate keys need). */
export async function findStoryFilings(db: Db, ids: readonly number[]): Promise<Map<number, { sector: string; agency: string | null }>> {
  const found = new Map<number, { sector: string; agency: string | null }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db.selectFrom('stories').select(['id', 'sector', 'agency']).where('id', 'in', ids.slice(i, i + 1000)).execute();
    for (const r of rows) found.set(Number(r.id), { sector: r.sector, agency: r.agency });
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
