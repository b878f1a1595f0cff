import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/test-stores.ts';
import { hrefsIn, metaContent, startWeb, storyRow, testConfig, textOf, type WebHarness } from '../testing/web-fixtures.ts';

describe.each(testEngines())('article page on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
  });
  afterEach(async () => {
    await w.close();
  });

  describe('anatomy of the reference page', () => {
    const canonical = 'https://news.example/article/politics/2-putin-meets-china-s-defence-minister';
    let html = '';
    beforeEach(async () => {
      await w.insert(
        storyRow(10, { headline: 'Older politics story', slug: 'older' }),
        storyRow(36, {
          headline: "Putin meets with China's defence minister in Moscow",
          summary: 'Russian President Vladimir Putin met with China’s defence minister on Sunday.',
          body_html: '<p>Putin and Russian Defence Minister Sergei Shoigu met with Gen Li Shangfu.</p>',
          slug: 'putin-meets-china-s-defence-minister',
          image_url: 'https://img.example/putin.jpg',
          image_caption: 'Putin and Li in Moscow',
        }),
      );
      const res = await w.get('/article/politics/2-putin-meets-china-s-defence-minister');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      html = res.body;
    });

    it.each<[string, (h: string) => unknown, unknown]>([
      ['doctype', (h) => h.slice(0, 15), '<!doctype html>'],
      ['lang', (h) => /<html lang="([^"]+)"/.exec(h)?.[1], 'en'],
      ['title', (h) => textOf(h, /<title>(.*?)<\/title>/), "Putin meets with China's defence minister in Moscow | Devdiscourse"],
      ['h1', (h) => textOf(h, /<h1[^>]*>(.*?)<\/h1>/), "Putin meets with China's defence minister in Moscow"],
      ['meta description = summary', (h) => metaContent(h, 'description'), 'Russian President Vladimir Putin met with China’s defence minister on Sunday.'],
      ['summary paragraph', (h) => textOf(h, /<p class="standfirst">(.*?)<\/p>/), 'Russian President Vladimir Putin met with China’s defence minister on Sunday.'],
      ['canonical', (h) => /<link rel="canonical" href="([^"]+)"/.exec(h)?.[1], canonical],
      ['byline', (h) => textOf(h, /<p class="byline">(.*?)<\/p>/), 'PTI | Moscow | Updated: 17-04-2023 00:36 IST | Created: 17-04-2023 00:36 IST'],
      ['agency links to its source page', (h) => hrefsIn(h, /<p class="byline">.*?<\/p>/), ['/source/pti']],
      ['provenance notice', (h) => textOf(h, /<p class="provenance">(.*?)<\/p>/), '(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)'],
      ['body', (h) => textOf(h, /<div class="story-body">(.*?)<\/div>/), 'Putin and Russian Defence Minister Sergei Shoigu met with Gen Li Shangfu.'],
      ['image has width and height', (h) => /<figure class="hero"><img src="https:\/\/img.example\/putin.jpg" alt="Putin and Li in Moscow" width="1200" height="675"/.test(h), true],
      ['next article in the sector', (h) => hrefsIn(h, /<nav class="next-article".*?<\/nav>/), ['/article/politics/1-older']],
      ['og:type', (h) => metaContent(h, 'og:type'), 'article'],
      ['og:title', (h) => metaContent(h, 'og:title'), "Putin meets with China's defence minister in Moscow"],
      ['og:description', (h) => metaContent(h, 'og:description'), 'Russian President Vladimir Putin met with China’s defence minister on Sunday.'],
      ['og:url', (h) => metaContent(h, 'og:url'), canonical],
      ['og:image', (h) => metaContent(h, 'og:image'), 'https://img.example/putin.jpg'],
      ['article:published_time', (h) => metaContent(h, 'article:published_time'), '2023-04-16T19:06:00.000Z'],
      ['article:modified_time', (h) => metaContent(h, 'article:modified_time'), '2023-04-16T19:06:00.000Z'],
      ['twitter:card', (h) => metaContent(h, 'twitter:card'), 'summary_large_image'],
      ['site feed', (h) => h.includes('<link rel="alternate" type="application/rss+xml" title="Devdiscourse: all news" href="/rss.xml"/>'), true],
      ['sector feed', (h) => h.includes('href="/news/politics/rss.xml"'), true],
      ['stylesheet is fingerprinted', (h) => /<link rel="stylesheet" href="\/assets\/site\.[0-9a-f]{10}\.css"\/>/.test(h), true],
      ['skip link', (h) => h.includes('<a class="skip" href="#main">') && h.includes('<main id="main"'), true],
      ['opinion empty state', (h) => textOf(h, /<section class="panel" aria-labelledby="opinion-h">(.*?)<\/section>/), 'Opinion / Blog / InterviewNo opinion pieces yet.'],
      ['no newsletter or feedback yet', (h) => /newsletter|feedback/i.test(h), false],
      ['footer other links', (h) => hrefsIn(h, /<footer.*<\/footer>/).filter((x) => x.startsWith('/page/')), ['/page/about', '/page/contact', '/page/disclaimer', '/page/terms', '/page/privacy']],
      ['footer connect', (h) => hrefsIn(h, /<footer.*<\/footer>/).filter((x) => x === '/rss.xml' || x.startsWith('mailto:')), ['/rss.xml', 'mailto:desk@news.example']],
      ['copyright', (h) => new RegExp(`© ${new Date().getFullYear()} Devdiscourse`).test(h), true],
      ['menu has sectors, editions and sources', (h) => ['/news/health', '/south-asia', '/source/pti', '/latest'].every((x) => hrefsIn(h, /<nav class="drawer-panel".*?<\/nav>/).includes(x)), true],
    ])('%s', (_name, pick, want) => {
      expect(pick(html)).toEqual(want);
    });

    it('has JSON-LD that parses as a NewsArticle with the story dates', () => {
      const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1];
      expect(json).toBeDefined();
      expect(JSON.parse(json ?? '')).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: "Putin meets with China's defence minister in Moscow",
        description: 'Russian President Vladimir Putin met with China’s defence minister on Sunday.',
        datePublished: '2023-04-16T19:06:00.000Z',
        dateModified: '2023-04-16T19:06:00.000Z',
        author: { '@type': 'Organization', name: 'PTI' },
        sourceOrganization: { '@type': 'Organization', name: 'PTI' },
        publisher: { '@type': 'Organization', name: 'Devdiscourse' },
        mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
        image: ['https://img.example/putin.jpg'],
      });
    });
  });

  it('has a BreadcrumbList: home, the sector, the story', async () => {
    const [id] = await w.insert(storyRow(40, { sector: 'health' }));
    const res = await w.get(`/article/health/${id}-headline-number-40`);
    const scripts = [...res.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);
    const crumbs = scripts.find((s) => s['@type'] === 'BreadcrumbList') as { itemListElement: { position: number; name: string; item: string }[] } | undefined;
    expect(crumbs?.itemListElement.map((c) => [c.position, c.name, c.item])).toEqual([
      [1, 'Home', 'https://news.example/'],
      [2, 'Health', 'https://news.example/news/health'],
      [3, 'Headline number 40', `https://news.example/article/health/${id}-headline-number-40`],
    ]);
  });

  it.each([
    ['no agency, no dateline', { agency: null, dateline_city: null }, 'Updated: 17-04-2023 00:36 IST | Created: 17-04-2023 00:36 IST'],
    ['no dateline', { dateline_city: null }, 'PTI | Updated: 17-04-2023 00:36 IST | Created: 17-04-2023 00:36 IST'],
    ['updated later than created', { updated_at: '2023-04-17T08:15:00.000Z' }, 'PTI | Moscow | Updated: 17-04-2023 13:45 IST | Created: 17-04-2023 00:36 IST'],
    ['a reporter after the agency', { author: 'Asha Rao' }, 'PTI | Asha Rao | Moscow | Updated: 17-04-2023 00:36 IST | Created: 17-04-2023 00:36 IST'],
    ['an author that only repeats the agency', { author: 'pti' }, 'PTI | Moscow | Updated: 17-04-2023 00:36 IST | Created: 17-04-2023 00:36 IST'],
  ])('byline: %s', async (_name, over, want) => {
    const [id] = await w.insert(storyRow(36, over));
    const res = await w.get(`/article/politics/${id}-headline-number-36`);
    expect(textOf(res.body, /<p class="byline">(.*?)<\/p>/)).toBe(want);
  });

  it('shows times in the configured zone with its abbreviation', async () => {
    const other = await startWeb(engine, testConfig({ WIREDESK_TIMEZONE: 'Europe/London' }));
    try {
      const [id] = await other.insert(storyRow(36, { created_at: '2023-07-01T11:00:00.000Z', updated_at: '2023-07-01T11:00:00.000Z' }));
      const res = await other.get(`/article/politics/${id}-headline-number-36`);
      expect(textOf(res.body, /<p class="byline">(.*?)<\/p>/)).toBe('PTI | Moscow | Updated: 01-07-2023 12:00 BST | Created: 01-07-2023 12:00 BST');
    } finally {
      await other.close();
    }
  });

  it('gives staff stories no provenance notice', async () => {
    const [id] = await w.insert(storyRow(1, { kind: 'staff', agency: null, author: 'A. Reporter' }));
    const res = await w.get(`/article/politics/${id}-headline-number-1`);
    expect(res.body).not.toContain('class="provenance"');
    expect(textOf(res.body, /<p class="byline">(.*?)<\/p>/)).toMatch(/^A\. Reporter \| Moscow \| Updated: /);
  });

  it.each([
    ['id only', '/article/1'],
    ['wrong sector', '/article/health/1-headline-number-1'],
    ['wrong slug', '/article/politics/1-some-old-slug'],
    ['no slug', '/article/politics/1'],
    ['wrong sector and slug', '/article/sports/1-x'],
  ])('redirects %s to the canonical URL with 301', async (_name, url) => {
    await w.insert(storyRow(1));
    const res = await w.get(url);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/article/politics/1-headline-number-1');
  });

  it.each([
    ['unknown id', '/article/politics/999-nothing'],
    ['unknown id alone', '/article/999'],
    ['not a number', '/article/politics/abc'],
    ['id alone not a number', '/article/abc'],
    ['id too large', '/article/politics/99999999999-x'],
    ['withheld story by id', '/article/3'],
  ])('answers 404 for %s', async (_name, url) => {
    await w.insert(storyRow(1), storyRow(2, { status: 'killed' }), storyRow(3, { status: 'withheld' }));
    const res = await w.get(url);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
  });

  it('escapes markup in headlines, summaries and JSON-LD', async () => {
    const [id] = await w.insert(storyRow(1, { headline: 'Bad <script>alert(1)</script> "quoted"', summary: '</script><img src=x onerror=alert(1)>' }));
    const res = await w.get(`/article/politics/${id}-headline-number-1`);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain('<h1 class="headline">Bad &lt;script>alert(1)&lt;/script> &quot;quoted&quot;</h1>');
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(res.body)?.[1] ?? '';
    expect(json).toContain('\\u003c/script>');
    expect(JSON.parse(json).headline).toBe('Bad <script>alert(1)</script> "quoted"');
  });

  it('drops image URLs that are not http(s)', async () => {
    const [id] = await w.insert(storyRow(1, { image_url: 'javascript:alert(1)' }));
    const res = await w.get(`/article/politics/${id}-headline-number-1`);
    expect(res.body).not.toContain('javascript:');
    expect(res.body).not.toContain('<figure class="hero">');
    expect(metaContent(res.body, 'twitter:card')).toBe('summary');
  });
});
