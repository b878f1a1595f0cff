import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/test-stores.ts';
import { BROWSER_UA, hrefsIn, startWeb, storyRow, textOf, type WebHarness } from '../testing/web-fixtures.ts';

describe.each(testEngines())('home page on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
  });
  afterEach(async () => {
    await w.close();
  });

  it('leads with the newest story that has a picture, then sector blocks', async () => {
    await w.insert(
      storyRow(1, { sector: 'health', slug: 'h1' }),
      storyRow(2, { sector: 'health', slug: 'h2', image_url: 'https://img.example/2.jpg' }),
      storyRow(3, { sector: 'sports', slug: 's3' }),
    );
    const res = await w.get('/');
    expect(res.statusCode).toBe(200);
    expect(textOf(res.body, /<title>(.*?)<\/title>/)).toBe('Devdiscourse');
    expect(hrefsIn(res.body, /<article class="lead">.*?<\/article>/)).toContain('/article/health/2-h2');
    expect(res.body).toMatch(/<article class="lead"><a href="\/article\/health\/2-h2"[^>]*><img src="https:\/\/img.example\/2.jpg" alt(?:="")? width="1200" height="675"/);
    const blocks = [...res.body.matchAll(/<section class="sector-block"[^>]*><h2[^>]*><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(blocks).toEqual([
      ['/news/health', 'Health'],
      ['/news/sports', 'Sports'],
    ]);
    expect(res.body).toContain('<h2 id="trending-h" class="panel-title">Trending</h2>');
  });

  it('describes the site with a search action (JSON-LD) that points at a working search URL', async () => {
    const res = await w.get('/');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(res.body)?.[1] ?? '{}') as { '@graph': Record<string, unknown>[] };
    const website = ld['@graph'].find((n) => n['@type'] === 'WebSite') as { potentialAction: { target: { urlTemplate: string } } };
    const template = website.potentialAction.target.urlTemplate;
    expect(template).toBe('https://news.example/search?q={search_term_string}');
    const search = await w.get(template.replace('https://news.example', '').replace('{search_term_string}', 'flood'));
    expect(search.statusCode).toBe(200);
    expect(ld['@graph'].find((n) => n['@type'] === 'Organization')).toMatchObject({ name: 'Devdiscourse', url: 'https://news.example/' });
  });

  it('says so when there are no stories yet', async () => {
    const res = await w.get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No stories yet');
    expect(res.body).not.toContain('id="trending-h"');
  });

  it.each([
    ['/?edition=south-asia', '/south-asia'],
    ['/?edition=global', '/'],
    ['/?edition=atlantis', '/'],
  ])('the old link %s moves to %s', async (url, location) => {
    const res = await w.get(url);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(location);
  });
});

describe.each(testEngines())('trending on %s', (engine) => {
  let w: WebHarness;
  const trending = async () => hrefsIn((await w.get('/')).body, /<ol class="ranked">.*?<\/ol>/);
  beforeEach(async () => {
    w = await startWeb(engine);
    const rows = [];
    for (let n = 1; n <= 6; n++) rows.push(storyRow(n, { slug: `s${n}` }));
    await w.insert(...rows);
  });
  afterEach(async () => {
    await w.close();
  });

  it('falls back to the newest stories when nobody has read anything', async () => {
    expect(await trending()).toEqual(['/article/politics/6-s6', '/article/politics/5-s5', '/article/politics/4-s4', '/article/politics/3-s3']);
  });

  it('puts the most viewed first and fills up with the newest', async () => {
    // Three readers (addresses) for story 1; one reader four times for story 2, which counts once.
    for (let i = 1; i <= 3; i++) expect((await w.app.inject({ method: 'GET', url: '/article/politics/1-s1', remoteAddress: `198.51.100.${i}`, headers: { 'user-agent': BROWSER_UA } })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await w.get('/article/politics/2-s2');
    // Bots, HEAD requests and redirects are not readers.
    for (let i = 0; i < 5; i++) await w.get('/article/politics/3-s3', { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
    for (let i = 0; i < 5; i++) await w.get('/article/politics/3-s3', { 'user-agent': 'curl/8.5.0' });
    for (let i = 0; i < 5; i++) await w.app.inject({ method: 'HEAD', url: '/article/politics/3-s3', headers: { 'user-agent': 'Mozilla/5.0' } });
    for (let i = 0; i < 5; i++) await w.get('/article/3');
    await w.app.flushViews();
    w.app.invalidateCaches();
    expect(await trending()).toEqual(['/article/politics/1-s1', '/article/politics/2-s2', '/article/politics/6-s6', '/article/politics/5-s5']);
  });

  it('shows a teaser cut at a word boundary and a region tag', async () => {
    await w.insert(storyRow(7, { slug: 's7', summary: 'US Domestic News Roundup: Trump campaign reports raising $14.5 million in early 2023; freight train derails' }));
    const html = (await w.get('/')).body;
    expect(textOf(html, /<p class="teaser">(.*?)<\/p>/)).toBe('US Domestic News Roundup: Trump campaign reports raising $14.5 million in…');
    expect(textOf(html, /<span class="region">(.*?)<\/span>/)).toBe('Global');
  });
});
