import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { insertStory, updateStory } from '../store/story-repository.ts';
import type { NewStoryRow } from '../store/schema.ts';
import { searchStories, type SearchPage, type SearchRequest } from './search.ts';
import { highlightedHtml, highlightedText } from './highlight.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

function row(n: number, over: Partial<NewStoryRow> = {}): NewStoryRow {
  const t = over.created_at ?? hoursAgo(n);
  return {
    identity: `guid:${n}`, kind: 'wire', status: 'published', source_id: null,
    headline: `Story ${n}`, summary: `Summary ${n}`, body_html: `<p>Body ${n}</p>`, slug: `story-${n}`,
    sector: 'politics', agency: 'PTI', dateline_city: null, author: null, link: null,
    image_url: null, image_caption: null, language: 'en', categories: '[]',
    created_at: t, updated_at: t, ingested_at: t, content_hash: `h${n}`,
    ...over,
  };
}

// One corpus, every case: words chosen so each case has exactly one right answer.
const CORPUS: Record<string, Partial<NewStoryRow>> = {
  monsoonHeadline: { headline: 'Monsoon floods hit Kerala', summary: 'Rescue teams deployed.', body_html: '<p>Rains continued.</p>', sector: 'environment', agency: 'PTI' },
  monsoonBody: { headline: 'Weather update', summary: 'A quiet day.', body_html: '<p>Forecasters expect the monsoon next week.</p>', sector: 'environment', agency: 'Reuters' },
  centralBank: { headline: 'Central bank holds rates', body_html: '<p>The central bank of the country held its rate.</p>', sector: 'economy', agency: 'Reuters' },
  bankCentral: { headline: 'River bank erosion', body_html: '<p>Central districts saw the bank of the river collapse.</p>', sector: 'environment', agency: 'AFP' },
  cricket: { headline: 'Cricket team wins series', body_html: '<p>A thriller in Mumbai.</p>', sector: 'sports', agency: 'IANS' },
  football: { headline: 'Football final tonight', body_html: '<p>Mumbai hosts the final.</p>', sector: 'sports', agency: 'AFP' },
  vaccination: { headline: 'Vaccination drive expands', body_html: '<p>Vaccines reach villages.</p>', sector: 'health', agency: 'PTI' },
  hindi: { headline: 'भारत में चुनाव', body_html: '<p>मतदान शांतिपूर्ण रहा।</p>', sector: 'politics', agency: 'PTI', language: 'hi' },
  arabic: { headline: 'الانتخابات في مصر', body_html: '<p>نسبة المشاركة مرتفعة</p>', sector: 'politics', agency: 'AFP', language: 'ar' },
  markup: {
    headline: 'Plain headline about tariffs',
    body_html: '<p>Read <a href="https://x.example" rel="noopener">the tariff report</a>.</p><p>Text that says &lt;script&gt;alert(1)&lt;/script&gt; tariff.</p>',
    sector: 'economy', agency: 'PTI',
  },
  killed: { headline: 'Secretword scandal', status: 'killed' },
  withheld: { headline: 'Secretword inquiry', status: 'withheld' },
  embargoed: { headline: 'Secretword budget', status: 'embargoed', embargo_until: '2030-01-01T00:00:00.000Z' },
  published: { headline: 'Secretword public', status: 'published' },
};

/** Story n is created n hours before NOW, in corpus order. */
const FOOTBALL_N = Object.keys(CORPUS).indexOf('football') + 1;

