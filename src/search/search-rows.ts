// What both engines share after their SQL: the summary columns, rows to hits in rank order.
import { sql, type RawBuilder } from 'kysely';
import { SUMMARY_COLUMNS, toSummary } from '../store/story-repository.ts';
import type { StoryRow } from '../store/schema.ts';
import type { Highlighted } from './highlight.ts';
import type { SearchFilters, SearchHit } from './search.ts';

/**
 * Recency: a story this many hours old counts 1.5× its relevance, a new one 2×, an
 * old one 1× (README.md, "Ranking").
 */
export const RECENCY_HOURS = 72;

export const SUMMARY_SELECT = sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(`s.${c}`)));

type Row = Record<string, unknown>;

/** Hits in the order of `ids` (the ranking), from rows in any order. */
export function toHits(ids: readonly number[], rows: readonly Row[], split: (marked: string) => Highlighted): SearchHit[] {
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const story = toSummary(row as unknown as Omit<StoryRow, 'body_html' | 'body_text' | 'ingested_at'>);
    return [{ story, headline: split(String(row.marked_headline ?? story.headline)), snippet: split(String(row.marked_snippet ?? '')) }];
  });
}

/**
 * The filters as SQL over `stories s`, the same on both engines; only published stories,
 * always. `column` may wrap a filter's column (PostgreSQL's walk of the newest ids uses
 * it to keep a date range off its index).
 */
export function filterWhere(f: SearchFilters, column: (name: 'sector' | 'agency' | 'created_at') => RawBuilder<unknown> = (name) => sql.ref(`s.${name}`)): RawBuilder<unknown> {
  const where: RawBuilder<unknown>[] = [sql`s.status = 'published'`];
  if (f.sectors && f.sectors.size > 0) where.push(sql`${column('sector')} in (${sql.join([...f.sectors])})`);
  if (f.agencies && f.agencies.size > 0) where.push(sql`${column('agency')} in (${sql.join([...f.agencies])})`);
  if (f.createdFrom) where.push(sql`${column('created_at')} >= ${f.createdFrom}`);
  if (f.createdBefore) where.push(sql`${column('created_at')} < ${f.createdBefore}`);
  return sql.join(where, sql` and `);
}
