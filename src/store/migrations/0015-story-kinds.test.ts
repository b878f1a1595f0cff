import { afterEach, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely/migration';
import type { Kysely } from 'kysely';
import { migrate } from '../store.ts';
import { migrationProvider } from './index.ts';
import { openEmptyStore, testEngines } from '../testing/test-stores.ts';
import type { Engine } from '../engine.ts';
import { listStories } from '../story-lists.ts';
import { listSources } from '../source-repository.ts';

// A site made before story kinds and author pages: its sources become wire sources and
// its bylines findable by slug when 0015 runs.
const openEmpty = (engine: Engine) => openEmptyStore(engine, '0015');

describe.each(testEngines())('migration 0015-story-kinds on %s', (engine) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
  });

  it('makes existing sources wire sources and backfills author slugs', async () => {
    const opened = await openEmpty(engine);
    dispose = opened.dispose;
    const { store } = opened;
    const { error } = await new Migrator({ db: store.db, provider: migrationProvider(engine) }).migrateTo('0013-view-readers');
    expect(error).toBeUndefined();
    const old = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const at = '2026-01-01T00:00:00.000Z';
    await old.insertInto('sources').values({ name: 'PTI', url: 'https://x.example/feed', interval_seconds: 300, agency: 'PTI', created_at: at }).execute();
    const base = { kind: 'wire', status: 'published', source_id: null, slug: 's', sector: 'politics', agency: 'PTI', dateline_city: null, link: null, image_url: null, image_caption: null, language: 'en', categories: '[]', created_at: at, updated_at: at, ingested_at: at, content_hash: 'h', summary: '', headline: 'H', body_html: '<p>b</p>' };
    for (const [n, author] of [[1, 'Asha Rao'], [2, 'Asha  Rao'], [3, null], [4, 'Zoë Ćwik']] as const) {
      await old.insertInto('stories').values({ ...base, identity: `guid:${n}`, author }).execute();
    }
    expect(await migrate(store)).toContain('0015-story-kinds');
    expect((await listSources(store.db)).map((s) => s.storyKind)).toEqual(['wire']);
    const slugs = await store.db.selectFrom('stories').select(['identity', 'author_slug']).orderBy('identity').execute();
    expect(slugs).toEqual([
      { identity: 'guid:1', author_slug: 'asha-rao' },
      { identity: 'guid:2', author_slug: 'asha-rao' },
      { identity: 'guid:3', author_slug: null },
      { identity: 'guid:4', author_slug: 'zoe-cwik' },
    ]);
    expect((await listStories(store.db, { authorSlug: 'asha-rao' }, { limit: 10 })).map((s) => s.identity).sort()).toEqual(['guid:1', 'guid:2']);
  });
});
