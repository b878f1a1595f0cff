import { describe, expect, it } from 'vitest';
import type { ParsedFeed, WireItem } from '../../../domain/wire-item.ts';
import { parseRss } from './rss-parser.ts';

const NS = [
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:media="http://search.yahoo.com/mrss/"',
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"',
].join(' ');

function rss(items: string, channelExtra = '<link>https://example.com/section/</link>'): string {
  return `<?xml version="1.0"?><rss version="2.0" ${NS}><channel><title>T</title>${channelExtra}${items}</channel></rss>`;
}

function feedOf(xml: string): ParsedFeed {
  const outcome = parseRss(xml, 'rss');
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed;
}

function itemOf(itemXml: string, channelExtra?: string): WireItem {
  const item = feedOf(rss(`<item>${itemXml}</item>`, channelExtra)).items[0];
  if (!item) throw new Error('no item');
  return item;
}

describe('parseRss: links and guids', () => {
  it.each([
    ['uses <link>', '<title>x</title><link>https://example.com/a</link><guid>https://example.com/g</guid>', 'https://example.com/a'],
    ['falls back to a permalink guid', '<title>x</title><guid>https://example.com/g</guid>', 'https://example.com/g'],
    ['ignores a guid marked isPermaLink="false"', '<title>x</title><guid isPermaLink="false">https://example.com/g</guid>', undefined],
    ['ignores a "permalink" guid that is not a URL', '<title>x</title><guid>12345</guid>', undefined],
    ['resolves a relative link against the channel link', '<title>x</title><link>../story/9</link>', 'https://example.com/story/9'],
    ['ignores attributes on <link>', '<title>x</title><link rel="x">a</link>', 'https://example.com/section/a'],
    ['drops javascript: links', '<title>x</title><link>javascript:alert(1)</link>', undefined],
  ])('%s', (_name, xml, link) => {
    expect(itemOf(xml).link).toBe(link);
  });

  it('resolves against the item xml:base before the channel link', () => {
    const feed = feedOf(rss('<item xml:base="https://mirror.example/dir/"><title>x</title><link>a</link></item>'));
    expect(feed.items[0]?.link).toBe('https://mirror.example/dir/a');
  });

  it('resolves against the atom:link self URL when the channel link is relative', () => {
    const channel = '<link>/</link><atom:link rel="self" href="https://news.example.org/feeds/top.xml"/>';
    expect(itemOf('<title>x</title><link>/a/1</link>', channel).link).toBe('https://news.example.org/a/1');
  });

  it('keeps the guid text as given', () => {
    expect(itemOf('<title>x</title><guid isPermaLink="false"> urn:x:1 </guid>').guid).toBe('urn:x:1');
  });
});

describe('parseRss: text fields', () => {
  it('decodes HTML entities that XML does not define (&nbsp; &eacute;) in text', () => {
    expect(itemOf('<title>Caf&eacute;&nbsp;society &#8211; &#x2014; AT&amp;T</title>').title).toBe('Café society – — AT&T');
  });

  it('strips markup from CDATA titles and collapses whitespace', () => {
    expect(itemOf('<title>\n  <![CDATA[ <em>Breaking</em>:   quake ]]>\n</title>').title).toBe('Breaking : quake');
  });

  it('keeps description and content:encoded as HTML, untouched', () => {
    const item = itemOf('<title>x</title><description>&lt;p&gt;a&amp;nbsp;b&lt;/p&gt;</description><content:encoded><![CDATA[<p onclick="x()">c</p>]]></content:encoded>');
    expect(item.summary).toBe('<p>a&nbsp;b</p>');
    expect(item.bodyHtml).toBe('<p onclick="x()">c</p>');
  });

  it('treats an empty content:encoded as absent', () => {
    expect(itemOf('<title>x</title><content:encoded></content:encoded>').bodyHtml).toBeUndefined();
  });
});

