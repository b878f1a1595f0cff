// Cross-cutting behaviour of the app: static pages, the stylesheet, caching headers,
// conditional GET, error pages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/test-stores.ts';
import { buildApp } from './app.ts';
import { startWeb, storyRow, testConfig, textOf, type WebHarness } from './testing/web-fixtures.ts';
import { createTestStore } from '../store/testing/test-stores.ts';

describe.each(testEngines())('web app on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
    await w.insert(storyRow(1));
  });
  afterEach(async () => {
    await w.close();
  });

  it.each([
    ['about', 'About', 'Devdiscourse is a news site'],
    ['contact', 'Contact', 'desk@news.example'],
    ['disclaimer', 'Disclaimer', 'without being edited by Devdiscourse staff'],
    ['terms', 'Terms of use', 'You may read, link to and share Devdiscourse pages'],
    ['privacy', 'Privacy Policy', 'Devdiscourse does not require an account'],
  ])('serves the %s page', async (slug, title, text) => {
    const res = await w.get(`/page/${slug}`);
    expect(res.statusCode).toBe(200);
    expect(textOf(res.body, /<title>(.*?)<\/title>/)).toBe(`${title} | Devdiscourse`);
    expect(textOf(res.body, /<article class="static-page">(.*?)<\/article>/)).toContain(text);
  });

  it('serves the stylesheet at its fingerprinted URL, immutable', async () => {
    const page = await w.get('/');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect(href).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    const css = await w.get(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain('prefers-color-scheme: dark');
    expect(css.body).toContain('@media print');
    expect(Buffer.byteLength(css.body)).toBeLessThan(14_336);
    // Printing an article: no menu, rail or footer, and each link's address after it.
    const print = /@media print\{(.*?\})\}/s.exec(css.body)?.[1] ?? '';
    expect(print).toMatch(/\.skip,\.masthead,\.rail,\.site-footer,[^{]*\{display: none !important;\}/);
    expect(print).toContain('.story-body a[href^="http"]::after{content: " (" attr(href) ")"');
  });

  it.each([
    ['an older fingerprint gets today’s stylesheet, briefly', '/assets/site.0123456789.css', 200, 'public, max-age=60'],
    ['anything else under /assets is not found', '/assets/secret.txt', 404, 'public, max-age=60'],
  ])('%s', async (_name, url, status, cacheControl) => {
    const res = await w.get(url);
    expect(res.statusCode).toBe(status);
    expect(res.headers['cache-control']).toBe(cacheControl);
  });

  it.each(['/', '/latest', '/news/politics', '/source/pti', '/page/about', '/article/politics/1-headline-number-1'])(
    '%s carries page caching headers and answers If-None-Match with 304',
    async (url) => {
      const first = await w.get(url);
      expect(first.statusCode).toBe(200);
      expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      const again = await w.get(url, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      const other = await w.get(url, { 'if-none-match': 'W/"something-else"' });
      expect(other.statusCode).toBe(200);
    },
  );

  it('changes the ETag when the page changes', async () => {
    const before = await w.get('/article/politics/1-headline-number-1');
    await w.insert(storyRow(2));
    const after = await w.get('/article/politics/1-headline-number-1');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('answers an unknown URL with a 404 page that links home and lists the latest stories', async () => {
    const res = await w.get('/no/such/page');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    expect(res.body).toContain('<a class="button" href="/">');
    expect(res.body).toMatch(/<section class="error-page">.*href="\/article\/politics\/1-headline-number-1"/);
  });
});

describe('when the store fails', () => {
  it('shows a friendly 500 page without a stack trace', async () => {
    const t = await createTestStore('sqlite');
    const app = await buildApp({ store: t.store, config: testConfig() });
    try {
      await t.store.db.schema.dropTable('story_views').execute();
      await t.store.db.schema.dropTable('stories').execute();
      const res = await app.inject({ url: '/article/politics/1-x', headers: { 'user-agent': 'Mozilla/5.0' } });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('Something went wrong');
      expect(res.body).not.toMatch(/no such table|SqliteError|\bat [\w.<>]+ \(/i);
    } finally {
      await app.close();
      await t.dispose();
    }
  });
});
