// One contract for the three writers: each format's required elements, and any text at
// all in a story comes out well-formed and reads back through our own parser.
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../domain/story.ts';
import { parseFeed } from '../../ingest/parse/index.ts';
import { toPlainText } from '../../ingest/parse/feed-text.ts';
import { testConfig } from '../testing/web-fixtures.ts';
import { xmlErrors } from '../testing/xml-well-formed.ts';
import { ATOM_NS, renderAtom } from './atom-writer.ts';
import { createBodyCleaner, feedText, imageType, toFeedEntry, type FeedChannel, type FeedEntry } from './feed-entry.ts';
import { JSON_FEED_VERSION, renderJsonFeed } from './json-feed-writer.ts';
import { renderRss } from './rss-writer.ts';

const SITE = testConfig().site;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

const CHANNEL: FeedChannel = {
  title: 'Devdiscourse',
  link: 'https://news.example/',
  selfUrl: 'https://news.example/atom.xml',
  description: 'The latest news',
  language: 'en',
  author: 'Devdiscourse',
  updatedAt: '2023-04-17T05:00:00.000Z',
  hubs: ['https://hub.example/'],
};

function story(over: Partial<Story> = {}): Story {
  return {
    id: 7, identity: 'guid:7', kind: 'wire', status: 'published', sourceId: null,
    headline: 'Headline', summary: 'Summary.', bodyHtml: '<p>Body.</p>', slug: 'headline', sector: 'health',
    agency: 'PTI', datelineCity: null, author: null, link: null, imageUrl: 'https://img.example/a.png', imageCaption: null,
    language: 'en', categories: [], createdAt: '2023-04-16T18:31:00.000Z', updatedAt: '2023-04-17T05:00:00.000Z',
    contentHash: 'h', version: null, correctedAt: null, embargoUntil: null,
    ...over,
  };
}

const ENTRIES: FeedEntry[] = [
  toFeedEntry(SITE, story(), { fullContent: true }),
  toFeedEntry(SITE, story({ id: 8, agency: null, imageUrl: null, correctedAt: '2023-04-17T06:00:00.000Z' }), { fullContent: false }),
];

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'item', 'link', 'category'].includes(name) });

