import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/test-stores.ts';
import { updateStory } from '../../store/story-repository.ts';
import { hrefsIn, startWeb, storyRow, textOf, type WebHarness } from '../testing/web-fixtures.ts';

const mainOf = (html: string) => /<main.*<\/main>/s.exec(html)?.[0] ?? '';
const articleLinks = (html: string) => hrefsIn(html, /<main.*<\/main>/s).filter((h) => h.startsWith('/article/'));

describe.each(testEngines())('/search on %s', (engine) => {
  let w: WebHarness;
  let ids: number[];
  beforeAll(async () => {
    w = await startWeb(engine);
    const rows = [];
    // 25 politics stories about elections (PTI), 3 in technology (Reuters), one with hostile text.
    for (let n = 1; n <= 25; n++) rows.push(storyRow(n, { headline: `Election update ${n}`, body_html: `<p>Voting in district ${n}.</p>` }));
    for (let n = 26; n <= 28; n++) rows.push(storyRow(n, { headline: `Chip factory ${n}`, sector: 'technology', agency: 'Reuters', body_html: '<p>Election of a new board.</p>' }));
    rows.push(storyRow(29, { headline: 'Hostile <b>markup</b> story', body_html: '<p>Text &lt;script&gt;alert("x")&lt;/script&gt; zebra crossing.</p>', sector: 'technology', agency: 'Reuters' }));
    ids = await w.insert(...rows);
  });
  afterAll(async () => {
    await w.close();
  });

  it('shows the form alone for an empty query, noindex', async () => {
    const res = await w.get('/search');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    expect(mainOf(res.body)).toContain('<form class="search-form"');
    expect(articleLinks(res.body)).toEqual([]);
  });

  it('lists results with headline link, snippet, agency and sector, marked matches, 20 a page', async () => {
    const res = await w.get('/search?q=election');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    expect(articleLinks(res.body).filter((h, i, a) => a.indexOf(h) === i)).toHaveLength(20);
    expect(mainOf(res.body)).toMatch(/<mark>Election<\/mark> update \d+/);
    expect(textOf(res.body, /<p class="search-count">(.*?)<\/p>/s)).toBe('28 stories, best first.');
    expect(/<link rel="next" href="([^"]+)"/.exec(res.body)?.[1]).toBe('/search?q=election&amp;page=2');
    expect(res.headers.xkey).toMatch(/^site search story-\d+/);
  });

  it('pages with stable URLs and rel=prev/next, and 404s past the end', async () => {
    const second = await w.get('/search?q=election&page=2');
    expect(second.statusCode).toBe(200);
    expect(articleLinks(second.body).filter((h, i, a) => a.indexOf(h) === i)).toHaveLength(8);
    expect(/<link rel="prev" href="([^"]+)"/.exec(second.body)?.[1]).toBe('/search?q=election');
    expect(/<link rel="next"/.exec(second.body)).toBeNull();
    expect(/<link rel="canonical" href="([^"]+)"/.exec(second.body)?.[1]).toBe('https://news.example/search?q=election&amp;page=2');
    expect((await w.get('/search?q=election&page=3')).statusCode).toBe(404);
    const first = await w.get('/search?q=election&page=1');
    expect([first.statusCode, first.headers.location]).toEqual([301, '/search?q=election']);
  });

  it('filters by sector, source and dates, and keeps the filters in the pager links', async () => {
    const bySector = await w.get('/search?q=election&sector=technology');
    expect(articleLinks(bySector.body).every((h) => h.startsWith('/article/technology/'))).toBe(true);
    expect(new Set(articleLinks(bySector.body)).size).toBe(3);
    const bySource = await w.get('/search?q=election&source=reuters');
    expect(new Set(articleLinks(bySource.body)).size).toBe(3);
    // storyRow n is created at 18:30+n UTC on 2023-04-16, that is the 17th in IST.
    expect(new Set(articleLinks((await w.get('/search?q=election&from=2023-04-17&to=2023-04-17')).body)).size).toBe(20);
    expect(new Set(articleLinks((await w.get('/search?q=election&to=2023-04-16')).body)).size).toBe(0);
    const paged = await w.get('/search?q=election&sector=politics&from=2023-04-01');
    expect(/<link rel="next" href="([^"]+)"/.exec(paged.body)?.[1]).toBe('/search?q=election&amp;sector=politics&amp;from=2023-04-01&amp;page=2');
  });

  it('suggests removing filters when they leave nothing', async () => {
    const res = await w.get('/search?q=zebra&sector=politics');
    expect(res.statusCode).toBe(200);
    expect(articleLinks(res.body)).toEqual([]);
    expect(hrefsIn(res.body, /<div class="empty search-empty">.*?<\/div>/s)).toEqual(['/search?q=zebra']);
  });

  it.each([
    ['/search?q=x&sector=nope', 'There is no sector “nope”.'],
    ['/search?q=x&source=nobody', 'There is no source “nobody”.'],
    ['/search?q=x&from=2026-02-30', '“From” must be a date written yyyy-mm-dd, like 2026-03-01.'],
    ['/search?q=x&to=yesterday', '“To” must be a date written yyyy-mm-dd, like 2026-03-31.'],
    ['/search?q=x&from=2026-03-02&to=2026-03-01', '“From” is after “To”: swap the dates.'],
    ['/search?q=x&page=0', 'The page must be a positive whole number.'],
    ['/search?q=a&q=b', 'Give “q” once only.'],
    [`/search?q=${'a'.repeat(501)}`, 'A search can be at most 500 characters long.'],
  ])('%s is a 400 that says why', async (url, message) => {
    const res = await w.get(url);
    expect(res.statusCode).toBe(400);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(textOf(res.body, /<p class="search-error" role="alert">(.*?)<\/p>/s)).toBe(message);
  });

  it('cannot be made to inject markup through the story or the query', async () => {
    const res = await w.get(`/search?q=${encodeURIComponent('zebra <script>alert')}`);
    expect(res.statusCode).toBe(200);
    const main = mainOf(res.body);
    expect(main).not.toMatch(/<script|<b>/);
    expect(main).toContain('<mark>zebra</mark>');
    expect(main).toContain('Hostile &lt;b>markup&lt;/b> story');
  });

  it.each(['"', '-', '*', 'NEAR', '(', "'; drop table stories; --", '😀', 'भारत', '-election', 'the'])('answers %j without an error', async (q) => {
    expect((await w.get(`/search?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
  });

  it('drops a killed story from results', async () => {
    const id = ids[28] ?? 0;
    expect(articleLinks((await w.get('/search?q=zebra')).body).some((h) => h.includes(`/${id}-`))).toBe(true);
    await updateStory(w.t.store.db, id, { status: 'killed' });
    expect(articleLinks((await w.get('/search?q=zebra')).body)).toEqual([]);
    await updateStory(w.t.store.db, id, { status: 'published' });
  });

  it('puts a GET search box in the header of every page and on the 404 page', async () => {
    for (const url of ['/', '/latest']) {
      expect((await w.get(url)).body).toMatch(/<header class="masthead">.*<form class="search-box" role="search" action="\/search" method="get">.*name="q"/s);
    }
    const missing = await w.get('/no-such-page');
    expect(missing.statusCode).toBe(404);
    expect(mainOf(missing.body)).toContain('<form class="search-box" role="search" action="/search" method="get">');
  });
});
