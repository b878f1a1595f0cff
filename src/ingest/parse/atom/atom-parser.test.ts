import { describe, expect, it } from 'vitest';
import type { ParsedFeed, WireItem } from '../../../domain/wire-item.ts';
import { parseAtom } from './atom-parser.ts';

const HEAD = '<title>Feed</title><link href="https://example.com/"/><id>urn:f</id><author><name>Desk</name></author>';

function atom(entries: string, head = HEAD, attrs = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"${attrs}>${head}${entries}</feed>`;
}

function feedOf(xml: string): ParsedFeed {
  const outcome = parseAtom(xml);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed;
}

function entryOf(entryXml: string, head?: string, attrs?: string): WireItem {
  const item = feedOf(atom(`<entry><id>urn:e</id>${entryXml}</entry>`, head, attrs)).items[0];
  if (!item) throw new Error('no entry');
  return item;
}

describe('parseAtom: content', () => {
  it('serializes xhtml content without its wrapping div, order of text and tags kept', () => {
    const item = entryOf('<title>x</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hello <b>bold</b> &amp; <a href="/x">link</a>!</div></content>');
    expect(item.bodyHtml).toBe('Hello <b>bold</b> &amp; <a href="/x">link</a>!');
  });

  it('drops the xhtml: prefix of a prefixed wrapper', () => {
    const item = entryOf('<title>x</title><content type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>Hi</xhtml:p></xhtml:div></content>');
    expect(item.bodyHtml).toBe('<p>Hi</p>');
  });

  it.each([
    ['html (escaped)', '<content type="html">&lt;p&gt;a&lt;/p&gt;</content>', { bodyHtml: '<p>a</p>', bodyText: undefined }],
    ['html (CDATA)', '<content type="html"><![CDATA[<p>a</p>]]></content>', { bodyHtml: '<p>a</p>' }],
    ['text', '<content type="text">a &lt; b</content>', { bodyHtml: undefined, bodyText: 'a < b' }],
    ['no type (text)', '<content>plain</content>', { bodyText: 'plain' }],
    ['out-of-line (src)', '<content type="text/html" src="https://e.com/x"/>', { bodyHtml: undefined, bodyText: undefined }],
  ])('reads %s content', (_name, xml, expected) => {
    expect(entryOf(`<title>x</title>${xml}`)).toMatchObject(expected);
  });

  it('reads summary of any type as the summary', () => {
    expect(entryOf('<title>x</title><summary type="html">&lt;i&gt;s&lt;/i&gt;</summary>').summary).toBe('<i>s</i>');
    expect(entryOf('<title>x</title><summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><i>s</i></div></summary>').summary).toBe('<i>s</i>');
  });

  it('strips markup from html and xhtml titles', () => {
    expect(entryOf('<title type="html">A &lt;em&gt;b&lt;/em&gt;</title>').title).toBe('A b');
    expect(entryOf('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <em>b</em> &amp; c</div></title>').title).toBe('A b & c');
  });
});

describe('parseAtom: links', () => {
  it.each([
    ['rel=alternate over self and enclosure', '<link rel="self" href="https://e.com/self"/><link rel="enclosure" href="https://e.com/a.mp3"/><link rel="alternate" href="https://e.com/page"/>', 'https://e.com/page'],
    ['a link without rel (alternate by default)', '<link rel="replies" href="https://e.com/c"/><link href="https://e.com/page"/>', 'https://e.com/page'],
    ['the HTML alternate over others', '<link rel="alternate" type="application/pdf" href="https://e.com/p.pdf"/><link rel="alternate" type="text/html" href="https://e.com/p.html"/>', 'https://e.com/p.html'],
    ['no alternate at all', '<link rel="edit" href="https://e.com/edit"/>', undefined],
  ])('picks %s', (_name, xml, link) => {
    expect(entryOf(`<title>x</title>${xml}`).link).toBe(link);
  });

  it('resolves relative links against entry xml:base, then feed xml:base', () => {
    const item = feedOf(atom('<entry xml:base="posts/"><id>e</id><title>x</title><link href="1.html"/></entry>', HEAD, ' xml:base="https://e.com/blog/"')).items[0];
    expect(item?.link).toBe('https://e.com/blog/posts/1.html');
  });

  it('resolves relative links against the feed self link when there is no xml:base', () => {
    const head = '<title>F</title><link href="/blog/"/><link rel="self" href="https://example.com/blog/feed.xml"/>';
    const feed = feedOf(atom('<entry><id>e</id><title>x</title><link href="/blog/2003/12/13/atom03"/></entry>', head));
    expect(feed.link).toBe('https://example.com/blog/');
    expect(feed.items[0]?.link).toBe('https://example.com/blog/2003/12/13/atom03');
  });
});