describe('parseRss: authors, dates, categories, language, agency', () => {
  it.each([
    ['dc:creator', '<dc:creator>Ana Reporter</dc:creator><author>x@example.com</author>', 'Ana Reporter'],
    ['several dc:creator', '<dc:creator>Ana</dc:creator><dc:creator>Ben</dc:creator>', 'Ana, Ben'],
    ['RSS author with a name', '<author>ana@example.com (Ana Reporter)</author>', 'Ana Reporter'],
    ['RSS author e-mail only', '<author>ana@example.com</author>', 'ana@example.com'],
    ['<author> element with <name> and <title>', '<author><name>Diane</name><title>Product Manager</title></author>', 'Diane'],
    ['itunes:author', '<itunes:author>Pod People</itunes:author>', 'Pod People'],
  ])('author from %s', (_name, xml, author) => {
    expect(itemOf(`<title>x</title>${xml}`).author).toBe(author);
  });

  it('reads pubDate, falls back to dc:date, ignores junk', () => {
    expect(itemOf('<title>x</title><pubDate>Tue, 15 Nov 2022 20:15:04 Z</pubDate>').published).toBe('2022-11-15T20:15:04.000Z');
    expect(itemOf('<title>x</title><dc:date>2023-01-03T15:00:00Z</dc:date>').published).toBe('2023-01-03T15:00:00.000Z');
    expect(itemOf('<title>x</title><pubDate>yesterday-ish</pubDate>').published).toBeUndefined();
  });

  it('collects category and dc:subject, de-duplicated', () => {
    const item = itemOf('<title>x</title><category domain="d">World</category><category>Europe</category><dc:subject>World</dc:subject><category> </category>');
    expect(item.categories).toEqual(['World', 'Europe']);
  });

  it('inherits the channel language, prefers the item dc:language', () => {
    expect(itemOf('<title>x</title>', '<language>de-DE</language>').language).toBe('de-DE');
    expect(itemOf('<title>x</title><dc:language>fr</dc:language>', '<language>de-DE</language>').language).toBe('fr');
  });

  it('records an agency only when <source> clearly names one', () => {
    expect(itemOf('<title>x</title><source url="https://reuters.com/rss">Reuters</source>').agency).toBe('Reuters');
    expect(itemOf('<title>x</title><dc:source>The Associated Press</dc:source>').agency).toBe('The Associated Press');
    expect(itemOf('<title>x</title><source url="https://blog.example">My Blog</source>').agency).toBeUndefined();
  });
});

describe('parseRss: images', () => {
  it.each([
    ['media:content medium=image', '<media:content url="https://e.com/a.jpg" medium="image" width="640" height="480"><media:description>A caption</media:description></media:content>',
      { url: 'https://e.com/a.jpg', width: 640, height: 480, caption: 'A caption' }],
    ['media:content image type', '<media:content url="https://e.com/v.mp4" type="video/mp4"/><media:content url="https://e.com/b.png" type="image/png"/>', { url: 'https://e.com/b.png', type: 'image/png' }],
    ['media:content with an image extension and no type', '<media:content url="https://e.com/c.webp"/>', { url: 'https://e.com/c.webp' }],
    ['media:group', '<media:group><media:content url="https://e.com/g.jpg" medium="image"/></media:group>', { url: 'https://e.com/g.jpg' }],
    ['media:thumbnail', '<media:thumbnail url="https://e.com/t.jpg" width="120"/>', { url: 'https://e.com/t.jpg', width: 120 }],
    ['image enclosure', '<enclosure url="https://e.com/e.jpg" type="image/jpeg" length="1"/>', { url: 'https://e.com/e.jpg', type: 'image/jpeg' }],
    ['relative enclosure', '<enclosure url="/e.jpg" type="image/jpeg"/>', { url: 'https://example.com/e.jpg' }],
    ['itunes:image as a last resort', '<itunes:image href="https://e.com/art.jpg"/>', { url: 'https://e.com/art.jpg' }],
  ])('from %s', (_name, xml, image) => {
    expect(itemOf(`<title>x</title>${xml}`).image).toMatchObject(image);
  });

  it('ignores audio enclosures', () => {
    expect(itemOf('<title>x</title><enclosure url="https://e.com/a.mp3" type="audio/mpeg"/>').image).toBeUndefined();
  });
});

