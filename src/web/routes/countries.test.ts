// /country/{slug}: stories about a country, from story_countries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/test-stores.ts';
import { replaceStoryGeo } from '../../store/geo-repository.ts';
import { hrefsIn, startWeb, storyRow, textOf, type WebHarness } from '../testing/web-fixtures.ts';

const articleLinks = (html: string) => hrefsIn(html, /<main.*<\/main>/s).filter((h) => h.startsWith('/article/'));

describe.each(testEngines())('country pages on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
    const rows = [];
    for (let n = 1; n <= 22; n++) rows.push(storyRow(n));
    rows.push(storyRow(40, { status: 'killed' }));
    const ids = await w.insert(...rows);
    // Every story is about India (the last also about Kenya, second), but the killed one; story 1 only about Kenya.
    for (const [i, id] of ids.entries()) await replaceStoryGeo(w.t.store.db, id, { countries: i === 0 ? ['KE'] : i === 21 ? ['IN', 'KE'] : ['IN'], tags: [] });
  });
  afterEach(async () => {
    await w.close();
  });

  it('lists every published story about the country, whatever its position, paginated', async () => {
    const res = await w.get('/country/india');
    expect(res.statusCode).toBe(200);
    expect(textOf(res.body, /<h1>(.*?)<\/h1>/)).toBe('India');
    expect(articleLinks(res.body)).toHaveLength(20);
    expect(/<link rel="next" href="([^"]+)"/.exec(res.body)?.[1]).toBe('/country/india?page=2');
    expect(/<link rel="canonical" href="([^"]+)"/.exec(res.body)?.[1]).toBe('https://news.example/country/india');
    const page2 = await w.get('/country/india?page=2');
    expect(articleLinks(page2.body)).toEqual(['/article/politics/2-headline-number-2']);
    expect(/<link rel="prev" href="([^"]+)"/.exec(page2.body)?.[1]).toBe('/country/india');
    expect(articleLinks((await w.get('/country/kenya')).body)).toEqual(['/article/politics/22-headline-number-22', '/article/politics/1-headline-number-1']);
    expect(String(res.headers.xkey).split(' ')).toEqual(expect.arrayContaining(['list-latest', 'country-in']));
    expect(res.body).toContain('<link rel="alternate" type="application/rss+xml" title="Devdiscourse: India" href="/country/india/rss.xml"/>');
  });

  it.each([
    ['/country/in', '/country/india'],
    ['/country/IN', '/country/india'],
    ['/country/India', '/country/india'],
    ['/country/ke?page=2', '/country/kenya?page=2'],
  ])('%s redirects to %s', async (url, location) => {
    const res = await w.get(url);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(location);
  });

  it.each([
    ['/country/atlantis', 404],
    ['/country/zz', 404],
    ['/country/india?page=0', 400],
    ['/country/india?page=3', 404],
    ['/country/france', 200],
  ])('%s answers %i', async (url, status) => {
    expect((await w.get(url)).statusCode).toBe(status);
  });

  it('the region tag on a list links to the country page', async () => {
    const res = await w.get('/latest');
    expect(res.body).toContain('<a class="region" href="/country/india">India</a>');
    expect((await w.get('/country/india')).statusCode).toBe(200);
  });
});