describe('feed writers', () => {
  it('Atom has its namespace and every required element of feed and entries (RFC 4287)', async () => {
    const out = renderAtom(CHANNEL, ENTRIES);
    expect(await xmlErrors([out])).toEqual([]);
    const feed = xml.parse(out).feed;
    expect(feed['@xmlns']).toBe(ATOM_NS);
    expect(feed.id).toBe(CHANNEL.selfUrl);
    expect(feed.title['#text']).toBe('Devdiscourse');
    expect(feed.updated).toBe('2023-04-17T05:00:00.000Z');
    expect(feed.author.name).toBe('Devdiscourse');
    expect(feed.link.map((l: Record<string, string>) => [l['@rel'], l['@href']])).toEqual([
      ['alternate', 'https://news.example/'],
      ['self', 'https://news.example/atom.xml'],
      ['hub', 'https://hub.example/'],
    ]);
    expect(feed.entry).toHaveLength(2);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^https:\/\/news\.example\/article\/\d+$/);
      expect(entry.title['#text']).toMatch(/^Headline$/);
      expect(entry.updated).toMatch(RFC3339);
      expect(entry.published).toMatch(RFC3339);
    }
    const [full, brief] = feed.entry;
    expect(full.content).toEqual({ '@type': 'html', '#text': '<p>Body.</p>' });
    expect(full.link.find((l: Record<string, string>) => l['@rel'] === 'enclosure')).toEqual({ '@rel': 'enclosure', '@href': 'https://img.example/a.png', '@type': 'image/png' });
    expect(brief.content).toBeUndefined();
    expect(brief.category.map((c: Record<string, string>) => c['@term'])).toEqual(['Health', 'Correction']);
  });

  it('JSON Feed names its version, a title, and items with an id and content', () => {
    const feed = JSON.parse(renderJsonFeed(CHANNEL, ENTRIES));
    expect(feed.version).toBe(JSON_FEED_VERSION);
    expect(feed.title).toBe('Devdiscourse');
    expect(feed.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example/' }]);
    expect(feed.items.map((i: Record<string, unknown>) => [i.id, i.content_html, i.content_text, i.image, i.tags])).toEqual([
      ['https://news.example/article/7', '<p>Body.</p>', undefined, 'https://img.example/a.png', ['Health']],
      ['https://news.example/article/8', undefined, 'Summary.', undefined, ['Health', 'Correction']],
    ]);
    for (const item of feed.items) expect([item.date_published, item.date_modified]).toEqual([expect.stringMatching(RFC3339), expect.stringMatching(RFC3339)]);
  });

  it('RSS has channel title, link and description; enclosures carry url, length and type', async () => {
    const out = renderRss(CHANNEL, ENTRIES);
    expect(await xmlErrors([out])).toEqual([]);
    const { rss } = xml.parse(out);
    expect(rss['@version']).toBe('2.0');
    expect([rss.channel.title, rss.channel.link[0], rss.channel.description]).toEqual(['Devdiscourse', 'https://news.example/', 'The latest news']);
    const [full, brief] = rss.channel.item;
    expect(full.guid).toEqual({ '@isPermaLink': 'true', '#text': 'https://news.example/article/7' });
    expect(full.enclosure).toEqual({ '@url': 'https://img.example/a.png', '@length': '0', '@type': 'image/png' });
    expect(brief.enclosure).toBeUndefined();
    expect(full.source).toEqual({ '@url': 'https://news.example/source/pti/rss.xml', '#text': 'PTI' });
    expect(brief.source).toBeUndefined();
    expect(brief['content:encoded']).toBeUndefined();
  });

  it.each([
    ['https://img.example/a.JPG?w=600', 'image/jpeg'],
    ['https://img.example/a.webp#x', 'image/webp'],
    ['/media/b.svg', 'image/svg+xml'],
    ['https://img.example/photo', undefined],
    ['https://img.example/a.jpg/view', undefined],
  ])('the type of %s is %s', (url, type) => {
    expect(imageType(url)).toBe(type);
  });

  it('the body cleaner gives what sanitizing afresh gives, however many bodies pass through it', () => {
    const clean = createBodyCleaner(SITE, 2);
    const bodies = ['<p>a</p><script>x()</script>', '<p><a href="/rel">b</a>\u0001</p>', '<p onclick="y()">c</p>', '<p>a</p><script>x()</script>'];
    const fresh = bodies.map((bodyHtml) => toFeedEntry(SITE, story({ bodyHtml }), { fullContent: true }).bodyHtml);
    expect(fresh).toEqual(['<p>a</p>', '<p><a href="https://news.example/rel" rel="noopener noreferrer">b</a></p>', '<p>c</p>', '<p>a</p>']);
    for (let round = 0; round < 2; round++) expect(bodies.map(clean)).toEqual(fresh);
  });

  const text = fc.string({ unit: 'binary', maxLength: 40 });
  const renders = [
    ['RSS', renderRss],
    ['Atom', renderAtom],
    ['JSON Feed', renderJsonFeed],
  ] as const;

  it.each(renders)('%s: any headline, summary, author and body come out well-formed and read back', async (name, render) => {
    const docs: string[] = [];
    fc.assert(
      fc.property(text, text, text, text, (headline, summary, agency, body) => {
        const entry = toFeedEntry(SITE, story({ headline, summary, agency: agency || null, bodyHtml: body }), { fullContent: true });
        const out = render({ ...CHANNEL, title: feedText(headline) }, [entry]);
        if (name === 'JSON Feed') expect(out).not.toContain('<');
        else docs.push(out);
        const parsed = parseFeed(Buffer.from(out));
        if (parsed.kind !== 'ok') throw new Error(parsed.error);
        expect(parsed.feed.items.map((i) => [i.guid, i.title])).toEqual([['https://news.example/article/7', toPlainText(entry.title)]]);
      }),
      { numRuns: 150 },
    );
    // Our parser is lenient; libxml2 is not.
    expect(await xmlErrors(docs)).toEqual([]);
  });
});
