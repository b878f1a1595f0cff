import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../store/testing/test-stores.ts';
import { insertStory } from '../store/story-repository.ts';
import type { NewStoryRow } from '../store/schema.ts';
import { parseSearchQuery } from './search-query.ts';
import { searchPostgres, SNIPPET_SOURCE_CHARS } from './postgres-search.ts';
import { MAX_CANDIDATES, type EngineSearch, type SearchFilters } from './search.ts';
import { highlightedText } from './highlight.ts';

// PostgreSQL walks the newest WINDOW ids, then asks the GIN index for older matches
// (postgres-search.ts). Whatever side of that edge a story falls, the ranked page must
// be the one a search without the edge gives: compared here with a window of 3 ids.
const NOW = new Date('2026-03-01T12:00:00Z');
const SECTORS = ['politics', 'sports', 'health'];
const AGENCIES = ['PTI', 'AFP'];
const WORDS = ['harbour', 'ferry', 'monsoon', 'tariff'];

function row(n: number): NewStoryRow {
  // Word k in every (k + 1)-th story, so some words are common and some rare; the
  // second half of the stories is older by creation time but newer by id.
  const words = WORDS.filter((_, k) => n % (k + 1) === 0).join(' ');
  const t = new Date(NOW.getTime() - ((n * 7) % 40) * 3_600_000).toISOString();
  return {
    identity: `guid:${n}`, kind: 'wire', status: n % 9 === 0 ? 'killed' : 'published', source_id: null,
    headline: `Story ${n} ${n % 5 === 0 ? words : ''}`, summary: `Summary ${n}`, body_html: `<p>Body ${n} ${words}</p>`, slug: `story-${n}`,
    sector: SECTORS[n % 3] as string, agency: AGENCIES[n % 2] as string, dateline_city: null, author: null, link: null,
    image_url: null, image_caption: null, language: 'en', categories: '[]',
    created_at: t, updated_at: t, ingested_at: t, content_hash: `h${n}`,
  };
}

describe.runIf(process.env.WIREDESK_TEST_PG)('searchPostgres around the walk window', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore('postgres');
    for (let n = 1; n <= 60; n++) await insertStory(t.store.db, row(n));
  });
  afterAll(async () => {
    await t.dispose();
  });

  const at = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
  it.each<[string, SearchFilters]>([
    ['harbour', {}],
    ['tariff', {}],
    ['ferry -tariff', {}],
    ['monsoon OR tariff', {}],
    ['"body 12"', {}],
    ['harb*', { sectors: new Set(['sports']) }],
    ['ferry', { agencies: new Set(['AFP']) }],
    ['harbour', { createdFrom: at(30), createdBefore: at(10) }],
    ['monsoon', { createdFrom: at(39), createdBefore: at(38) }],
    ['harbour', { createdFrom: at(1000), createdBefore: at(999) }],
  ])('%s %o: the same ranked page with a window of 3 as without one', async (text, filters) => {
    const query = parseSearchQuery(text);
    if (!query) throw new Error('expected a query');
    for (const [limit, offset] of [[10, 0], [10, 10], [MAX_CANDIDATES, 0]] as const) {
      const s: EngineSearch = { query, filters, limit, offset, now: NOW };
      const ids = (r: Awaited<ReturnType<typeof searchPostgres>>) => ({ candidates: r.candidates, ids: r.hits.map((h) => h.story.id) });
      expect(ids(await searchPostgres(t.store.db, s, 3))).toEqual(ids(await searchPostgres(t.store.db, s, 1_000_000)));
    }
  });

  it('finds a match past the snippet source, and shows the opening of the body', async () => {
    const long = `Opening words of a long report. ${'Filler text here. '.repeat(Math.ceil(SNIPPET_SOURCE_CHARS / 18))} The lighthouse closes.`;
    const id = await insertStory(t.store.db, { ...row(1000), identity: 'guid:long', headline: 'A long report', body_html: `<p>${long}</p>` });
    const query = parseSearchQuery('lighthouse');
    if (!query) throw new Error('expected a query');
    const { hits } = await searchPostgres(t.store.db, { query, filters: {}, limit: 10, offset: 0, now: NOW });
    expect(hits.map((h) => h.story.id)).toEqual([id]);
    expect(highlightedText(hits[0]?.snippet ?? [])).toMatch(/^Opening words of a long report/);
  });
});
