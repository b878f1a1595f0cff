import { afterEach, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely/migration';
import type { Kysely } from 'kysely';
import { migrate } from '../store.ts';
import { migrationProvider } from './index.ts';
import { openEmptyStore, testEngines } from '../testing/test-stores.ts';
import { listStories } from '../story-repository.ts';

// Country rows written before 0019 have no time of their own: it copies their story's,
// and a country page then reads in the stories' order, not the order they arrived.
describe.each(testEngines())('migration 0019-country-recency on %s', (engine) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
  });

  it('gives existing country rows their story’s created_at', async () => {
    const opened = await openEmptyStore(engine, '0019');
    dispose = opened.dispose;
    const { store } = opened;
    const { error } = await new Migrator({ db: store.db, provider: migrationProvider(engine) }).migrateTo('0018-tag-recency');
    expect(error).toBeUndefined();
    const old = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const base = { kind: 'wire', status: 'published', source_id: null, sector: 'politics', agency: 'PTI', dateline_city: null, link: null, image_url: null, image_caption: null, language: 'en', categories: '[]', content_hash: 'h', summary: '', body_html: '<p>b</p>' };
    // Arrival order 1, 2, 3; wire times 3 newest, then 1, then 2.
    const times = ['2026-01-01T02:00:00.000Z', '2026-01-01T01:00:00.000Z', '2026-01-01T03:00:00.000Z'];
    for (const [i, at] of times.entries()) {
      await old.insertInto('stories').values({ ...base, identity: `guid:${i + 1}`, slug: `s${i + 1}`, headline: `H${i + 1}`, created_at: at, updated_at: at, ingested_at: at }).execute();
      await old.insertInto('story_countries').values({ story_id: i + 1, country: 'IN', position: 0 }).execute();
    }
    expect(await migrate(store)).toContain('0019-country-recency');
    const rows = await store.db.selectFrom('story_countries').select(['story_id', 'created_at']).orderBy('story_id').execute();
    expect(rows).toEqual(times.map((at, i) => ({ story_id: i + 1, created_at: at })));
    expect((await listStories(store.db, { countries: ['IN'] }, { limit: 10 })).map((s) => s.id)).toEqual([3, 1, 2]);
  });
});
