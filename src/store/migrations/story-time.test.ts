import { afterEach, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely/migration';
import type { Kysely } from 'kysely';
import { migrate } from '../store.ts';
import { migrationProvider } from './index.ts';
import { openEmptyStore, testEngines } from '../testing/test-stores.ts';
import { findNewestLeads } from '../cluster-repository.ts';
import { listStories } from '../story-lists.ts';

// Tag and country rows written before 0018 and 0019 have no time of their own: each
// migration copies their story's, and "newest with this tag" and a country page then
// read in the stories' order, not the order they arrived.
const CASES = [
  { migration: '0018-tag-recency', before: '0017-cluster-index', table: 'story_tags', row: { slug: 'india', name: 'India', kind: 'place', position: 0 } },
  { migration: '0019-country-recency', before: '0018-tag-recency', table: 'story_countries', row: { country: 'IN', position: 0 } },
] as const;

describe.each(testEngines())('migrations 0018 and 0019 (story times on tags and countries) on %s', (engine) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
  });

  it.each(CASES)('$migration gives existing $table rows their story’s created_at', async ({ migration, before, table, row }) => {
    const opened = await openEmptyStore(engine, migration.slice(0, 4));
    dispose = opened.dispose;
    const { store } = opened;
    const { error } = await new Migrator({ db: store.db, provider: migrationProvider(engine) }).migrateTo(before);
    expect(error).toBeUndefined();
    const old = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const base = { kind: 'wire', status: 'published', source_id: null, sector: 'politics', agency: 'PTI', dateline_city: null, link: null, image_url: null, image_caption: null, language: 'en', categories: '[]', content_hash: 'h', summary: '', body_html: '<p>b</p>' };
    // Arrival order 1, 2, 3; wire times 3 newest, then 1, then 2.
    const times = ['2026-01-01T02:00:00.000Z', '2026-01-01T01:00:00.000Z', '2026-01-01T03:00:00.000Z'];
    for (const [i, at] of times.entries()) {
      await old.insertInto('stories').values({ ...base, identity: `guid:${i + 1}`, slug: `s${i + 1}`, headline: `H${i + 1}`, created_at: at, updated_at: at, ingested_at: at }).execute();
      await old.insertInto(table).values({ story_id: i + 1, ...row }).execute();
    }
    expect(await migrate(store)).toContain(migration);
    const rows = await old.selectFrom(table).select(['story_id', 'created_at']).orderBy('story_id').execute();
    expect(rows).toEqual(times.map((at, i) => ({ story_id: i + 1, created_at: at })));
    const newest = table === 'story_tags' ? await findNewestLeads(store.db, { tag: 'india' }) : await listStories(store.db, { countries: ['IN'] }, { limit: 10 });
    expect(newest.map((s) => s.id)).toEqual([3, 1, 2]);
  });
});
