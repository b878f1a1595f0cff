import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/test-stores.ts';
import { hrefsIn, startWeb, storyRow, textOf, type WebHarness } from '../testing/web-fixtures.ts';

const articleLinks = (html: string) => hrefsIn(html, /<main.*<\/main>/s).filter((h) => h.startsWith('/article/'));

describe.each(testEngines())('list pages on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
  });
  afterEach(async () => {
    await w.close();
  });

  describe('pagination of a sector (45 stories, 20 a page)', () => {
    beforeEach(async () => {
      const rows = [];
      for (let n = 1; n <= 45; n++) rows.push(storyRow(n));
      rows.push(storyRow(50, { sector: 'health' }));
      await w.insert(...rows);
    });

    it.each([
      ['/news/politics', 20, undefined, '/news/politics?page=2', 'https://news.example/news/politics'],
      ['/news/politics?page=2', 20, '/news/politics', '/news/politics?page=3', 'https://news.example/news/politics?page=2'],
      ['/news/politics?page=3', 5, '/news/politics?page=2', undefined, 'https://news.example/news/politics?page=3'],
    ])('%s', async (url, count, prev, next, canonical) => {
      const res = await w.get(url);
      expect(res.statusCode).toBe(200);
      const links = articleLinks(res.body);
      expect(links).toHaveLength(count);
      expect(links.every((l) => l.startsWith('/article/politics/'))).toBe(true);
      expect(/<link rel="prev" href="([^"]+)"/.exec(res.body)?.[1]).toBe(prev);
      expect(/<link rel="next" href="([^"]+)"/.exec(res.body)?.[1]).toBe(next);
      expect(/<a rel="prev" href="([^"]+)"/.exec(res.body)?.[1]).toBe(prev);
      expect(/<a rel="next" href="([^"]+)"/.exec(res.body)?.[1]).toBe(next);
      expect(/<link rel="canonical" href="([^"]+)"/.exec(res.body)?.[1]).toBe(canonical);
    });

    it('pages do not overlap and run newest first', async () => {
      const p1 = articleLinks((await w.get('/news/politics')).body);
      const p3 = articleLinks((await w.get('/news/politics?page=3')).body);
      expect(p1[0]).toBe('/article/politics/45-headline-number-45');
      expect(p3.at(-1)).toBe('/article/politics/1-headline-number-1');
    });

    it.each([
      ['/news/politics?page=4', 404],
      ['/news/politics?page=0', 400],
      ['/news/politics?page=-1', 400],
      ['/news/politics?page=abc', 400],
      ['/news/politics?page=2.5', 400],
      ['/news/politics?page=2&page=3', 400],
      ['/news/nonsense', 404],
    ])('%s answers %i', async (url, status) => {
      const res = await w.get(url);
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).not.toMatch(/\bat [\w.]+ \(/);
    });

    it('redirects ?page=1 to the bare URL', async () => {
      const res = await w.get('/news/politics?page=1');
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe('/news/politics');
    });

    it('links the sector feed', async () => {
      const res = await w.get('/news/health');
      expect(res.body).toContain('<link rel="alternate" type="application/rss+xml" title="Devdiscourse: Health" href="/news/health/rss.xml"/>');
      expect(textOf(res.body, /<h1>(.*?)<\/h1>/)).toBe('Health');
    });
  });

  it('shows an empty sector honestly', async () => {
    const res = await w.get('/news/wash');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No WASH stories yet.');
  });

  it('lists the latest stories newest first, each at its canonical URL', async () => {
    await w.insert(
      storyRow(5, { sector: 'health', slug: 'five' }),
      storyRow(9, { sector: 'sports', slug: 'nine' }),
      storyRow(7, { sector: 'politics', slug: 'seven' }),
      storyRow(8, { status: 'killed', slug: 'killed' }),
    );
    const res = await w.get('/latest');
    expect(res.statusCode).toBe(200);
    expect(articleLinks(res.body)).toEqual(['/article/sports/2-nine', '/article/politics/3-seven', '/article/health/1-five']);
  });

  it('lists a source by the slug of its agency name', async () => {
    await w.insert(storyRow(1, { agency: 'UN News' }), storyRow(2, { agency: 'PTI' }), storyRow(3, { agency: 'UN News' }));
    const un = await w.get('/source/un-news');
    expect(un.statusCode).toBe(200);
    expect(textOf(un.body, /<h1>(.*?)<\/h1>/)).toBe('UN News stories');
    expect(articleLinks(un.body)).toEqual(['/article/politics/3-headline-number-3', '/article/politics/1-headline-number-1']);
    expect(articleLinks((await w.get('/source/pti')).body)).toEqual(['/article/politics/2-headline-number-2']);
    expect((await w.get('/source/reuters')).statusCode).toBe(404);
  });

  it("names each source once in the menu, by name, in the spelling most of its stories use", async () => {
    await w.insert(
      storyRow(1, { agency: 'REUTERS' }),
      storyRow(2, { agency: 'Reuters' }),
      storyRow(3, { agency: 'Reuters' }),
      storyRow(4, { agency: 'afp' }),
      storyRow(5, { agency: 'PTI' }),
      storyRow(6, { agency: 'Xinhua', status: 'killed' }),
    );
    const home = await w.get('/');
    const sources = hrefsIn(home.body, /<h2>Sources<\/h2>.*?<\/ul>/s);
    expect(sources).toEqual(['/source/afp', '/source/pti', '/source/reuters']);
    const reuters = await w.get('/source/reuters');
    expect(textOf(reuters.body, /<h1>(.*?)<\/h1>/)).toBe('Reuters stories');
  });
});