describe.each(testEngines())('searchStories on %s', (engine) => {
  let t: TestStore;
  const ids: Record<string, number> = {};
  const search = (text: string, rest: Omit<SearchRequest, 'text'> = {}) => searchStories(t.store, { text, now: NOW, ...rest });
  const keysOf = (page: SearchPage) => {
    if (page.kind !== 'results') return [];
    const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    return page.hits.map((h) => byId.get(h.story.id) ?? `#${h.story.id}`);
  };

  beforeAll(async () => {
    t = await createTestStore(engine);
    let n = 1;
    for (const [key, over] of Object.entries(CORPUS)) ids[key] = await insertStory(t.store.db, row(n++, over));
  });
  afterAll(async () => {
    await t.dispose();
  });

  it.each([
    ['monsoon', ['monsoonHeadline', 'monsoonBody']],
    ['Monsoons', ['monsoonHeadline', 'monsoonBody']],
    ['mumbai final', ['football']],
    ['"central bank"', ['centralBank']],
    ['central bank', ['centralBank', 'bankCentral']],
    ['cricket OR football', ['cricket', 'football']],
    ['mumbai -cricket', ['football']],
    ['vaccin*', ['vaccination']],
    ['भारत', ['hindi']],
    ['मतदान', ['hindi']],
    ['الانتخابات', ['arabic']],
    ['مرتفعة', ['arabic']],
  ])('%s finds exactly %j', async (q, expected) => {
    expect(keysOf(await search(q)).sort()).toEqual([...expected].sort());
  });

  it('ranks a headline match above a body-only match of the same age', async () => {
    const page = await search('monsoon', { now: new Date('2099-01-01T00:00:00Z') });
    expect(keysOf(page)).toEqual(['monsoonHeadline', 'monsoonBody']);
  });

  it('lets recency lift a newer story over an older one of equal relevance', async () => {
    const t2 = await createTestStore(engine);
    try {
      const old = await insertStory(t2.store.db, row(1, { headline: 'Drought report', created_at: hoursAgo(24 * 30) }));
      const recent = await insertStory(t2.store.db, row(2, { headline: 'Drought report', created_at: hoursAgo(1) }));
      const page = await searchStories(t2.store, { text: 'drought', now: NOW });
      expect(page.kind === 'results' && page.hits.map((h) => h.story.id)).toEqual([recent, old]);
    } finally {
      await t2.dispose();
    }
  });

  it('never returns killed, withheld or embargoed stories', async () => {
    expect(keysOf(await search('secretword'))).toEqual(['published']);
  });

  it('drops a story from results when it is killed, and indexes an update', async () => {
    const id = await insertStory(t.store.db, row(90, { identity: 'guid:kill-me', headline: 'Zanzibar ferry schedule' }));
    expect(keysOf(await search('zanzibar'))).toEqual([`#${id}`]);
    await updateStory(t.store.db, id, { headline: 'Pemba ferry schedule', body_html: '<p>Changed.</p>', content_hash: 'x' });
    expect(keysOf(await search('zanzibar'))).toEqual([]);
    expect(keysOf(await search('pemba'))).toEqual([`#${id}`]);
    await updateStory(t.store.db, id, { status: 'killed' });
    expect(keysOf(await search('pemba'))).toEqual([]);
  });

  it('indexes the body as text: tag names and attributes are not words', async () => {
    expect(keysOf(await search('href'))).toEqual([]);
    expect(keysOf(await search('noopener'))).toEqual([]);
    expect(keysOf(await search('report'))).toEqual(['markup']);
  });

  it('marks matches in headline and snippet, and escapes everything else', async () => {
    const page = await search('tariff');
    if (page.kind !== 'results') throw new Error('expected results');
    const [hit] = page.hits;
    expect(highlightedText(hit?.headline ?? [])).toBe('Plain headline about tariffs');
    expect(hit?.headline.filter((s) => s.match).map((s) => s.text)).toEqual(['tariffs']);
    const html = highlightedHtml(hit?.snippet ?? []);
    // SQLite shows the text's <script> escaped, PostgreSQL's ts_headline leaves tag-like text out: neither runs it.
    expect(html).toContain('alert(1)');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/<(?!\/?mark>)/);
    expect(html.match(/<mark>/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['sectors', { sectors: new Set(['sports']) }, 'mumbai', ['cricket', 'football']],
    ['sectors', { sectors: new Set(['economy']) }, 'mumbai', []],
    ['agencies', { agencies: new Set(['AFP']) }, 'mumbai', ['football']],
    ['agencies', { agencies: new Set(['AFP', 'IANS']) }, 'mumbai', ['cricket', 'football']],
    ['date range', { createdFrom: hoursAgo(FOOTBALL_N + 0.5), createdBefore: hoursAgo(FOOTBALL_N - 0.5) }, 'mumbai', ['football']],
  ])('filters by %s', async (_name, filters, q, expected) => {
    expect(keysOf(await search(q, { filters })).sort()).toEqual(expected);
  });

  it('pages through results with a stable order', async () => {
    const first = await search('mumbai OR monsoon OR secretword', { perPage: 2 });
    const second = await search('mumbai OR monsoon OR secretword', { perPage: 2, page: 2 });
    const third = await search('mumbai OR monsoon OR secretword', { perPage: 2, page: 3 });
    expect(first).toMatchObject({ total: 5, hasNext: true, capped: false });
    expect(second).toMatchObject({ hasNext: true });
    expect(third).toMatchObject({ hasNext: false });
    const all = [...keysOf(first), ...keysOf(second), ...keysOf(third)];
    expect(new Set(all)).toEqual(new Set(['cricket', 'football', 'monsoonHeadline', 'monsoonBody', 'published']));
  });

  it.each(['', '   ', 'the', '-monsoon', '***', '- * ( )', '""'])('treats %j as no query', async (q) => {
    expect(await search(q)).toEqual({ kind: 'no-query' });
  });

  it.each([
    '"unbalanced', 'monsoon"', '-', '*', 'NEAR', 'AND', 'OR', 'NOT monsoon', '(monsoon', 'monsoon)', 'NEAR(a b)',
    "'; DROP TABLE stories; --", 'monsoon:*', 'a & b | !c', '^monsoon', 'headline:monsoon', '{headline}: x',
    '🗞️ news 😀', '中文新闻', 'x*y*', '"-"', '--monsoon', 'monsoon OR', 'OR OR OR', '\\"x\\"', '\u0002mark\u0003',
  ])('never fails on %j', async (q) => {
    const page = await search(q);
    expect(['no-query', 'results']).toContain(page.kind);
  });

  it('never fails on any string (property)', async () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('"', '-', '*', 'OR', 'AND', 'NEAR', '(', ')', ':', '^', '!', '&', '|', "'", '\\', 'monsoon', 'भारत', 'مصر', '中文', '😀', ' ', '\u0000'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), async (q) => {
        const page = await search(q);
        expect(['no-query', 'results']).toContain(page.kind);
      }),
      { numRuns: engine === 'postgres' ? 150 : 300 },
    );
  });
});

