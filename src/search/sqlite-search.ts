// SQLite: FTS5 over stories_fts (migration 0006), bm25 with the headline weighted 10,
// the summary 4 and the body 1, blended with recency (README.md).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { SearchClause, SearchQuery, SearchTerm } from './search-query.ts';
import { MARK_END, MARK_START, splitMarked } from './highlight.ts';
import { MAX_CANDIDATES, type EngineResult, type EngineSearch } from './search.ts';
import { filterWhere, RECENCY_HOURS, SUMMARY_SELECT, toHits } from './search-rows.ts';

/** FTS5 query syntax: every word quoted (so AND, NEAR, `:` or `^` in it are text), phrases as one string. */
export function toFts5Query(query: SearchQuery): string {
  const positive = query.clauses.filter((c) => !c.negated).map(clause);
  const negative = query.clauses.filter((c) => c.negated).map(clause);
  const all = positive.join(' AND ');
  return negative.length === 0 ? all : `(${all}) NOT (${negative.join(' OR ')})`;
}

function clause(c: SearchClause): string {
  return c.anyOf.length === 1 ? term(c.anyOf[0] as SearchTerm) : `(${c.anyOf.map(term).join(' OR ')})`;
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function term(t: SearchTerm): string {
  if (t.kind === 'prefix') return `${quote(t.text)} *`;
  if (t.kind === 'phrase') return quote(t.words.join(' '));
  return quote(t.text);
}


export async function searchSqlite(db: Kysely<Database>, s: EngineSearch): Promise<EngineResult> {
  const match = toFts5Query(s.query);
  // The newest matches come straight from the index in rowid order (ids grow with
  // arrival), bm25 is computed for those only, then the blend orders them. CROSS JOIN
  // keeps the index the outer loop: driven from stories, SQLite would evaluate the
  // whole MATCH again for every story in a date range (seconds, measured).
  const ranked = await sql<{ id: number; candidates: number }>`
    with candidates as (
      select f.rowid as id, -bm25(stories_fts, 10.0, 4.0, 1.0) as relevance, s.created_at
      from stories_fts f cross join stories s on s.id = f.rowid
      where stories_fts match ${match} and ${filterWhere(s.filters)}${idBounds(s.filters)}
      order by f.rowid desc
      limit ${MAX_CANDIDATES}
    )
    select id, count(*) over () as candidates from candidates
    order by relevance * (1 + 1 / (1 + max(0, julianday(${s.now.toISOString()}) - julianday(created_at)) * 24 / ${RECENCY_HOURS})) desc, id desc
    limit ${s.limit} offset ${s.offset}`.execute(db);
  const ids = ranked.rows.map((r) => Number(r.id));
  if (ids.length === 0) return { hits: [], candidates: 0 };
  // Snippets for this page only: the index walks just the id range of the page's hits
  // (at most the candidates), and the aux functions run only for rows the IN keeps.
  // An IN list alone makes FTS5 walk every match (10–25 ms for a common word), one
  // lookup per hit re-expands a prefix query each time (~0.5 ms a hit); measured.
  // The casts matter: node:sqlite binds numbers as REAL, and FTS5 silently drops a
  // REAL rowid constraint.
  const rows = await sql<Record<string, unknown>>`
    select ${SUMMARY_SELECT},
      highlight(stories_fts, 0, ${MARK_START}, ${MARK_END}) as marked_headline,
      case when s.body_text = '' then highlight(stories_fts, 1, ${MARK_START}, ${MARK_END})
        else snippet(stories_fts, 2, ${MARK_START}, ${MARK_END}, '…', 32) end as marked_snippet
    from stories_fts f cross join stories s on s.id = f.rowid
    where stories_fts match ${match}
      and f.rowid >= cast(${Math.min(...ids)} as integer) and f.rowid <= cast(${Math.max(...ids)} as integer)
      and s.id in (${sql.join(ids)})`.execute(db);
  return { hits: toHits(ids, rows.rows, splitMarked), candidates: Number(ranked.rows[0]?.candidates ?? 0) };
}

/**
 * A date range as bounds on the ids of the stories in it, which FTS5 applies inside
 * the index instead of walking every newer match first. Exact: the bounds are the
 * range's own smallest and largest ids (from the status/created_at index), and the
 * date condition itself still applies.
 */
function idBounds(f: EngineSearch['filters']) {
  if (!f.createdFrom && !f.createdBefore) return sql``;
  const range = [sql`status = 'published'`];
  if (f.createdFrom) range.push(sql`created_at >= ${f.createdFrom}`);
  if (f.createdBefore) range.push(sql`created_at < ${f.createdBefore}`);
  const where = sql.join(range, sql` and `);
  return sql` and f.rowid >= coalesce((select min(id) from stories where ${where}), 0) and f.rowid <= coalesce((select max(id) from stories where ${where}), 0)`;
}
