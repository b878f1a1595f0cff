import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../engine.ts';

// PostgreSQL keeps a story's search_vector in the row itself (STORAGE MAIN) rather than
// in the TOAST table. A row carries body_html, body_text and the vector (~1 KB, which
// does not compress); over the 2 KB toast threshold PostgreSQL moved the largest
// uncompressible value out of line, the vector, so every @@ on the heap (the newest
// stories checked one by one, a phrase's recheck, ts_rank_cd) read it through the TOAST
// index: ~6 µs a story, 0.65 µs inline (the newest 5,000 stories of 100,000, measured).
// The bodies go out of line instead; only the article page reads them, one at a time.
//
// A date range is searched between the smallest and largest ids of the stories in it
// (src/search/postgres-search.ts), read from (status, created_at, id) without touching
// the table; the old (status, created_at) index is its prefix, so it goes. SQLite's
// indexes end with the rowid already.
//
// SET STORAGE applies to rows written after it, so every row is written again (a
// stored generated column is recomputed on UPDATE): ~25 s for 100,000 stories, and
// the table holds both versions until autovacuum. SQLite has no TOAST: nothing to do.
export function searchInline(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine !== 'postgres') return;
      await sql`alter table stories alter column search_vector set storage main`.execute(db);
      await sql`update stories set headline = headline`.execute(db);
      await db.schema.createIndex('stories_status_created_id').on('stories').columns(['status', 'created_at', 'id']).execute();
      await db.schema.dropIndex('stories_status_created').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (engine !== 'postgres') return;
      await db.schema.createIndex('stories_status_created').on('stories').columns(['status', 'created_at']).execute();
      await db.schema.dropIndex('stories_status_created_id').execute();
      await sql`alter table stories alter column search_vector set storage extended`.execute(db);
    },
  };
}