describe('parseAtom: people, dates, categories, images', () => {
  it('takes entry authors, else inherits the feed author (RFC 4287 §4.2.1)', () => {
    expect(entryOf('<title>x</title><author><name>Ana</name></author><author><name>Ben</name></author>').author).toBe('Ana, Ben');
    expect(entryOf('<title>x</title>').author).toBe('Desk');
  });

  it('reads published and updated, Atom 0.3 issued/modified as fallbacks', () => {
    expect(entryOf('<title>x</title><published>2024-01-02T03:04:05.678+01:00</published><updated>2024-01-03T00:00:00Z</updated>')).toMatchObject({
      published: '2024-01-02T02:04:05.678Z',
      updated: '2024-01-03T00:00:00.000Z',
    });
    expect(entryOf('<title>x</title><issued>2004-01-02T00:00:00Z</issued><modified>2004-01-03T00:00:00Z</modified>')).toMatchObject({
      published: '2004-01-02T00:00:00.000Z',
      updated: '2004-01-03T00:00:00.000Z',
    });
  });

  it('prefers category label over term', () => {
    expect(entryOf('<title>x</title><category term="pol" label="Politics"/><category term="World"/>').categories).toEqual(['Politics', 'World']);
  });

  it('finds images in media:thumbnail and enclosure links', () => {
    expect(entryOf('<title>x</title><media:group><media:thumbnail url="https://i.ytimg.com/vi/x/hq.jpg" width="480" height="360"/></media:group>').image).toMatchObject({
      url: 'https://i.ytimg.com/vi/x/hq.jpg', width: 480, height: 360,
    });
    expect(entryOf('<title>x</title><link rel="enclosure" type="image/png" href="https://e.com/i.png"/>').image).toMatchObject({ url: 'https://e.com/i.png' });
  });

  it('uses xml:lang of the entry, else of the feed', () => {
    expect(entryOf('<title>x</title>', HEAD, ' xml:lang="de"').language).toBe('de');
    expect(feedOf(atom('<entry xml:lang="fr"><id>e</id><title>x</title></entry>', HEAD, ' xml:lang="de"')).items[0]?.language).toBe('fr');
  });
});

describe('parseAtom: document shapes', () => {
  it('reads an Atom entry document as a feed of one', () => {
    const feed = feedOf('<entry xmlns="http://www.w3.org/2005/Atom"><id>urn:1</id><title>Solo</title></entry>');
    expect(feed.items.map((i) => [i.guid, i.title])).toEqual([['urn:1', 'Solo']]);
  });

  it('reads a feed whose Atom namespace is bound to a prefix', () => {
    const feed = feedOf('<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title><a:entry><a:id>1</a:id><a:title>E</a:title><a:link href="https://e.com/1"/></a:entry></a:feed>');
    expect(feed.title).toBe('P');
    expect(feed.items.map((i) => [i.title, i.link])).toEqual([['E', 'https://e.com/1']]);
  });

  it('rejects an entry with nothing to show', () => {
    expect(feedOf(atom('<entry><id>only-id</id></entry><entry><id>2</id><title>ok</title></entry>')).rejected).toEqual([
      { index: 0, reason: 'item has no title, content or link' },
    ]);
  });
});

describe('parseAtom: WebSub discovery', () => {
  it('surfaces the hubs (relative ones resolved against self) and the self URL', () => {
    const head = `${HEAD}<link rel="hub" href="https://hub.example/"/><link rel="self" href="https://example.com/feed.atom"/><link rel="hub" href="/local-hub"/>`;
    expect(feedOf(atom('', head)).websub).toEqual({ hubs: ['https://hub.example/', 'https://example.com/local-hub'], self: 'https://example.com/feed.atom' });
  });

  it('has no websub without a usable hub', () => {
    expect(feedOf(atom('', `${HEAD}<link rel="self" href="https://example.com/feed.atom"/>`)).websub).toBeUndefined();
    expect(feedOf(atom('', `${HEAD}<link rel="hub" href="javascript:alert(1)"/>`)).websub).toBeUndefined();
  });
});
