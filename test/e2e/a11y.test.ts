// Accessibility in a real browser: axe-core (the engine behind Lighthouse's audit)
// checks each page family against WCAG 2.1 A and AA at desktop and phone widths.
// Any violation fails with its rule and the offending nodes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { browserUnavailable, launchBrowser } from './browser.ts';
import { startDemoSite, type DemoSite } from './demo-site.ts';

const missing = browserUnavailable();
if (missing && process.env.CI) throw new Error(`browser tests cannot run in CI: ${missing}`);
if (missing) console.warn(`accessibility tests skipped: ${missing}`);

describe.skipIf(missing !== undefined)('WCAG 2.1 AA (axe-core) on the demo site', () => {
  let site: DemoSite;
  let browser: Browser;
  let article = '';
  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchBrowser();
    const home = await (await fetch(`${site.url}/`)).text();
    article = /href="(\/article\/[^"]+)"/.exec(home)?.[1] ?? '';
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.each([
    ['home', () => '/'],
    ['article', () => article],
    ['sector', () => '/news/health'],
    ['latest', () => '/latest'],
    ['search results', () => '/search?q=water'],
    ['not found', () => '/no/such/page'],
  ])('%s page', { timeout: 60_000 }, async (_name, path) => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      // axe runs as a script in the page, so JavaScript is on; the pages themselves ship none that changes them.
      // AxeBuilder wants a page of an explicit context.
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      try {
        await page.goto(`${site.url}${path()}`);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(found, `at ${viewport.width}px`).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
