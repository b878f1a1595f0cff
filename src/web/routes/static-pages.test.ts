// Static pages: the newsroom's text from the settings table, sanitized; default text otherwise.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/test-stores.ts';
import { putSetting } from '../../store/settings-repository.ts';
import { startWeb, textOf, type WebHarness } from '../testing/web-fixtures.ts';

const article = (html: string) => /<article class="static-page">(.*?)<\/article>/s.exec(html)?.[1] ?? '';

describe.each(testEngines())('static pages from settings on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
  });
  afterEach(async () => {
    await w.close();
  });

  it('shows the stored text instead of the default, sanitized again on the way out', async () => {
    await putSetting(w.t.store.db, 'page:about', '<p>We are <strong>the desk</strong>.</p><script>alert(1)</script><p><a href="/latest" onclick="x()">Latest</a></p>');
    const res = await w.get('/page/about');
    expect(res.statusCode).toBe(200);
    const body = article(res.body);
    expect(textOf(body, /<h1>(.*?)<\/h1>/)).toBe('About');
    expect(body).toContain('<p>We are <strong>the desk</strong>.</p>');
    expect(body).toContain('href="https://news.example/latest"');
    expect(body).not.toMatch(/script|alert|onclick/);
    expect(body).not.toContain('is a news site that publishes stories');
    expect(String(res.headers.xkey)).toBe('site static-about');
  });

  it('keeps the default text for pages without their own', async () => {
    await putSetting(w.t.store.db, 'page:about', '<p>Ours.</p>');
    expect(article((await w.get('/page/terms')).body)).toContain('You may read, link to and share Devdiscourse pages');
  });

  it('a stored text with nothing readable left falls back to the default', async () => {
    await putSetting(w.t.store.db, 'page:privacy', '<script>alert(1)</script>');
    expect(article((await w.get('/page/privacy')).body)).toContain('Devdiscourse does not require an account');
  });

  it.each(['/page/nonsense', '/page/About', '/page/'])('%s is not found', async (url) => {
    expect((await w.get(url)).statusCode).toBe(404);
  });

  it('the 404 page offers the search box', async () => {
    const res = await w.get('/no/such/page');
    expect(res.statusCode).toBe(404);
    expect(res.body).toMatch(/<section class="error-search" aria-label="Search">.*<form[^>]* action="\/search"/s);
  });
});
