// robots.txt and the sitemaps, each sitemap checked against the protocol's own schemas
// (testdata/sitemap-xsd) with libxml2's validator (xmllint-wasm).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { validateXML } from 'xmllint-wasm';
import { startWeb, storyRow, testConfig, type WebHarness } from '../testing/web-fixtures.ts';
import { testEngines } from '../../store/testing/test-stores.ts';
import { registerSitemapRoutes } from './sitemaps.ts';
import type { WebContext } from '../context.ts';

const xsd = (name: string) => ({ fileName: name, contents: readFileSync(new URL(`./testdata/sitemap-xsd/${name}`, import.meta.url), 'utf8') });
// A urlset with news:news children needs both schemas: sitemap.xsd's <any ##other> is
// processContents="strict", so every news element must be declared by an imported schema.
const NEWS_URLSET_XSD = {
  fileName: 'news-urlset.xsd',
  contents: `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="sitemap.xsd"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="sitemap-news.xsd"/>
</xsd:schema>`,
};

async function schemaErrors(xml: string, schema: 'sitemap' | 'siteindex' | 'news'): Promise<string[]> {
  const options =
    schema === 'news'
      ? { xml: { fileName: 'doc.xml', contents: xml }, schema: NEWS_URLSET_XSD, preload: [xsd('sitemap.xsd'), xsd('sitemap-news.xsd')] }
      : { xml: { fileName: 'doc.xml', contents: xml }, schema: xsd(`${schema}.xsd`) };
  const result = await validateXML(options);
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

describe('sitemap schemas', () => {
  it('reject what the protocol forbids, so a passing check means something', async () => {
    expect(await schemaErrors('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/</loc><lastmod>yesterday</lastmod></url></urlset>', 'sitemap')).not.toEqual([]);
    expect(await schemaErrors('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/</loc></url></sitemapindex>', 'siteindex')).not.toEqual([]);
    const news = (lang: string) =>
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://a.example/x</loc><news:news><news:publication><news:name>A</news:name><news:language>${lang}</news:language></news:publication><news:publication_date>2026-01-01T00:00:00Z</news:publication_date><news:title>T</news:title></news:news></url></urlset>`;
    expect(await schemaErrors(news('en'), 'news')).toEqual([]);
    expect(await schemaErrors(news('en-IN'), 'news')).not.toEqual([]);
  });
});

describe.each(testEngines())('robots and sitemaps on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
  });
  afterEach(async () => {
    await w.close();
  });

  it('robots.txt allows all but search and the API, and names both sitemaps by absolute URL', async () => {
    const res = await w.get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body.split('\n')).toEqual([
      'User-agent: *',
      'Allow: /',
      'Disallow: /search',
      'Disallow: /api/',
      '',
      'Sitemap: https://news.example/sitemap.xml',
      'Sitemap: https://news.example/news-sitemap.xml',
      '',
    ]);
  });

  it('the index lists the pages sitemap and the stories sitemap, valid against siteindex.xsd', async () => {
    await w.insert(storyRow(1), storyRow(2, { updated_at: '2023-04-17T05:00:00.000Z' }), storyRow(3, { status: 'killed', updated_at: '2023-04-18T00:00:00.000Z' }));
    const res = await w.get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(String(res.headers.xkey).split(' ')).toContain('feed');
    expect(await schemaErrors(res.body, 'siteindex')).toEqual([]);
    expect(locs(res.body)).toEqual(['https://news.example/sitemaps/pages.xml', 'https://news.example/sitemaps/stories-1.xml']);
    // The killed story's later update is not the chunk's lastmod: it is not listed.
    expect(res.body).toContain('<lastmod>2023-04-17T05:00:00.000Z</lastmod>');
  });

  it('a stories sitemap lists published stories with lastmod, never killed, withheld or embargoed ones', async () => {
    const ids = await w.insert(
      storyRow(1),
      storyRow(2, { status: 'killed' }),
      storyRow(3, { status: 'withheld' }),
      storyRow(4, { status: 'embargoed', embargo_until: '2099-01-01T00:00:00.000Z' }),
      storyRow(5, { sector: 'health', updated_at: '2023-04-17T06:00:00.000Z' }),
    );
    const res = await w.get('/sitemaps/stories-1.xml');
    expect(res.statusCode).toBe(200);
    expect(await schemaErrors(res.body, 'sitemap')).toEqual([]);
    expect(locs(res.body)).toEqual([`https://news.example/article/politics/${ids[0]}-headline-number-1`, `https://news.example/article/health/${ids[4]}-headline-number-5`]);
    expect(res.body).toContain('<lastmod>2023-04-17T06:00:00.000Z</lastmod>');
    for (const url of ['/sitemaps/stories-2.xml', '/sitemaps/stories-0.xml', '/sitemaps/stories-x.xml', '/sitemaps/other.xml']) {
      expect([url, (await w.get(url)).statusCode]).toEqual([url, 404]);
    }
  });

  it('the pages sitemap lists home, latest, roundups, DevShots, every sector and the static pages', async () => {
    const res = await w.get('/sitemaps/pages.xml');
    expect(await schemaErrors(res.body, 'sitemap')).toEqual([]);
    const urls = locs(res.body);
    const sectors = testConfig().site.sectors;
    expect(urls.slice(0, 4)).toEqual(['https://news.example/', 'https://news.example/latest', 'https://news.example/roundups', 'https://news.example/devshots']);
    expect(urls).toContain(`https://news.example/news/${sectors[0]!.slug}`);
    expect(urls).toContain('https://news.example/page/privacy');
    expect(urls).toContain('https://news.example/opinion');
    expect(urls).toContain('https://news.example/devshots');
    expect(urls).toHaveLength(4 + sectors.length + 3 + 5);
  });

  it('the news sitemap has the last 48 hours of published stories, valid against the News schema', async () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    const ids = await w.insert(
      storyRow(1, { created_at: hoursAgo(50), updated_at: hoursAgo(1) }),
      storyRow(2, { created_at: hoursAgo(47), headline: 'Tom & Jerry <b> “quoted”' }),
      storyRow(3, { created_at: hoursAgo(2), status: 'killed' }),
      storyRow(4, { created_at: hoursAgo(1) }),
    );
    const res = await w.get('/news-sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(await schemaErrors(res.body, 'news')).toEqual([]);
    expect(locs(res.body)).toEqual([`https://news.example/article/politics/${ids[3]}-headline-number-4`, `https://news.example/article/politics/${ids[1]}-headline-number-2`]);
    expect(res.body).toContain('<news:name>Devdiscourse</news:name><news:language>en</news:language>');
    expect(res.body).toContain('<news:title>Tom &amp; Jerry &lt;b&gt; “quoted”</news:title>');
  });
});

describe('story sitemaps split by id range', () => {
  it('puts each chunk of ids in its own file and the index lists only non-empty ones', async () => {
    const w = await startWeb('sqlite');
    try {
      const ids = await w.insert(...Array.from({ length: 7 }, (_, i) => storyRow(i + 1, { status: i + 1 === 3 || i + 1 === 4 ? 'killed' : 'published' })));
      const app = Fastify();
      const ctx = { store: w.t.store, site: testConfig().site } as unknown as WebContext;
      registerSitemapRoutes(app, ctx, { chunkSize: 2 });
      const index = await app.inject('/sitemap.xml');
      // Chunk 2 (ids 3, 4) holds only killed stories.
      expect(locs(index.body).slice(1)).toEqual(['https://news.example/sitemaps/stories-1.xml', 'https://news.example/sitemaps/stories-3.xml', 'https://news.example/sitemaps/stories-4.xml']);
      expect(locs((await app.inject('/sitemaps/stories-3.xml')).body)).toEqual([5, 6].map((n) => `https://news.example/article/politics/${ids[n - 1]}-headline-number-${n}`));
      expect((await app.inject('/sitemaps/stories-2.xml')).statusCode).toBe(404);
      await app.close();
    } finally {
      await w.close();
    }
  });
});
