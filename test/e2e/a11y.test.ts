// Accessibility in a real browser: axe-core (the engine behind Lighthouse's audit)
// checks each page family against WCAG 2.2 A and AA at desktop and phone widths and in
// dark mode; keyboard use and a Lighthouse-style budget are checked alongside.
// Any violation fails with its rule and the offending nodes. axe-core is injected once per
// page and run at each width and colour scheme in turn (resized, media emulated), not through
// @axe-core/playwright, which opened a context and a blank page per run: 5 s a run on a
// slow machine, 4 minutes for the file, against 3.4 s for a page's four runs this way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { Browser } from 'playwright-core';
import { browserUnavailable, launchBrowser } from './browser.ts';
import { startDemoSite, type DemoSite } from './demo-site.ts';
import { pino } from 'pino';
import { runRoundupTopic } from '../../src/roundups/run-roundup.ts';
import { loadConfig } from '../../src/config/config.ts';
import { absoluteUrl, articlePath } from '../../src/web/urls.ts';
import { changeStoryKind, updateStory } from '../../src/store/story-repository.ts';
import { addEditor, findEditorByToken, openSession } from '../../src/store/desk-repository.ts';
import { DESK_COOKIE } from '../../src/web/routes/desk.tsx';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const missing = browserUnavailable();
if (missing && process.env.CI) throw new Error(`browser tests cannot run in CI: ${missing}`);
if (missing) console.warn(`accessibility tests skipped: ${missing}`);

describe.skipIf(missing !== undefined)('WCAG 2.1 AA (axe-core) on the demo site', () => {
  let site: DemoSite;
  let browser: Browser;
  let article = '';
  let roundup = '';
  let opinion = '';
  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchBrowser();
    const home = await (await fetch(`${site.url}/`)).text();
    article = /href="(\/article\/[^"]+)"/.exec(home)?.[1] ?? '';
    // The demo's Health roundup, as the job would make it an hour after the wire came in.
    const config = loadConfig({});
    const health = config.roundups.find((t) => t.slug === 'health');
    if (!health) throw new Error('no Health topic in the demo configuration');
    const run = await runRoundupTopic(
      { store: site.store, site: config.site, logger: pino({ level: 'silent' }), owner: 'e2e', articleUrl: (b) => absoluteUrl(config.site, articlePath(b)), onPublished: () => site.app.invalidateCaches(), now: () => new Date('2026-11-29T07:00:00Z') },
      health,
    );
    if (run.kind !== 'published') throw new Error(`no demo roundup: ${run.kind}`);
    roundup = `/article/${run.storyId}`;
    // A signed piece: its kind label, author line and author links are checked too.
    const id = Number(/href="\/article\/[^/]+\/(\d+)-/.exec(home.slice(home.indexOf(article) + 1))?.[1]);
    await updateStory(site.store.db, id, { author: 'Asha Rao' });
    expect(await changeStoryKind(site.store.db, id, 'opinion', 'a11y', new Date())).toEqual({ outcome: 'changed', from: 'wire' });
    site.app.invalidateCaches();
    opinion = `/article/${id}`;
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('keyboard: the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.url}${article}`);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => ({ text: document.activeElement?.textContent ?? '', href: document.activeElement?.getAttribute('href') ?? '' }));
      expect(first.text).toMatch(/skip to (the )?(main )?content/i);
      const visible = await page.evaluate(() => {
        const r = document.activeElement?.getBoundingClientRect();
        return r !== undefined && r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0;
      });
      expect(visible).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('budget: no layout shift, every image sized, no third-party requests (fonts included)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const origins = new Set<string>();
    page.on('request', (r) => origins.add(new URL(r.url()).origin));
    try {
      for (const path of ['/', article, '/devshots']) {
        await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
        const unsized = await page.evaluate(() => Array.from(document.images).filter((i) => !i.getAttribute('width') || !i.getAttribute('height')).map((i) => i.src));
        expect(unsized, path).toEqual([]);
        const shift = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              let total = 0;
              new PerformanceObserver((list) => {
                for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) total += e.value;
              }).observe({ type: 'layout-shift', buffered: true });
              setTimeout(() => resolve(total), 500);
            }),
        );
        expect(shift, path).toBeLessThan(0.01);
      }
      // Demo images are data the wire sent (absolute URLs elsewhere would be theirs); everything the page itself loads is ours.
      const foreign = [...origins].filter((o) => o !== site.url && !o.startsWith('data:'));
      expect(foreign.filter((o) => !/img|image|media/.test(o))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['home', () => '/'],
    ['article', () => article],
    ['sector', () => '/news/health'],
    ['latest', () => '/latest'],
    ['search results', () => '/search?q=water'],
    ['roundups', () => '/roundups'],
    ['roundup article', () => roundup],
    ['DevShots', () => '/devshots'],
    ['not found', () => '/no/such/page'],
    ['opinion list', () => '/opinion'],
    ['opinion article', () => opinion],
    ['country', () => '/country/india'],
  ])('%s page', { timeout: 60_000 }, async (_name, path) => {
    await expectNoViolations(path());
  });

  it.each([
    ['sign-in', '/desk/login', false],
    ['wire as filed', '/desk', true],
    ['story', '/desk/story/1', true],
  ])('the desk: %s page', { timeout: 60_000 }, async (_name, path, signedIn) => {
    let cookie: string | undefined;
    if (signedIn) {
      const token = await addEditor(site.store.db, `a11y ${path}`, new Date());
      const editor = await findEditorByToken(site.store.db, `a11y ${path}`, token);
      if (!editor) throw new Error('no editor');
      cookie = await openSession(site.store.db, editor.id, new Date(), new Date(Date.now() + 3_600_000));
    }
    await expectNoViolations(path, cookie);
  });

  async function expectNoViolations(path: string, deskSession?: string): Promise<void> {
    const cases = [
      { viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const },
      { viewport: { width: 390, height: 844 }, colorScheme: 'light' as const },
      // Dark mode follows prefers-color-scheme: its contrast is checked too.
      { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const },
      { viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
    ];
    // axe runs as a script in the page, so JavaScript is on; the pages themselves ship none that changes them.
    const context = await browser.newContext({ viewport: cases[0]!.viewport });
    if (deskSession) await context.addCookies([{ name: DESK_COOKIE, value: deskSession, url: `${site.url}/desk` }]);
    const page = await context.newPage();
    try {
      await page.goto(`${site.url}${path}`);
      if (deskSession) expect(page.url()).toBe(`${site.url}${path}`);
      await page.addScriptTag({ content: AXE_SOURCE });
      for (const { viewport, colorScheme } of cases) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme });
        const result = await page.evaluate(
          (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          WCAG_TAGS,
        );
        const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(found, `at ${viewport.width}px, ${colorScheme}`).toEqual([]);
      }
    } finally {
      await context.close();
    }
  }
});
