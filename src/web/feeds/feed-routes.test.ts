import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWeb, storyRow, testConfig, type WebHarness } from '../testing/web-fixtures.ts';
import { xmlErrors } from '../testing/xml-well-formed.ts';
import { testEngines } from '../../store/testing/test-stores.ts';
import { updateStory } from '../../store/story-repository.ts';
import { parseFeed } from '../../ingest/parse/index.ts';
import type { FeedFormat, ParsedFeed } from '../../domain/wire-item.ts';

function parse(body: string): ParsedFeed {
  const out = parseFeed(Buffer.from(body));
  if (out.kind !== 'ok') throw new Error(out.error);
  return out.feed;
}

/** The documented URLs, written out: a route that moves must fail here. */
const FORMATS = [
  { name: 'RSS', file: 'rss.xml', type: 'application/rss+xml', format: 'rss' },
  { name: 'Atom', file: 'atom.xml', type: 'application/atom+xml', format: 'atom' },
  { name: 'JSON Feed', file: 'feed.json', type: 'application/feed+json', format: 'jsonfeed' },
] as const satisfies readonly { name: string; file: string; type: string; format: FeedFormat }[];

const FULL = testConfig({ WIREDESK_FEED_FULL_CONTENT: '1' });

describe.each(testEngines())('feeds out on %s', (engine) => {
  describe.each(FORMATS)('$name', ({ file, type, format }) => {
    let w: WebHarness | undefined;
    const start = async (config = testConfig()) => (w = await startWeb(engine, config));
    afterEach(async () => {
      await w?.close();
      w = undefined;
    });

    it('with full content, the site feed reads back through our own parser: ids, titles, links, dates, body, image', async () => {
      const web = await start(FULL);
      const tricky = storyRow(2, {
        headline: 'Tom & Jerry “quotes” ]]> end — 5 < 6',
        summary: 'A summary with <b>markup-looking</b> text & ampersands — and ünïcödé.',
        body_html: '<p>First &amp; <strong>bold</strong> paragraph with ]]&gt; inside.</p>\n<p>Second, with a <a href="https://x.example/a?b=1&amp;c=2" rel="noopener noreferrer">link</a>.</p>',
        sector: 'health',
        image_url: 'https://img.example/a.jpg',
        image_caption: 'Doctors & nurses',
        updated_at: new Date(Date.UTC(2023, 3, 17, 5, 0)).toISOString(),
      });
      const [id1, id2] = await web.insert(storyRow(1, { image_url: 'https://img.example/no-extension' }), tricky);
      const res = await web.get(`/${file}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
      const feed = parse(res.body);
      expect(feed).toMatchObject({ format, title: 'Devdiscourse', link: 'https://news.example/', language: 'en' });
      expect(feed.items.map((i) => [i.guid, i.link])).toEqual([
        [`https://news.example/article/${id2}`, `https://news.example/article/health/${id2}-headline-number-2`],
        [`https://news.example/article/${id1}`, `https://news.example/article/politics/${id1}-headline-number-1`],
      ]);
      const [item, plain] = [feed.items[0]!, feed.items[1]!];
      expect(item.title).toBe(tricky.headline);
      expect(item.summary).toBe(tricky.summary);
      expect(item.bodyHtml).toBe(tricky.body_html);
      expect(item.published).toBe(tricky.created_at);
      expect(item.updated).toBe(tricky.updated_at);
      expect(item.categories).toEqual(['Health']);
      expect(item.author).toBe('PTI');
      expect(item.image?.url).toBe('https://img.example/a.jpg');
      expect(plain.image?.url).toBe('https://img.example/no-extension');
      if (format !== 'jsonfeed') {
        // JSON Feed's `image` has neither type nor caption.
        expect(item.image).toMatchObject({ type: 'image/jpeg', caption: 'Doctors & nurses' });
        expect(plain.image?.type).toBeUndefined();
      }
    });

    it('by default carries the summary and the link, never the body', async () => {
      const web = await start();
      await web.insert(storyRow(1, { body_html: '<p>Licensed body text that must stay on the site.</p>' }));
      const res = await web.get(`/${file}`);
      expect(res.body).not.toContain('Licensed body text');
      const item = parse(res.body).items[0]!;
      expect(item.bodyHtml).toBeUndefined();
      expect(item.summary).toBe(storyRow(1).summary);
      expect(item.link).toMatch(/\/article\/politics\/\d+-headline-number-1$/);
      // JSON Feed 1.1 wants content in every item: the summary, as text.
      expect(item.bodyText).toBe(format === 'jsonfeed' ? storyRow(1).summary : undefined);
    });

    it('a hostile headline and body come out well-formed and safe', async () => {
      const web = await start(FULL);
      await web.insert(
        storyRow(1, {
          headline: 'Markets <3 & "rates" ]]> 5 < 6\u0001 — done',
          body_html: '<p>Fine.</p><script>alert("x")</script><p><img src="https://img.example/p.png" onerror="alert(1)"><a href="javascript:alert(2)">click</a></p>',
        }),
      );
      const res = await web.get(`/${file}`);
      if (format === 'jsonfeed') expect(res.body).not.toContain('<');
      else expect(await xmlErrors([res.body])).toEqual([]);
      const item = parse(res.body).items[0]!;
      expect(item.title).toBe('Markets <3 & "rates" ]]> 5 < 6 — done');
      expect(item.bodyHtml).toContain('<p>Fine.</p>');
      expect(item.bodyHtml).not.toMatch(/<script|alert|onerror|javascript:/i);
    });

    it('sector and source feeds list only their stories; unknown ones are 404', async () => {
      const web = await start();
      await web.insert(
        storyRow(1, { sector: 'health' }),
        storyRow(2, { sector: 'sports', agency: 'UN News' }),
        storyRow(3, { sector: 'health', agency: 'UN News' }),
      );
      const sector = parse((await web.get(`/news/health/${file}`)).body);
      expect(sector.title).toBe('Devdiscourse: Health');
      expect(sector.link).toBe('https://news.example/news/health');
      expect(sector.items.map((i) => i.title)).toEqual(['Headline number 3', 'Headline number 1']);
      const source = parse((await web.get(`/source/un-news/${file}`)).body);
      expect(source.title).toBe('Devdiscourse: UN News stories');
      expect(source.link).toBe('https://news.example/source/un-news');
      expect(source.items.map((i) => [i.title, i.author])).toEqual([
        ['Headline number 3', 'UN News'],
        ['Headline number 2', 'UN News'],
      ]);
      expect((await web.get(`/news/astrology/${file}`)).statusCode).toBe(404);
      expect((await web.get(`/source/nobody/${file}`)).statusCode).toBe(404);
    });

    it('a corrected story carries the Correction category', async () => {
      const web = await start();
      await web.insert(storyRow(1), storyRow(2, { corrected_at: '2023-04-17T01:00:00.000Z' }));
      expect(parse((await web.get(`/${file}`)).body).items.map((i) => [i.title, i.categories])).toEqual([
        ['Headline number 2', ['Politics', 'Correction']],
        ['Headline number 1', ['Politics']],
      ]);
    });

    it('a killed story leaves the site, sector and source feeds at once, and the old ETag no longer matches', async () => {
      const web = await start();
      const [, id2] = await web.insert(storyRow(1, { sector: 'health' }), storyRow(2, { sector: 'health' }));
      const paths = [`/${file}`, `/news/health/${file}`, `/source/pti/${file}`];
      const before = await Promise.all(paths.map((p) => web.get(p)));
      for (const res of before) expect(parse(res.body).items.map((i) => i.title)).toEqual(['Headline number 2', 'Headline number 1']);
      await updateStory(web.t.store.db, id2!, { status: 'killed' });
      web.app.invalidateCaches();
      for (const [i, path] of paths.entries()) {
        const res = await web.get(path, { 'if-none-match': String(before[i]!.headers.etag) });
        expect(res.statusCode).toBe(200);
        expect(parse(res.body).items.map((item) => item.title)).toEqual(['Headline number 1']);
      }
    });

    it('is cached like a page: ETag and 304, Cache-Control, surrogate keys per scope', async () => {
      const web = await start();
      await web.insert(storyRow(1, { sector: 'health' }));
      for (const [path, keys] of [
        [`/${file}`, 'site feed'],
        [`/news/health/${file}`, 'site feed sector-health'],
        [`/source/pti/${file}`, 'site feed source-pti'],
      ] as const) {
        const res = await web.get(path);
        expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
        expect(res.headers.xkey).toBe(keys);
        const etag = String(res.headers.etag);
        expect(etag).toMatch(/^W\/"/);
        const again = await web.get(path, { 'if-none-match': etag });
        expect(again.statusCode).toBe(304);
        expect(again.body).toBe('');
      }
    });

    it('with WIREDESK_WEBSUB_HUB, names the hub and itself in the document and in a Link header', async () => {
      const web = await start(testConfig({ WIREDESK_WEBSUB_HUB: 'https://hub.example/' }));
      await web.insert(storyRow(1, { sector: 'health' }));
      for (const path of [`/${file}`, `/news/health/${file}`, `/source/pti/${file}`]) {
        const self = `https://news.example${path}`;
        const res = await web.get(path);
        expect(res.headers.link).toBe(`<https://hub.example/>; rel="hub", <${self}>; rel="self"`);
        if (format === 'jsonfeed') {
          // Our parser does not read JSON Feed hubs; the document itself is checked.
          expect(JSON.parse(res.body)).toMatchObject({ feed_url: self, hubs: [{ type: 'WebSub', url: 'https://hub.example/' }] });
        } else {
          expect(parse(res.body).websub).toEqual({ hubs: ['https://hub.example/'], self });
        }
      }
    });

    it('without it, advertises no hub', async () => {
      const web = await start();
      const res = await web.get(`/${file}`);
      expect(res.headers.link).toBeUndefined();
      if (format === 'jsonfeed') expect(JSON.parse(res.body)).not.toHaveProperty('hubs');
      else expect(parse(res.body).websub).toBeUndefined();
    });
  });

  describe('discovery', () => {
    let w: WebHarness;
    beforeEach(async () => {
      w = await startWeb(engine);
      await w.insert(storyRow(1, { sector: 'health', agency: 'UN News' }));
    });
    afterEach(async () => {
      await w.close();
    });

    const links = (html: string) => [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1], m[2], m[3]]);
    const site = [
      ['application/rss+xml', 'Devdiscourse: all news', '/rss.xml'],
      ['application/atom+xml', 'Devdiscourse: all news (Atom)', '/atom.xml'],
      ['application/feed+json', 'Devdiscourse: all news (JSON Feed)', '/feed.json'],
    ];

    it.each([
      ['/', site],
      ['/latest', site],
      [
        '/news/health',
        [
          ['application/rss+xml', 'Devdiscourse: Health', '/news/health/rss.xml'],
          ['application/atom+xml', 'Devdiscourse: Health (Atom)', '/news/health/atom.xml'],
          ['application/feed+json', 'Devdiscourse: Health (JSON Feed)', '/news/health/feed.json'],
          ...site,
        ],
      ],
      [
        '/source/un-news',
        [
          ['application/rss+xml', 'Devdiscourse: UN News stories', '/source/un-news/rss.xml'],
          ['application/atom+xml', 'Devdiscourse: UN News stories (Atom)', '/source/un-news/atom.xml'],
          ['application/feed+json', 'Devdiscourse: UN News stories (JSON Feed)', '/source/un-news/feed.json'],
          ...site,
        ],
      ],
      ['/no-such-page', site],
    ])('%s advertises its feeds, and each answers with its own type', async (path, expected) => {
      const found = links((await w.get(path)).body);
      expect(found).toEqual(expected);
      for (const [type, , href] of found) {
        const res = await w.get(href!);
        expect([res.statusCode, res.headers['content-type']]).toEqual([200, `${type}; charset=utf-8`]);
      }
    });
  });
});
