import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { insertStories } from './story-repository.ts';
import { listNewsSitemapStories, listSitemapChunks, listSitemapStories } from './sitemap-queries.ts';
import type { NewStoryRow } from './schema.ts';

/** Story n, created n hours after 2026-01-01T00:00Z, updated `updatedHours` later. */
function row(n: number, over: Partial<NewStoryRow> = {}, updatedHours = 0): NewStoryRow {
  const created = new Date(Date.UTC(2026, 0, 1, n)).toISOString();
  const updated = new Date(Date.UTC(2026, 0, 1, n + updatedHours)).toISOString();
  return {
    identity: `guid:${n}`, kind: 'wire', status: 'published', source_id: null,
    headline: `Headline ${n}`, summary: 'S', body_html: '<p>B</p>', slug: `headline-${n}`,
    sector: 'health', agency: 'PTI', dateline_city: null, author: null, link: null, image_url: null,
    image_caption: null, language: 'en', categories: '[]', created_at: created, updated_at: updated,
    ingested_at: created, content_hash: `h${n}`, ...over,
  };
}

describe.each(testEngines())('sitemap queries on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('groups published stories into id chunks with their newest update, skipping empty chunks', async () => {
    // ids 1..12; chunk size 4 gives chunks 1 (1-4), 2 (5-8), 3 (9-12).
    const statuses: Record<number, string> = { 5: 'killed', 6: 'withheld', 7: 'embargoed', 8: 'killed' };
    await insertStories(t.store.db, Array.from({ length: 12 }, (_, i) => row(i + 1, { status: statuses[i + 1] ?? 'published' }, i === 1 ? 30 : 0)));
    expect(await listSitemapChunks(t.store.db, 4)).toEqual([
      // Story 2 was updated 30 hours after it was made: later than story 4.
      { chunk: 1, lastmod: '2026-01-02T08:00:00.000Z' },
      { chunk: 3, lastmod: '2026-01-01T12:00:00.000Z' },
    ]);
  });

  it('lists one chunk of published stories by id, nothing else', async () => {
    await insertStories(t.store.db, Array.from({ length: 9 }, (_, i) => row(i + 1, { status: i + 1 === 6 ? 'killed' : 'published' })));
    expect((await listSitemapStories(t.store.db, 2, 4)).map((s) => s.id)).toEqual([5, 7, 8]);
    expect(await listSitemapStories(t.store.db, 3, 4)).toEqual([{ id: 9, sector: 'health', slug: 'headline-9', updatedAt: '2026-01-01T09:00:00.000Z' }]);
    expect(await listSitemapStories(t.store.db, 4, 4)).toEqual([]);
  });

  it('news sitemap: published since the cut-off, newest first, capped', async () => {
    await insertStories(t.store.db, Array.from({ length: 10 }, (_, i) => row(i + 1, { status: i + 1 === 9 ? 'killed' : 'published' })));
    const since = new Date(Date.UTC(2026, 0, 1, 5));
    expect((await listNewsSitemapStories(t.store.db, since, 100)).map((s) => s.id)).toEqual([10, 8, 7, 6, 5]);
    expect((await listNewsSitemapStories(t.store.db, since, 2)).map((s) => s.headline)).toEqual(['Headline 10', 'Headline 8']);
  });
});
