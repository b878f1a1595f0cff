// Opinion, blog and interview lists, author pages, and how an article shows its kind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/test-stores.ts';
import { readFileSync } from 'node:fs';
import { insertSource } from '../../store/source-repository.ts';
import { hrefsIn, startWeb, storyRow, textOf, type WebHarness } from '../testing/web-fixtures.ts';

const mainOf = (html: string): string => /<main[^>]*>(.*?)<\/main>/s.exec(html)?.[1] ?? '';
const articleLinks = (html: string) => hrefsIn(html, /<main.*<\/main>/s).filter((h) => h.startsWith('/article/'));
const jsonLd = (html: string): Record<string, unknown>[] =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '{}') as Record<string, unknown>);

describe.each(testEngines())('signed pieces and author pages on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
  });
  afterEach(async () => {
    await w.close();
  });

  describe('an opinion list of 25 pieces among wire copy', () => {
    beforeEach(async () => {
      const rows = [];
      for (let n = 1; n <= 25; n++) rows.push(storyRow(n, { kind: 'opinion', author: 'Asha Rao', agency: null }));
      rows.push(storyRow(30, { kind: 'wire' }), storyRow(31, { kind: 'blog', author: 'Ravi Menon', agency: null }), storyRow(32, { kind: 'opinion', status: 'killed' }));
      await w.insert(...rows);
    });

    it.each([
      ['/opinion', 20, undefined, '/opinion?page=2'],
      ['/opinion?page=2', 5, '/opinion', undefined],
    ])('%s: its page of pieces, newest first, with rel prev/next', async (url, count, prev, next) => {
      const res = await w.get(url);
      expect(res.statusCode).toBe(200);
      const links = articleLinks(res.body);
      expect(links).toHaveLength(count);
      expect(links.every((l) => /\/\d+-headline-number-(\d|1\d|2[0-5])$/.test(l))).toBe(true);
      expect(/<link rel="prev" href="([^"]+)"/.exec(res.body)?.[1]).toBe(prev);
      expect(/<link rel="next" href="([^"]+)"/.exec(res.body)?.[1]).toBe(next);
      expect(/<a rel="next" href="([^"]+)"/.exec(res.body)?.[1]).toBe(next);
      expect(textOf(res.body, /<h1>(.*?)<\/h1>/)).toMatch(/^Opinion/);
      expect(String(res.headers.xkey).split(' ')).toEqual(expect.arrayContaining(['site', 'list-latest', 'kind-opinion']));
    });

    it('each piece is labelled with its kind and names its author, linked', async () => {
      const main = mainOf((await w.get('/opinion')).body);
      expect(main).toContain('<a class="label kind-label" href="/opinion">Opinion</a>');
      expect(main).toContain('<a class="author" href="/author/asha-rao">Asha Rao</a>');
    });

    it('blogs and interviews list only theirs; an empty list says so', async () => {
      expect(articleLinks((await w.get('/blogs')).body)).toEqual(['/article/politics/27-headline-number-31']);
      const interviews = await w.get('/interviews');
      expect(interviews.statusCode).toBe(200);
      expect(interviews.body).toContain('No interviews yet.');
    });

    it.each([
      ['/opinion?page=0', 400],
      ['/opinion?page=abc', 400],
      ['/opinion?page=3', 404],
      ['/opinions', 404],
    ])('%s answers %i', async (url, status) => {
      expect((await w.get(url)).statusCode).toBe(status);
    });

    it('advertises its own feeds first', async () => {
      const res = await w.get('/opinion');
      expect(res.body).toContain('<link rel="alternate" type="application/rss+xml" title="Devdiscourse: Opinion" href="/opinion/rss.xml"/>');
    });

    it('the rail shows the newest pieces', async () => {
      const rail = /<aside class="rail".*?<\/aside>/s.exec((await w.get('/latest')).body)?.[0] ?? '';
      const opinion = /<section class="panel" aria-labelledby="opinion-h">.*?<\/section>/s.exec(rail)?.[0] ?? '';
      expect(hrefsIn(opinion, /.*/s).filter((h) => h.startsWith('/article/'))).toEqual([
        '/article/politics/27-headline-number-31',
        '/article/politics/25-headline-number-25',
        '/article/politics/24-headline-number-24',
        '/article/politics/23-headline-number-23',
      ]);
    });

    it('/author/{slug} lists the byline’s stories, paginated, with its feeds', async () => {
      const res = await w.get('/author/asha-rao');
      expect(res.statusCode).toBe(200);
      expect(textOf(res.body, /<h1>(.*?)<\/h1>/)).toBe('Asha Rao');
      expect(articleLinks(res.body)).toHaveLength(20);
      expect(/<link rel="next" href="([^"]+)"/.exec(res.body)?.[1]).toBe('/author/asha-rao?page=2');
      expect(res.body).toContain('<link rel="alternate" type="application/atom+xml" title="Devdiscourse: Asha Rao (Atom)" href="/author/asha-rao/atom.xml"/>');
      expect(String(res.headers.xkey).split(' ')).toContain('author-asha-rao');
      expect(articleLinks((await w.get('/author/asha-rao?page=2')).body)).toHaveLength(5);
    });

    it.each([
      ['/author/nobody', 404],
      ['/author/Asha%20Rao', 404],
      ['/author/asha--rao', 404],
      ['/author/asha-rao?page=0', 400],
      ['/author/asha-rao?page=9', 404],
    ])('%s answers %i', async (url, status) => {
      expect((await w.get(url)).statusCode).toBe(status);
    });
  });

  it('an opinion article: "Opinion" label, the author prominent and linked, OpinionNewsArticle', async () => {
    const [id] = await w.insert(storyRow(1, { kind: 'opinion', author: 'Asha Rao', agency: null, slug: 'view' }));
    const res = await w.get(`/article/politics/${id}-view`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<p class="kicker"><a class="label kind-label" href="/opinion">Opinion</a>');
    expect(res.body).toContain('<p class="author-line">By <a class="author" rel="author" href="/author/asha-rao">Asha Rao</a></p>');
    const [article, crumbs] = jsonLd(res.body);
    expect(article).toMatchObject({ '@type': 'OpinionNewsArticle', author: { '@type': 'Person', name: 'Asha Rao', url: 'https://news.example/author/asha-rao' } });
    expect((crumbs?.itemListElement as { name: string }[]).map((c) => c.name)).toEqual(['Home', 'Opinion', 'Headline number 1']);
    expect(/<link rel="alternate" type="application\/rss\+xml" title="([^"]+)" href="([^"]+)"/.exec(res.body)?.slice(1)).toEqual(['Devdiscourse: Opinion', '/opinion/rss.xml']);
  });

  it('a blog post is a BlogPosting; wire copy stays a NewsArticle, its author linked after the agency', async () => {
    const [blog, wire] = await w.insert(storyRow(1, { kind: 'blog', author: 'Ravi Menon', slug: 'b' }), storyRow(2, { author: 'Jane Doe', slug: 'w' }));
    expect(jsonLd((await w.get(`/article/politics/${blog}-b`)).body)[0]).toMatchObject({ '@type': 'BlogPosting' });
    const res = await w.get(`/article/politics/${wire}-w`);
    expect(jsonLd(res.body)[0]).toMatchObject({ '@type': 'NewsArticle' });
    expect(res.body).not.toContain('kind-label');
    expect(res.body).toMatch(/<p class="byline"><a href="\/source\/pti">PTI<\/a> \| <a class="author" rel="author" href="\/author\/jane-doe">Jane Doe<\/a> \| <span>Moscow<\/span>/);
    expect((await w.get('/author/jane-doe')).statusCode).toBe(200);
  });

  it('a columnist’s source lands its items as opinion (a push here, as a poll would), listed on /opinion', async () => {
    await insertSource(w.t.store.db, { name: 'column', url: 'push:column', intervalSeconds: 0, pushToken: 'tok-0123456789abcdef', storyKind: 'opinion' }, new Date());
    const payload = readFileSync(new URL('../../ingest/testdata/wire-v1.rss', import.meta.url));
    const res = await w.app.inject({ method: 'POST', url: '/api/ingest/column', payload, headers: { authorization: 'Bearer tok-0123456789abcdef', 'content-type': 'application/rss+xml' } });
    expect(res.json()).toMatchObject({ new: 2 });
    expect(articleLinks((await w.get('/opinion')).body)).toHaveLength(2);
    expect(articleLinks((await w.get('/blogs')).body)).toHaveLength(0);
  });

  it('the menu lists every page type, sectors, editions and the static pages', async () => {
    const drawer = /<nav class="drawer-panel".*?<\/nav>/s.exec((await w.get('/')).body)?.[0] ?? '';
    const hrefs = hrefsIn(drawer, /.*/s);
    expect(hrefs).toEqual(expect.arrayContaining(['/latest', '/devshots', '/roundups', '/opinion', '/blogs', '/interviews', '/news/health', '/south-asia', '/page/about', '/page/privacy']));
  });
});
