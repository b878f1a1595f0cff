import { afterEach, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely/migration';
import { migrate } from '../store.ts';
import { migrationProvider } from './index.ts';
import { openEmptyStore, testEngines } from '../testing/test-stores.ts';
import type { Engine } from '../engine.ts';
import { searchStories } from '../../search/search.ts';

// A database made before search existed: its stories must become searchable by their
// text (not their markup) when 0006 runs.
const openEmpty = (engine: Engine) => openEmptyStore(engine, '0006');

describe.each(testEngines())('migration 0006-search on %s', (engine) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
  });

  it('backfills body text and indexes the stories already stored', async () => {
    const opened = await openEmpty(engine);
    dispose = opened.dispose;
    const { store } = opened;
    const migrator = new Migrator({ db: store.db, provider: migrationProvider(engine) });
    const { error } = await migrator.migrateTo('0005-push-sources');
    expect(error).toBeUndefined();
    const at = '2026-01-01T00:00:00.000Z';
    const base = { kind: 'wire', source_id: null, slug: 's', sector: 'politics', agency: 'PTI', dateline_city: null, author: null, link: null, image_url: null, image_caption: null, language: 'en', categories: '[]', created_at: at, updated_at: at, ingested_at: at, content_hash: 'h', summary: '' };
    // Written as an older version did: no body_text column yet.
    const old = store.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    for (let n = 0; n < 700; n++) {
      await old.insertInto('stories').values({ ...base, identity: `guid:${n}`, status: 'published', headline: `Old ${n}`, body_html: `<p>Paragraph <a href="https://x.example">linked${n}</a> text.</p>` }).execute();
    }
    await old.insertInto('stories').values({ ...base, identity: 'guid:killed', status: 'killed', headline: 'Gone', body_html: '<p>linked699</p>' }).execute();

    // 0006 and whatever came after it.
    expect((await migrate(store))[0]).toBe('0006-search');
    const rows = await store.db.selectFrom('stories').select(['identity', 'body_text']).where('identity', 'in', ['guid:0', 'guid:699']).orderBy('identity').execute();
    expect(rows).toEqual([
      { identity: 'guid:0', body_text: 'Paragraph linked0 text.' },
      { identity: 'guid:699', body_text: 'Paragraph linked699 text.' },
    ]);
    const found = await searchStories(store, { text: 'linked699' });
    expect(found.kind === 'results' && found.hits.map((h) => h.story.headline)).toEqual(['Old 699']);
    const href = await searchStories(store, { text: 'href' });
    expect(href.kind === 'results' && href.total).toBe(0);
  });
});
