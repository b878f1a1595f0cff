// A reader's view in a real browser: the home page and an article have the reference
// anatomy, at phone and desktop widths; screenshots go to docs/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser } from './browser.ts';
import { startDemoSite, type DemoSite } from './demo-site.ts';
import { addEditor } from '../../src/store/desk-repository.ts';

const missing = browserUnavailable();
if (missing && process.env.CI) throw new Error(`browser tests cannot run in CI: ${missing}`);
if (missing) console.warn(`browser tests skipped: ${missing}`);

const SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe.skipIf(missing !== undefined)('the demo site in Chromium', () => {
  let site: DemoSite;
  let browser: Browser;
  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport, javaScriptEnabled: false });
    const res = await page.goto(`${site.url}${path}`);
    expect(res?.status()).toBe(200);
    return page;
  }

  it.each(WIDTHS)('home page at $name width: top stories, latest, sectors, trending', async (vp) => {
    const page = await open('/', vp);
    await expect(page.title()).resolves.toContain('Wiredesk Demo');
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/TRENDING/i);
    expect(text).toMatch(/Latest/i);
    expect(await page.locator('main a[href^="/article/"]').count()).toBeGreaterThanOrEqual(20);
    // No horizontal scrolling on a phone: nothing wider than the viewport.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}home-${vp.name}.png`, fullPage: vp.name === 'desktop' });
    await page.close();
  });

  it.each(WIDTHS)('article at $name width has the reference anatomy', async (vp) => {
    const home = await open('/', vp);
    const href = await home.locator('main a[href^="/article/"]').first().getAttribute('href');
    await home.close();
    const page = await open(href!, vp);
    const h1 = await page.locator('h1').innerText();
    expect(h1.length).toBeGreaterThan(10);
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/[A-Za-z ]+ \| [A-Za-z .]+ \| Updated: \d{2}-\d{2}-\d{4} \d{2}:\d{2} IST \| Created: \d{2}-\d{2}-\d{4} \d{2}:\d{2} IST/);
    expect(text).toContain('(This story has not been edited by Wiredesk Demo staff and is auto-generated from a syndicated feed.)');
    expect(text).toMatch(/TRENDING/i);
    expect(text).toMatch(/OPINION/i);
    expect(text).toMatch(/SECTORS/i);
    expect(text).toMatch(/EDITIONS/i);
    expect(await page.locator('a[href="/page/privacy"]').count()).toBeGreaterThan(0);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}') as Record<string, unknown>;
    expect(JSON.stringify(jsonLd)).toContain('NewsArticle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}article-${vp.name}.png`, fullPage: vp.name === 'desktop' });
    await page.close();
  });

  it.each(WIDTHS)('DevShots at $name width: article cards, a swipe on phones, a stream on desktops', async (vp) => {
    const page = await open('/devshots', vp);
    expect(await page.locator('ol.shots > li > article.shot[tabindex="0"]').count()).toBe(20);
    // The cards scroll inside their list on a phone; the page itself never scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const list = await page.locator('ol.shots').evaluate((el) => ({ snap: getComputedStyle(el).scrollSnapType, wider: el.scrollWidth > el.clientWidth }));
    expect(list).toEqual(vp.name === 'phone' ? { snap: 'x mandatory', wider: true } : { snap: 'none', wider: false });
    const images = await page.locator('.shot-img').evaluateAll((imgs) => imgs.map((i) => [i.getAttribute('width'), i.getAttribute('height'), i.getAttribute('loading')]));
    expect(images.slice(0, 2)).toEqual([['1200', '675', 'eager'], ['1200', '675', 'lazy']]);
    await page.screenshot({ path: `${SHOTS}devshots-${vp.name}.png` });
    await page.close();
  });

  it('the desk, as an editor uses it: sign in, read the wire as filed, refile a story, see the public page move', async () => {
    const token = await addEditor(site.store.db, 'Asha Rao', new Date());
    const page = await browser.newPage({ viewport: WIDTHS[0], javaScriptEnabled: false });
    await page.goto(`${site.url}/desk`);
    expect(new URL(page.url()).pathname).toBe('/desk/login');
    await page.fill('input[name=name]', 'Asha Rao');
    await page.fill('input[name=token]', token);
    await page.click('form.desk-form button');
    expect(new URL(page.url()).pathname).toBe('/desk');
    expect(await page.locator('table.desk-table tbody tr').count()).toBe(50);
    await page.screenshot({ path: `${SHOTS}desk-desktop.png` });
    await page.click('table.desk-table tbody tr:first-child a');
    const storyPath = new URL(page.url()).pathname;
    const publicPath = await page.locator('.desk-facts a').getAttribute('href');
    const current = /\/article\/([^/]+)\//.exec(publicPath ?? '')?.[1];
    const target = current === 'health' ? 'education' : 'health';
    await page.selectOption('select[name=sector]', target);
    await page.click('form.desk-form button');
    expect(page.url()).toBe(`${site.url}${storyPath}?filed=${target}`);
    expect(await page.locator('[role=status]').innerText()).toMatch(/^Filed under /);
    // The old public address now leads to the story under its new sector.
    const reader = await browser.newPage({ viewport: WIDTHS[0], javaScriptEnabled: false });
    await reader.goto(`${site.url}${publicPath ?? ''}`);
    expect(new URL(reader.url()).pathname.startsWith(`/article/${target}/`)).toBe(true);
    await reader.close();
    await page.close();
  });

  it('DevShots by keyboard: Tab reaches each card, j and k move between them', async () => {
    const page = await browser.newPage({ viewport: WIDTHS[0] });
    await page.goto(`${site.url}/devshots`);
    await page.locator('article.shot').first().focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby') ?? document.activeElement?.tagName);
    const ids = await page.locator('article.shot').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-labelledby')));
    await page.keyboard.press('j');
    expect(await focused()).toBe(ids[1]);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await focused()).toBe(ids[1]);
    // Without the script's keys: Tab goes through the card's two links to the next card.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(ids[2]);
    await page.close();
  });

  it('the updated demo story shows Updated later than Created', async () => {
    const page = await open('/source/reuters', WIDTHS[0]);
    const link = page.locator('main a[href^="/article/"]', { hasText: 'Lagos Blue Line' }).first();
    const href = await link.getAttribute('href');
    await page.close();
    const article = await open(href!, WIDTHS[0]);
    const byline = (await article.locator('body').innerText()).match(/Updated: (\S+ \S+) IST \| Created: (\S+ \S+) IST/);
    expect(byline?.[1]).not.toBe(byline?.[2]);
    await article.close();
  });
});
