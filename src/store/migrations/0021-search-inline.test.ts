import { afterEach, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely/migration';
import { sql, type Kysely } from 'kysely';
import { migrate } from '../store.ts';
import { migrationProvider } from './index.ts';
import { openEmptyStore, testEngines } from '../testing/test-stores.ts';
import { searchStories } from '../../search/search.ts';

// A site made before 0021: on PostgreSQL its search vectors move into the rows (every
// row written again); on SQLite nothing changes. Either way its stories stay searchable.
describe.each(testEngines())('migration 0021-search-inline on %s', (engine) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
  });

  it('keeps the vector in the row, rewrites the stories already stored, and indexes ids by date', async () => {
    const opened = await openEmptyStore(engine, '0021');
    dispose = opened.dispose;
    const { store } = opened;
    const { error } = await new Migrator({ db: store.db, provider: migrationProvider(engine) }).migrateTo('0020-change-notes');
    expect(error).toBeUndefined();
    const old = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const at = '2026-01-01T00:00:00.000Z';
    // Long enough that PostgreSQL moved the vector out of line before 0021.
    const body = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    await old.insertInto('stories').values({
      identity: 'guid:1', kind: 'wire', status: 'published', source_id: null, slug: 's', sector: 'politics', agency: 'PTI', dateline_city: null, author: null, link: null,
      image_url: null, image_caption: null, language: 'en', categories: '[]', created_at: at, updated_at: at, ingested_at: at, content_hash: 'h',
      summary: 'Summary.', headline: 'Harbour dredging resumes', body_html: `<p>${body}</p>`, body_text: body,
    }).execute();
    const version = async () => engine === 'postgres' ? String((await sql<{ v: string }>`select xmin::text as v from stories`.execute(store.db)).rows[0]?.v) : 'sqlite';
    const before = await version();

    expect((await migrate(store))[0]).toBe('0021-search-inline');
    if (engine === 'postgres') {
      const storage = await sql<{ s: string }>`select attstorage as s from pg_attribute where attrelid = 'stories'::regclass and attname = 'search_vector'`.execute(store.db);
      expect(storage.rows[0]?.s).toBe('m');
      expect(await version()).not.toBe(before);
      const indexes = await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'stories' and indexname like 'stories_status_created%'`.execute(store.db);
      expect(indexes.rows.map((r) => r.name)).toEqual(['stories_status_created_id']);
    }
    for (const text of ['harbour', 'word299']) {
      const page = await searchStories(store, { text });
      expect(page.kind === 'results' && page.hits.map((h) => h.story.headline)).toEqual(['Harbour dredging resumes']);
    }
  });
});
