import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/test-stores.ts';
import { replaceStoryGeo } from '../../store/geo-repository.ts';
import { recordView } from '../../store/view-repository.ts';
import { hrefsIn, startWeb, storyRow, textOf, type WebHarness } from '../testing/web-fixtures.ts';

const headlinesIn = (html: string): string[] => [...new Set([...html.matchAll(/<h[23] class="(?:lead-title|item-title)"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1] ?? ''))];
const mainOf = (html: string): string => /<main[^>]*>(.*?)<\/main>/s.exec(html)?.[1] ?? '';

describe.each(testEngines())('editions, region tags and tag pages on %s', (engine) => {
  let w: WebHarness;
  let ids: { india: number; kenya: number };
  beforeEach(async () => {
    w = await startWeb(engine);
    const [india, kenya, nowhere] = await w.insert(
      storyRow(1, { headline: 'Monsoon reaches Kerala', slug: 'monsoon' }),
      storyRow(2, { headline: 'Nairobi votes', slug: 'nairobi' }),
      storyRow(3, { headline: 'A quiet day', slug: 'quiet' }),
    );
    if (india === undefined || kenya === undefined || nowhere === undefined) throw new Error('insert failed');
    ids = { india, kenya };
    await replaceStoryGeo(w.t.store.db, india, { countries: ['IN', 'PK'], tags: [{ slug: 'kerala', name: 'Kerala', kind: 'place' }] });
    await replaceStoryGeo(w.t.store.db, kenya, { countries: ['KE'], tags: [{ slug: 'kerala', name: 'Kerala', kind: 'place' }, { slug: 'william-ruto', name: 'William Ruto', kind: 'person' }] });
  });
  afterEach(async () => {
    await w.close();
  });

  it('an edition front page shows only the stories of its countries, keyed for purges', async () => {
    const southAsia = await w.get('/south-asia');
    expect(southAsia.statusCode).toBe(200);
    expect(headlinesIn(mainOf(southAsia.body))).toEqual(['Monsoon reaches Kerala']);
    expect(textOf(southAsia.body, /<title>(.*?)<\/title>/)).toBe('South Asia edition | Devdiscourse');
    expect(String(southAsia.headers['xkey']).split(' ')).toContain('edition-south-asia');
    const eastAfrica = await w.get('/east-africa');
    expect(headlinesIn(mainOf(eastAfrica.body))).toEqual(['Nairobi votes']);
  });

  it('/ is Global without a cookie and the remembered edition with one, varying on the cookie', async () => {
    const plain = await w.get('/');
    expect(headlinesIn(mainOf(plain.body)).sort()).toEqual(['A quiet day', 'Monsoon reaches Kerala', 'Nairobi votes']);
    expect(String(plain.headers['vary'])).toMatch(/^Cookie\b/);
    // The page cache (on, as in production) holds the Global page now: an edition reader must not get it.
    const remembered = await w.get('/', { cookie: 'other=1; edition=east-africa' });
    expect(headlinesIn(mainOf(remembered.body))).toEqual(['Nairobi votes']);
    expect(String(remembered.headers['vary'])).toMatch(/^Cookie\b/);
    // …and served again from the cache, still each reader's own.
    expect(headlinesIn(mainOf((await w.get('/', { cookie: 'edition=east-africa' })).body))).toEqual(['Nairobi votes']);
    expect(headlinesIn(mainOf((await w.get('/')).body)).length).toBe(3);
    expect(remembered.headers['etag']).not.toBe(plain.headers['etag']);
    // A cookie naming no edition (or Global) is the default front page.
    const bogus = await w.get('/', { cookie: 'edition=atlantis' });
    expect(headlinesIn(mainOf(bogus.body)).length).toBe(3);
  });

  it('the switcher remembers the choice in a cookie and goes there; Global forgets it', async () => {
    const pick = await w.get('/edition?name=south-asia');
    expect(pick.statusCode).toBe(303);
    expect(pick.headers.location).toBe('/south-asia');
    expect(pick.headers['cache-control']).toBe('no-store');
    expect(String(pick.headers['set-cookie'])).toMatch(/^edition=south-asia; Path=\/; Max-Age=31536000; SameSite=Lax$/);
    const global = await w.get('/edition?name=global');
    expect(global.headers.location).toBe('/');
    expect(String(global.headers['set-cookie'])).toMatch(/^edition=; Path=\/; Max-Age=0/);
    const bad = await w.get('/edition?name=atlantis');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['set-cookie']).toBeUndefined();
  });

  it('the header has a switcher form that works without JS', async () => {
    const res = await w.get('/latest');
    const form = /<form class="edition-switcher" method="get" action="\/edition">.*?<\/form>/.exec(res.body)?.[0] ?? '';
    expect([...form.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['global', 'south-asia', 'east-africa']));
  });

  it('lists and trending tag each story with its first country, else Global, linked to the country page', async () => {
    const res = await w.get('/latest');
    const region = /<(?:span class="region"|a class="region" href="([^"]+)")>([^<]+)<\/(?:span|a)>/;
    const regions = [...mainOf(res.body).matchAll(new RegExp(`<a href="[^"]+">([^<]+)<\\/a><\\/h3>.*?${region.source}`, 'g'))].map((m) => [m[1], m[3], m[2]]);
    expect(regions).toEqual([
      ['A quiet day', 'Global', undefined],
      ['Nairobi votes', 'Kenya', '/country/kenya'],
      ['Monsoon reaches Kerala', 'India', '/country/india'],
    ]);
    const trending = /<section class="panel trending".*?<\/section>/.exec(res.body)?.[0] ?? '';
    expect([...trending.matchAll(new RegExp(region.source, 'g'))].map((m) => [m[2], m[1]])).toEqual([['Global', undefined], ['Kenya', '/country/kenya'], ['India', '/country/india']]);
  });

  it("an edition's front page ranks the edition's own trending stories; other pages keep the Global list", async () => {
    // Kenya's story is read most, India's once: Global trending leads with Kenya, South Asia's with India.
    const now = new Date();
    for (let i = 0; i < 3; i++) await recordView(w.t.store.db, ids.kenya, now);
    await recordView(w.t.store.db, ids.india, now);
    w.app.invalidateCaches();
    const trendingOf = (html: string) => [...(/<section class="panel trending".*?<\/section>/s.exec(html)?.[0] ?? '').matchAll(/<h3 class="item-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(trendingOf((await w.get('/latest')).body)).toEqual(['Nairobi votes', 'Monsoon reaches Kerala', 'A quiet day']);
    expect(trendingOf((await w.get('/south-asia')).body)).toEqual(['Monsoon reaches Kerala']);
    expect(trendingOf((await w.get('/east-africa')).body)).toEqual(['Nairobi votes']);
    expect(trendingOf((await w.get('/', { cookie: 'edition=south-asia' })).body)).toEqual(['Monsoon reaches Kerala']);
    expect(trendingOf((await w.get('/')).body)[0]).toBe('Nairobi votes');
  });

  it('an article links its tags under "Read more on"; a tag page lists its stories', async () => {
    const article = await w.get('/article/politics/2-nairobi');
    expect(hrefsIn(article.body, /<nav class="read-more".*?<\/nav>/)).toEqual(['/tag/kerala', '/tag/william-ruto']);
    const tag = await w.get('/tag/kerala');
    expect(tag.statusCode).toBe(200);
    expect(textOf(tag.body, /<h1>(.*?)<\/h1>/)).toBe('Kerala');
    expect(headlinesIn(mainOf(tag.body))).toEqual(['Nairobi votes', 'Monsoon reaches Kerala']);
    expect((await w.get('/tag/kerala?page=2')).statusCode).toBe(404);
    expect((await w.get('/tag/nobody')).statusCode).toBe(404);
    expect((await w.get('/tag/Bad%20Slug')).statusCode).toBe(404);
  });
});
