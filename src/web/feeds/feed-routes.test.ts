import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWeb, storyRow, testConfig, type WebHarness } from '../testing/web-fixtures.ts';
import { testEngines } from '../../store/testing/test-stores.ts';
import { parseFeed } from '../../ingest/parse/index.ts';
import type { ParsedFeed } from '../../domain/wire-item.ts';

function parse(body: string): ParsedFeed {
  const out = parseFeed(Buffer.from(body));
  if (out.kind !== 'ok') throw new Error(out.error);
  return out.feed;
}

describe.each(testEngines())('RSS out on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
  });
  afterEach(async () => {
    await w.close();
  });

  it('the site feed reads back identically through our own parser', async () => {
    const tricky = storyRow(2, {
      headline: 'Tom & Jerry “quotes” ]]> end — 5 < 6',
      summary: 'A summary with <b>markup-looking</b> text & ampersands — and ünïcödé.',
      body_html: '<p>First &amp; <strong>bold</strong> paragraph with ]]&gt; inside.</p>\n<p>Second, with a <a href="https://x.example/a?b=1&amp;c=2" rel="noopener noreferrer">link</a>.</p>',
      sector: 'health',
      image_url: 'https://img.example/a.jpg',
      updated_at: new Date(Date.UTC(2023, 3, 17, 5, 0)).toISOString(),
    });
    const [id1, id2] = await w.insert(storyRow(1), tricky);
    const res = await w.get('/rss.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const feed = parse(res.body);
    expect(feed).toMatchObject({ format: 'rss', title: 'Devdiscourse', link: 'https://news.example/', language: 'en' });
    expect(feed.items.map((i) => i.link)).toEqual([
      `https://news.example/article/health/${id2}-headline-number-2`,
      `https://news.example/article/politics/${id1}-headline-number-1`,
    ]);
    const item = feed.items[0]!;
    expect(item.title).toBe(tricky.headline);
    expect(item.summary).toBe(tricky.summary);
    expect(item.bodyHtml).toBe(tricky.body_html);
    expect(item.published).toBe(tricky.created_at);
    expect(item.guid).toBe(item.link);
    expect(item.categories).toEqual(['Health']);
    expect(item.image?.url).toBe('https://img.example/a.jpg');
    expect(item.author).toBe('PTI');
  });

  it('a sector feed lists only that sector; an unknown sector is 404', async () => {
    await w.insert(storyRow(1, { sector: 'health' }), storyRow(2, { sector: 'sports' }), storyRow(3, { sector: 'health' }));
    const feed = parse((await w.get('/news/health/rss.xml')).body);
    expect(feed.title).toBe('Devdiscourse: Health');
    expect(feed.items.map((i) => i.title)).toEqual(['Headline number 3', 'Headline number 1']);
    expect((await w.get('/news/astrology/rss.xml')).statusCode).toBe(404);
  });

  it('a corrected story is marked as a correction in the feed', async () => {
    await w.insert(storyRow(1), storyRow(2, { corrected_at: '2023-04-17T01:00:00.000Z' }));
    const items = parse((await w.get('/rss.xml')).body).items;
    expect(items.map((i) => [i.title, i.categories])).toEqual([
      ['Headline number 2', ['Politics', 'Correction']],
      ['Headline number 1', ['Politics']],
    ]);
  });

  it('killed stories never appear in a feed', async () => {
    await w.insert(storyRow(1), storyRow(2, { status: 'killed' }));
    expect(parse((await w.get('/rss.xml')).body).items.map((i) => i.title)).toEqual(['Headline number 1']);
  });
});

describe.each(testEngines())('WebSub discovery in our feeds on %s', (engine) => {
  it('with WIREDESK_WEBSUB_HUB, each feed names the hub and itself in the XML and in a Link header', async () => {
    const w = await startWeb(engine, testConfig({ WIREDESK_WEBSUB_HUB: 'https://hub.example/' }));
    try {
      await w.insert(storyRow(1, { sector: 'health' }));
      for (const [path, self] of [['/rss.xml', 'https://news.example/rss.xml'], ['/news/health/rss.xml', 'https://news.example/news/health/rss.xml']] as const) {
        const res = await w.get(path);
        expect(res.headers.link).toBe(`<https://hub.example/>; rel="hub", <${self}>; rel="self"`);
        // Read back through our own parser, as a subscriber would discover it.
        expect(parse(res.body).websub).toEqual({ hubs: ['https://hub.example/'], self });
      }
    } finally {
      await w.close();
    }
  });

  it('without it, no hub is advertised', async () => {
    const w = await startWeb(engine);
    try {
      const res = await w.get('/rss.xml');
      expect(res.headers.link).toBeUndefined();
      expect(res.body).toContain('rel="self"');
      expect(parse(res.body).websub).toBeUndefined();
    } finally {
      await w.close();
    }
  });
});