describe('parseRss: document shapes', () => {
  it('reads RSS 0.91 with a DOCTYPE', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>http://old.example/</link><item><title>One</title><link>http://old.example/1</link></item></channel></rss>`;
    expect(feedOf(xml).items.map((i) => i.link)).toEqual(['http://old.example/1']);
  });

  it('tolerates whitespace before the XML declaration', () => {
    expect(feedOf(`\n\n   ${rss('<item><title>x</title></item>')}`).items).toHaveLength(1);
  });

  it('renames a content namespace bound to an unusual prefix', () => {
    const xml = '<rss version="2.0" xmlns:c="http://purl.org/rss/1.0/modules/content/"><channel><item><title>x</title><c:encoded>&lt;p&gt;b&lt;/p&gt;</c:encoded></item></channel></rss>';
    expect(feedOf(xml).items[0]?.bodyHtml).toBe('<p>b</p>');
  });

  it('reads undeclared rss:-prefixed elements', () => {
    const xml = '<rss><rss:channel><rss:title>T</rss:title><rss:item><rss:title>Entry</rss:title><rss:link>https://e.com/1</rss:link></rss:item></rss:channel></rss>';
    const feed = feedOf(xml);
    expect(feed.title).toBe('T');
    expect(feed.items.map((i) => [i.title, i.link])).toEqual([['Entry', 'https://e.com/1']]);
  });

  it('reads RDF items that sit beside the channel', () => {
    const xml = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item rdf:about="https://e.com/1"><title>One</title><link>https://e.com/1</link></item></rdf:RDF>';
    const outcome = parseRss(xml, 'rdf');
    expect(outcome.kind === 'ok' && outcome.feed.items.map((i) => [i.guid, i.title])).toEqual([['https://e.com/1', 'One']]);
  });

  it('keeps items after an item with an unclosed element', () => {
    const feed = feedOf(rss('<item><title>One</title><image><url>u</url></item><item><title>Two</title></item>'));
    expect(feed.items.map((i) => i.title)).toEqual(['One', 'Two']);
  });

  it('fails malformed XML with the stage and a line number', () => {
    const outcome = parseRss('<rss>\n<channel>\n<item><title a="1>x</title></item></channel></rss>', 'rss');
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(outcome.kind === 'failed' && outcome.error).toBe('parse/rss: malformed XML at line 3: start tag <title> is not closed');
  });

  it('fails a document cut off before the root closes', () => {
    expect(parseRss(rss('<item><title>x</title></item>').replace('</channel></rss>', ''), 'rss')).toEqual({
      kind: 'failed',
      error: 'parse/rss: truncated XML (root element <rss> is never closed)',
    });
  });
});

describe('parseRss: WebSub discovery', () => {
  it.each([
    ['atom:link', '<atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/><atom:link rel="self" href="https://example.com/rss"/>', { hubs: ['https://pubsubhubbub.appspot.com/'], self: 'https://example.com/rss' }],
    ['bare <link rel="hub">, two hubs, no self', '<link rel="hub" href="https://a.example/hub"/><atom:link rel="hub" href="https://b.example/hub"/>', { hubs: ['https://b.example/hub', 'https://a.example/hub'] }],
    ['no hub', '<atom:link rel="self" href="https://example.com/rss"/>', undefined],
  ])('%s', (_name, channelExtra, websub) => {
    expect(feedOf(rss('<item><title>x</title></item>', `<link>https://example.com/</link>${channelExtra}`)).websub).toEqual(websub);
  });

  it('keeps the channel link when a hub link sits beside it', () => {
    const feed = feedOf(rss('<item><title>x</title></item>', '<link>https://example.com/</link><link rel="hub" href="https://a.example/hub"/>'));
    expect(feed.link).toBe('https://example.com/');
  });
});
