// What the sitemaps need: published stories in fixed id ranges (so a story's sitemap
// file never changes as newer stories arrive) and the news sitemap's recent stories.
// Written once with Kysely for both engines; times are ISO text, so max() and >= on
// them order correctly in SQLite and PostgreSQL alike.
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** One line of a sitemap: where the story lives and when it last changed. */
export interface SitemapStoryRow {
  readonly id: number;
  readonly sector: string;
  readonly slug: string;
  readonly updatedAt: string;
}

/** A story in the news sitemap, with what Google News wants of it. */
export interface NewsSitemapRow {
  readonly id: number;
  readonly sector: string;
  readonly slug: string;
  readonly headline: string;
  readonly createdAt: string;
}

/** One id-range chunk that holds published stories, with its newest `updated_at`. */
export interface SitemapChunk {
  /** 1-based: chunk n covers ids (n-1)·size+1 … n·size. */
  readonly chunk: number;
  readonly lastmod: string;
}

/**
 * The chunks of `size` ids that hold at least one published story, in order. Chunks
 * with none are left out: an empty `<urlset>` is invalid (the schema wants one `url`).
 */
export async function listSitemapChunks(db: Kysely<Database>, size: number): Promise<SitemapChunk[]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`store: sitemap chunk size must be a positive integer, got ${size}`);
  // Integer division truncates in both engines (ids are integers); the size is a
  // literal so PostgreSQL types the expression as integer, not as an unknown parameter.
  const chunk = sql<number>`(id - 1) / ${sql.lit(size)}`;
  const rows = await db
    .selectFrom('stories')
    .select([chunk.as('chunk'), (eb) => eb.fn.max('updated_at').as('lastmod')])
    .where('status', '=', 'published')
    .groupBy(chunk)
    .orderBy(chunk)
    .execute();
  return rows.map((r) => ({ chunk: Number(r.chunk) + 1, lastmod: r.lastmod }));
}

/** Published stories of chunk `chunk` (1-based), by id. */
export async function listSitemapStories(db: Kysely<Database>, chunk: number, size: number): Promise<SitemapStoryRow[]> {
  const first = (chunk - 1) * size + 1;
  const rows = await db
    .selectFrom('stories')
    .select(['id', 'sector', 'slug', 'updated_at'])
    .where('status', '=', 'published')
    .where('id', '>=', first)
    .where('id', '<', first + size)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), sector: r.sector, slug: r.slug, updatedAt: r.updated_at }));
}

/** Published stories created at or after `since`, newest first, at most `limit`. */
export async function listNewsSitemapStories(db: Kysely<Database>, since: Date, limit: number): Promise<NewsSitemapRow[]> {
  const rows = await db
    .selectFrom('stories')
    .select(['id', 'sector', 'slug', 'headline', 'created_at'])
    .where('status', '=', 'published')
    .where('created_at', '>=', since.toISOString())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), sector: r.sector, slug: r.slug, headline: r.headline, createdAt: r.created_at }));
}
