import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../engine.ts';
import { htmlToText } from '../../lib/html-text.ts';

// Full-text search (src/search/). Bodies are indexed as their plain text, kept in
// `body_text` by the story repository, so that tag names and attributes (`href`,
// `noopener`) are not words of every story.
//
// SQLite: an FTS5 table over stories' own columns (external content: no second copy
// of the text), kept in step by triggers, so no code path can forget it. Porter
// stemming over unicode61 with combining marks (M*) as part of words: otherwise the
// vowel signs of Devanagari split every Hindi word in pieces.
//
// PostgreSQL: a stored generated tsvector (headline A, summary B, body C) with a GIN
// index. The body is cut at 100,000 characters because a tsvector is capped at 1 MB
// and an oversized story must still be stored (only its tail is not searchable).
const FTS_COLUMNS = 'headline, summary, body_text';
const TOKENIZE = `porter unicode61 remove_diacritics 2 categories 'L* N* Co M*'`;
export const PG_SEARCH_VECTOR = sql`setweight(to_tsvector('english'::regconfig, headline), 'A')
  || setweight(to_tsvector('english'::regconfig, summary), 'B')
  || setweight(to_tsvector('english'::regconfig, left(body_text, 100000)), 'C')`;

export function search(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('stories').addColumn('body_text', 'text', (c) => c.notNull().defaultTo('')).execute();
      if (engine === 'sqlite') {
        await db.transaction().execute((trx) => backfillBodyText(trx));
        await createFts(db);
      } else {
        // Migrations already run in a transaction on PostgreSQL.
        await backfillBodyText(db);
        await sql`alter table stories add column search_vector tsvector generated always as (${PG_SEARCH_VECTOR}) stored`.execute(db);
        await sql`create index stories_search on stories using gin (search_vector)`.execute(db);
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (engine === 'sqlite') {
        for (const t of ['stories_fts_insert', 'stories_fts_delete', 'stories_fts_update']) await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
        await sql`drop table if exists stories_fts`.execute(db);
      } else {
        await sql`drop index if exists stories_search`.execute(db);
        await sql`alter table stories drop column search_vector`.execute(db);
      }
      await db.schema.alterTable('stories').dropColumn('body_text').execute();
    },
  };
}

async function backfillBodyText(db: Kysely<unknown>): Promise<void> {
  const stories = db as unknown as Kysely<{ stories: { id: number; body_html: string; body_text: string } }>;
  for (let after = 0; ; ) {
    const rows = await stories.selectFrom('stories').select(['id', 'body_html']).where('id', '>', after).orderBy('id').limit(500).execute();
    for (const r of rows) await stories.updateTable('stories').set({ body_text: htmlToText(r.body_html) }).where('id', '=', r.id).execute();
    const last = rows[rows.length - 1];
    if (!last) return;
    after = Number(last.id);
  }
}

async function createFts(db: Kysely<unknown>): Promise<void> {
  const cols = sql.raw(FTS_COLUMNS);
  const news = sql.raw('new.headline, new.summary, new.body_text');
  const olds = sql.raw('old.headline, old.summary, old.body_text');
  await sql`create virtual table stories_fts using fts5(${cols}, content='stories', content_rowid='id', tokenize=${sql.lit(TOKENIZE)})`.execute(db);
  // External content: the index must be told the old text to forget it ('delete').
  await sql`create trigger stories_fts_insert after insert on stories begin
    insert into stories_fts(rowid, ${cols}) values (new.id, ${news}); end`.execute(db);
  await sql`create trigger stories_fts_delete after delete on stories begin
    insert into stories_fts(stories_fts, rowid, ${cols}) values ('delete', old.id, ${olds}); end`.execute(db);
  await sql`create trigger stories_fts_update after update of ${cols} on stories begin
    insert into stories_fts(stories_fts, rowid, ${cols}) values ('delete', old.id, ${olds});
    insert into stories_fts(rowid, ${cols}) values (new.id, ${news}); end`.execute(db);
  await sql`insert into stories_fts(stories_fts) values ('rebuild')`.execute(db);
}
