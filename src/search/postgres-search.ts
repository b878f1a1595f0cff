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

export async function searchPostgres(db: Kysely<Database>, s: EngineSearch): Promise<EngineResult> {
  const q = toTsquery(s.query);
  // As on SQLite: the newest matches, then rank only those (ts_rank_cd reads each vector).
  // The tsquery is written into the candidates' WHERE, not read from the CTE: bound
  // parameters are planned with their values, so the planner folds it to a constant and
  // estimates its selectivity from the column's statistics. A common word then walks
  // the newest stories by id and stops at the 500th match; a rare one takes the GIN
  // index. Through the CTE every query looked rare (0.5 %) and a word in every story
  // fetched all 100,000 rows to keep 500 (README.md, "Ranking").
  const ranked = await sql<{ id: number; candidates: string }>`
    with q as (select ${q} as q),
    candidates as (
      select s.id from stories s
      where s.search_vector @@ ${q} and ${filterWhere(s.filters)}
      order by s.id desc
      limit ${MAX_CANDIDATES}
    )
    select s.id, count(*) over () as candidates
    from candidates c join stories s on s.id = c.id, q
    order by ts_rank_cd(${WEIGHTS}::float4[], s.search_vector, q.q)
      * (1 + 1 / (1 + greatest(0, extract(epoch from (${s.now.toISOString()}::timestamptz - s.created_at::timestamptz)) / 3600) / ${RECENCY_HOURS})) desc,
      s.id desc
    limit ${s.limit} offset ${s.offset}`.execute(db);
  const ids = ranked.rows.map((r) => Number(r.id));
  if (ids.length === 0) return { hits: [], candidates: 0 };
  const rows = await sql<Record<string, unknown>>`
    with q as (select ${q} as q)
    select ${SUMMARY_SELECT},
      ts_headline('english', s.headline, q.q, ${`HighlightAll=true, ${MARKS}`}) as marked_headline,
      ts_headline('english', case when s.body_text = '' then s.summary else s.body_text end, q.q,
        ${`MaxWords=32, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", ${MARKS}`}) as marked_snippet
    from stories s, q
    where s.id in (${sql.join(ids)})`.execute(db);
  return { hits: toHits(ids, rows.rows, splitMarked), candidates: Number(ranked.rows[0]?.candidates ?? 0) };
}
