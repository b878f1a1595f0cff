// Surrogate keys: what each response carries, and that a publish's purge reaches
// exactly the pages that show a changed story.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/test-stores.ts';
import { startWeb, storyRow, type WebHarness } from './testing/web-fixtures.ts';
import { purgeKeysFor, sourceKey, surrogateKeysFor } from './surrogate-keys.ts';

describe('surrogateKeysFor', () => {
  const story = { id: 7, sector: 'health', agency: 'UN News' };
  it.each([
    ['home', { kind: 'home' } as const, ['site', 'home']],
    ['article', { kind: 'article', story, linkedIds: [3] } as const, ['site', 'story-7', 'sector-health', 'source-un-news', 'story-3']],
    ['article without agency', { kind: 'article', story: { ...story, agency: null }, linkedIds: [] } as const, ['site', 'story-7', 'sector-health']],
    ['latest', { kind: 'latest', storyIds: [2, 1] } as const, ['site', 'list-latest', 'story-2', 'story-1']],
    ['sector', { kind: 'sector', sector: 'health', storyIds: [7] } as const, ['site', 'sector-health', 'list-sector-health', 'story-7']],
    ['source', { kind: 'source', agency: 'UN News', storyIds: [7, 7] } as const, ['site', 'source-un-news', 'list-source-un-news', 'story-7']],
    ['site feed', { kind: 'feed' } as const, ['site', 'feed']],
    ['search results', { kind: 'search', storyIds: [4, 9] } as const, ['site', 'search', 'story-4', 'story-9']],
    ['sector feed', { kind: 'feed', sector: 'health' } as const, ['site', 'feed', 'sector-health']],
    ['source feed', { kind: 'feed', agency: 'UN News' } as const, ['site', 'feed', 'source-un-news']],
    ['static page', { kind: 'page' } as const, ['site']],
  ])('%s', (_name, page, want) => {
    expect(surrogateKeysFor(page)).toEqual(want);
  });

  it.each([['Синьхуа'], ['Agence France-Presse'], ['A, B & C'], ['x y']])('keeps keys header-safe for agency %s', (agency) => {
    expect(sourceKey(agency)).toMatch(/^source-[\x21-\x7e]+$/);
    expect(sourceKey(agency)).not.toContain(',');
  });
});

describe('purgeKeysFor', () => {
  it('purges nothing when nothing changed', () => {
    expect(purgeKeysFor([])).toEqual([]);
  });
  it('never purges site, nor a whole sector or source (their articles stay cached)', () => {
    const keys = purgeKeysFor([{ id: 1, outcome: 'updated', sector: 'health', agency: 'PTI' }]);
    expect(keys.sort()).toEqual(['feed', 'home', 'list-latest', 'list-sector-health', 'list-source-pti', 'search', 'story-1']);
  });
});

const keysOf = (res: { headers: Record<string, unknown> }) => String(res.headers.xkey ?? '').split(' ').filter(Boolean);

describe.each(testEngines())('surrogate key headers on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
    await w.insert(
      storyRow(1, { sector: 'politics', agency: 'PTI' }),
      storyRow(2, { sector: 'politics', agency: 'PTI' }),
      storyRow(3, { sector: 'health', agency: 'UN News' }),
    );
  });
  afterEach(async () => {
    await w.close();
  });

  it.each([
    ['/', ['site', 'home']],
    ['/article/politics/2-headline-number-2', ['site', 'story-2', 'sector-politics', 'source-pti', 'story-1']],
    // Story 2 is in its related stories (same sector).
    ['/article/politics/1-headline-number-1', ['site', 'story-1', 'sector-politics', 'source-pti', 'story-2']],
    ['/latest', ['site', 'list-latest', 'story-3', 'story-2', 'story-1']],
    ['/news/politics', ['site', 'sector-politics', 'list-sector-politics', 'story-2', 'story-1']],
    ['/source/un-news', ['site', 'source-un-news', 'list-source-un-news', 'story-3']],
    ['/rss.xml', ['site', 'feed']],
    ['/news/health/rss.xml', ['site', 'feed', 'sector-health']],
    ['/page/about', ['site', 'static-about']],
    ['/no/such/page', ['site']],
    ['/article/2', ['site', 'story-2', 'sector-politics', 'source-pti']],
  ])('%s', async (url, want) => {
    const res = await w.get(url);
    expect(keysOf(res)).toEqual(want);
    expect(res.headers['surrogate-key']).toBe(want.join(' '));
    expect(res.headers['cache-tag']).toBe(want.join(','));
  });

  it('keeps the keys on a 304', async () => {
    const first = await w.get('/news/politics');
    const again = await w.get('/news/politics', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(keysOf(again)).toEqual(keysOf(first));
  });

  it('a publish purges every page that shows the changed story, and no article that does not', async () => {
    // Story 2 is updated and moved from politics to health.
    const purge = new Set(purgeKeysFor([{ id: 2, outcome: 'updated', sector: 'health', agency: 'PTI' }]));
    const hit = async (url: string) => keysOf(await w.get(url)).some((k) => purge.has(k));
    // Article 1 lists story 2 among its related stories.
    for (const url of ['/', '/latest', '/news/politics', '/news/health', '/source/pti', '/rss.xml', '/news/politics/rss.xml', '/article/politics/2-headline-number-2', '/article/politics/1-headline-number-1', '/search?q=headline']) {
      expect([url, await hit(url)]).toEqual([url, true]);
    }
    for (const url of ['/article/health/3-headline-number-3', '/page/about', '/source/un-news']) {
      expect([url, await hit(url)]).toEqual([url, false]);
    }
  });
});
