// PostgreSQL: the generated search_vector (migration 0006; headline A, summary B, body
// C) matched with a tsquery built from the parsed query, ranked by ts_rank_cd blended
// with recency like SQLite's bm25 (README.md).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { SearchClause, SearchQuery, SearchTerm } from './search-query.ts';
import { MARK_END, MARK_START, splitMarked } from './highlight.ts';
import { MAX_CANDIDATES, type EngineResult, type EngineSearch } from './search.ts';
import { filterWhere, RECENCY_HOURS, SUMMARY_SELECT, toHits } from './search-rows.ts';

type Tsquery = RawBuilder<unknown>;

/**
 * The tsquery, built from PostgreSQL's own functions and operators (&&, ||, !!) with
 * the reader's text only ever a bound parameter: no query syntax of theirs reaches
 * to_tsquery except a prefix, which the parser limits to letters, digits and marks.
 */
export function toTsquery(query: SearchQuery): Tsquery {
  const parts = query.clauses.map((c) => (c.negated ? sql`!!${clause(c)}` : clause(c)));
  return sql`(${sql.join(parts, sql` && `)})`;
}

function clause(c: SearchClause): Tsquery {
  return sql`(${sql.join(c.anyOf.map(term), sql` || `)})`;
}

function term(t: SearchTerm): Tsquery {
  if (t.kind === 'prefix') return sql`to_tsquery('english', ${`${t.text}:*`})`;
  if (t.kind === 'phrase') return sql`phraseto_tsquery('english', ${t.words.join(' ')})`;
  return sql`plainto_tsquery('english', ${t.text})`;
}


// ts_rank_cd weights, in PostgreSQL's order {D, C, B, A}: body 0.1, summary 0.4, headline 1.
const WEIGHTS = sql.lit('{0, 0.1, 0.4, 1}');
const MARKS = `StartSel=${MARK_START}, StopSel=${MARK_END}`;

/**
 * How many of the newest stories are checked one by one before the GIN index is asked
 * for the older matches. A word in at least 500 / WINDOW (5 %) of them is served by the
 * walk alone (a word in every story stops after 500 rows); a rarer one costs this walk
 * (~0.65 µs a story) plus one heap fetch per older match (~3 µs), which at 100,000
 * stories balance near here (README.md, "PostgreSQL plans").
 */
export const WINDOW = 10_000;

/**
 * The snippet is cut from this much of the body: ts_headline parses all the text it is
 * given (~0.1 ms for 750 characters), and a match further in is rare enough that the
 * opening is then a fair passage.
 */
export const SNIPPET_SOURCE_CHARS = 3_000;

/** `window` is WINDOW but for tests, which cross the edge with a handful of stories. */
export async function searchPostgres(db: Kysely<Database>, s: EngineSearch, window = WINDOW): Promise<EngineResult> {
  const range = await idRange(db, s.filters);
  if (!range) return { hits: [], candidates: 0 };
  const q = toTsquery(s.query);
  const match = sql`${filterWhere(s.filters)} and s.search_vector @@ ${q}`;
  // In the window a date range is checked on each row walked: `|| ''` (the same text)
  // keeps it off stories_status_created_id, or the planner fetches every story of the
  // week and sorts them (7 ms for 10,000) where the walk stops at the 500th match
  // (3 ms). Sectors and agencies stay indexable: PostgreSQL orders a row's checks by
  // declared cost, so wrapped they would be checked after @@ instead of before it.
  const walked = sql`${filterWhere(s.filters, (name) => (name === 'created_at' ? sql`(s.created_at || '')` : sql.ref(`s.${name}`)))} and s.search_vector @@ ${q}`;
  const edge = range.hi - window;
  // As on SQLite: the newest matches, then rank only those (ts_rank_cd reads each vector).
  // The tsquery is written into each WHERE, not read from a CTE: bound parameters are
  // planned with their values, so the planner folds it and estimates it from the
  // column's statistics. The newest WINDOW ids are walked newest first and the walk
  // stops at the 500th match; only when they hold fewer does the GIN index fetch the
  // older matches, whatever the planner expected: a word common overall can be absent
  // from a sector, an agency or the last week, and a walk through every story to find
  // that out took 70-110 ms (README.md, "PostgreSQL plans").
  const { rows } = await sql<Record<string, unknown>>`
    with q as (select ${q} as q),
    recent as (
      select s.id from stories s
      where s.id > ${Math.max(edge, range.lo - 1)} and s.id <= ${range.hi} and ${walked}
      order by s.id desc
      limit ${MAX_CANDIDATES}
    ),
    older as materialized (
      select s.id from stories s
      where ${edge >= range.lo ? sql`(select count(*) from recent) < ${MAX_CANDIDATES} and s.id >= ${range.lo} and s.id <= ${edge} and ${match}` : sql`false`}
    ),
    candidates as (
      select id from recent
      union all
      (select id from older order by id desc limit ${MAX_CANDIDATES})
      order by id desc
      limit ${MAX_CANDIDATES}
    ),
    page as (
      select s.id, count(*) over () as candidates,
        ts_rank_cd(${WEIGHTS}::float4[], s.search_vector, q.q)
          * (1 + 1 / (1 + greatest(0, date_part('epoch', ${s.now.toISOString()}::timestamptz - s.created_at::timestamptz) / 3600) / ${RECENCY_HOURS})) as score
      from candidates c join stories s on s.id = c.id, q
      order by score desc, s.id desc
      limit ${s.limit} offset ${s.offset}
    )
    -- Snippets for the page's rows only, in the same round trip.
    select ${SUMMARY_SELECT}, p.candidates,
      ts_headline('english', s.headline, q.q, ${`HighlightAll=true, ${MARKS}`}) as marked_headline,
      ts_headline('english', case when s.body_text = '' then s.summary else left(s.body_text, ${SNIPPET_SOURCE_CHARS}) end, q.q,
        ${`MaxWords=32, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", ${MARKS}`}) as marked_snippet
    from page p join stories s on s.id = p.id, q
    order by p.score desc, p.id desc`.execute(db);
  const ids = rows.map((r) => Number(r.id));
  return { hits: toHits(ids, rows, splitMarked), candidates: Number(rows[0]?.candidates ?? 0) };
}

/**
 * The ids the search can reach: up to the newest story, or, with a date range, the
 * smallest and largest ids of the published stories in it (index-only over
 * stories_status_created_id, migration 0021), so the walk starts inside the range.
 * Undefined when nothing is in range.
 */
async function idRange(db: Kysely<Database>, f: EngineSearch['filters']): Promise<{ lo: number; hi: number } | undefined> {
  const where = [sql`status = 'published'`];
  if (f.createdFrom) where.push(sql`created_at >= ${f.createdFrom}`);
  if (f.createdBefore) where.push(sql`created_at < ${f.createdBefore}`);
  const dated = where.length > 1;
  // OFFSET 0 keeps min/max over the range's index entries: written plainly, the
  // planner turns them into walks of the primary key from either end until a story in
  // the range turns up (290 ms for a week two months back, measured; 2 ms this way).
  const { rows } = await sql<{ lo: number | null; hi: number | null }>`${
    dated
      ? sql`select min(id) as lo, max(id) as hi from (select id from stories where ${sql.join(where, sql` and `)} offset 0) r`
      : sql`select 0 as lo, max(id) as hi from stories`
  }`.execute(db);
  const [r] = rows;
  return r?.hi == null ? undefined : { lo: Number(r.lo ?? 0), hi: Number(r.hi) };
}
