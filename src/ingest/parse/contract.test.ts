// The contract every feed parser passes (Hono's common-case habit): the same small story,
// written in each format, must come out the same, and broken input must fail as a value.
// Where a format cannot carry part of the story (wire text has no feed title, no HTML, no
// named categories), its case says so in `carries`, and the check asserts that the field
// stays empty instead; the other formats are held to the full story.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeedFormat, ParsedFeed, ParseOutcome } from '../../domain/wire-item.ts';
import { detectFormat, parseFeed } from './index.ts';

/** What of the contract story a format can carry. */
interface Carries {
  /** A feed title and home link (RSS channel, Atom feed); agency formats send items only. */
  readonly feedHead: boolean;
  /** A language: the feed's, or the one all its items share. */
  readonly language: boolean;
  /** A web link per item. */
  readonly links: boolean;
  /** Named categories; wire text has priority and category codes instead. */
  readonly namedCategories: boolean;
  /** An HTML body; wire text has plain text. */
  readonly html: boolean;
  /** Full dates; the IPTC 7901 trailer gives day, month and time but no year. */
  readonly dates: boolean;
}

interface ContractCase {
  readonly name: string;
  /** The documents that carry the story: one, or one per item for formats of one item per document (NITF). */
  readonly fixtures: readonly string[];
  readonly format: FeedFormat;
  readonly carries: Carries;
}

const FEED: Carries = { feedHead: true, language: true, links: true, namedCategories: true, html: true, dates: true };
const AGENCY_XML: Carries = { ...FEED, feedHead: false, links: false };
const WIRE_TEXT: Carries = { feedHead: false, language: false, links: false, namedCategories: false, html: false, dates: true };

const CASES: readonly ContractCase[] = [
  { name: 'RSS 2.0', fixtures: ['rss/testdata/contract-rss2.xml'], format: 'rss', carries: FEED },
  { name: 'RSS 1.0 (RDF)', fixtures: ['rss/testdata/contract-rdf.xml'], format: 'rdf', carries: FEED },
  { name: 'Atom 1.0', fixtures: ['atom/testdata/contract.atom'], format: 'atom', carries: FEED },
  { name: 'JSON Feed 1.1', fixtures: ['jsonfeed/testdata/contract.json'], format: 'jsonfeed', carries: FEED },
  { name: 'NewsML-G2 newsMessage', fixtures: ['newsml-g2/testdata/contract.xml'], format: 'newsml-g2', carries: AGENCY_XML },
  { name: 'ninjs collection', fixtures: ['ninjs/testdata/contract.json'], format: 'ninjs', carries: AGENCY_XML },
  // NITF's document reference (pubdata ex-ref) is the published page: it has links.
  {
    name: 'NITF 3.6 (one document per story)',
    fixtures: ['nitf/testdata/contract-1.xml', 'nitf/testdata/contract-2.xml', 'nitf/testdata/contract-3.xml'],
    format: 'nitf',
    carries: { ...AGENCY_XML, links: true },
  },
  { name: 'NewsML 1.2', fixtures: ['newsml1/testdata/contract.xml'], format: 'newsml1', carries: AGENCY_XML },
  { name: 'ANPA-1312 takes', fixtures: ['anpa/testdata/contract.anpa'], format: 'anpa', carries: WIRE_TEXT },
  { name: 'IPTC 7901 messages', fixtures: ['iptc7901/testdata/contract.txt'], format: 'iptc7901', carries: { ...WIRE_TEXT, dates: false } },
];

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function load(fixture: string): Uint8Array {
  return readFileSync(new URL(fixture, import.meta.url));
}

function expectOk(outcome: ParseOutcome): ParsedFeed {
  if (outcome.kind !== 'ok') throw new Error(`expected ok, got: ${outcome.error}`);
  return outcome.feed;
}

/** The story as the case's documents carry it; several documents read as one feed, in order. */
function parseCase(fixtures: readonly Uint8Array[]): ParsedFeed {
  const feeds = fixtures.map((bytes) => expectOk(parseFeed(bytes)));
  const [first] = feeds;
  if (!first || feeds.length === 1) return first!;
  let offset = 0;
  const rejected = feeds.flatMap((feed) => {
    const shifted = feed.rejected.map((r) => ({ ...r, index: r.index + offset }));
    offset += feed.items.length + feed.rejected.length;
    return shifted;
  });
  return { ...first, items: feeds.flatMap((feed) => feed.items), rejected };
}

function expectFailed(outcome: ParseOutcome): string {
  expect(outcome.kind).toBe('failed');
  return outcome.kind === 'failed' ? outcome.error : '';
}

describe.each(CASES)('parser contract: $name', ({ fixtures, format, carries }) => {
  const documents = fixtures.map(load);
  const bytes = documents[0]!;
  const parse = (): ParsedFeed => parseCase(documents);

  it('detects its format from content', () => {
    for (const document of documents) {
      expect(detectFormat(new TextDecoder().decode(document))).toBe(format);
      expect(expectOk(parseFeed(document)).format).toBe(format);
    }
  });

  it('reads the feed head', () => {
    const feed = parse();
    expect(feed.title).toBe(carries.feedHead ? 'Wiredesk Test Wire' : undefined);
    expect(feed.link).toBe(carries.feedHead ? 'https://example.com/' : undefined);
    expect(feed.language).toBe(carries.language ? 'en-GB' : undefined);
    if (carries.language) for (const item of feed.items) expect(item.language ?? feed.language).toBe('en-GB');
  });

  it('keeps items with a title or body and rejects the empty one with its index', () => {
    const feed = parse();
    expect(feed.items).toHaveLength(2);
    for (const item of feed.items) {
      expect(item.title !== '' || item.bodyHtml !== undefined || item.bodyText !== undefined).toBe(true);
    }
    expect(feed.rejected).toEqual([{ index: 2, reason: 'item has no title, content or link' }]);
  });

  it('strips HTML from titles and decodes entities', () => {
    const feed = parse();
    expect(feed.items.map((i) => i.title)).toEqual(['Markets rally & close higher', 'Second story']);
  });

  it('gives dates as ISO-8601 UTC', () => {
    const feed = parse();
    const published = carries.dates ? ['2024-03-01T10:00:00.000Z', '2024-03-02T07:30:00.000Z'] : [undefined, undefined];
    expect(feed.items.map((i) => i.published)).toEqual(published);
    for (const item of feed.items) {
      for (const date of [item.published, item.updated]) if (date !== undefined) expect(date).toMatch(ISO_UTC);
    }
  });

  it('maps guid, link, author and categories', () => {
    const [first, second] = parse().items;
    expect(first).toMatchObject({ guid: 'item-1', author: 'Ana Reporter' });
    expect(second).toMatchObject({ guid: 'item-2' });
    expect([first?.link, second?.link]).toEqual(carries.links ? ['https://example.com/news/1', 'https://example.com/news/2'] : [undefined, undefined]);
    if (carries.namedCategories) expect(first?.categories).toEqual(['Markets', 'Economy']);
    else for (const category of first?.categories ?? []) expect(category).toMatch(/^(priority|category):\w+$/);
  });

  it('keeps guids stable across two parses', () => {
    const guids = (): readonly (string | undefined)[] => parse().items.map((i) => i.guid);
    expect(guids()).toEqual(guids());
    expect(guids()).toEqual(['item-1', 'item-2']);
  });

  it('passes script tags in the body through (sanitizing is normalize\'s job)', () => {
    const [first, second] = parse().items;
    if (carries.html) {
      expect(first?.bodyHtml).toBe('<p>Body one</p><script>alert("x")</script>');
      expect(second?.bodyHtml ?? second?.summary).toBe('<p>Second body</p>');
    } else {
      // Wire text is text: it reaches normalize as bodyText, to be escaped there.
      expect([first?.bodyHtml, second?.bodyHtml]).toEqual([undefined, undefined]);
      expect([first?.bodyText, second?.bodyText]).toEqual(['Body one', 'Second body']);
    }
  });

  it('fails truncated input with a message', () => {
    for (const cut of [0.3, 0.6, 0.9]) {
      const error = expectFailed(parseFeed(bytes.subarray(0, Math.floor(bytes.length * cut))));
      expect(error).toMatch(/^parse(\/[\w-]+)?: /);
    }
  });

  it('fails empty input', () => {
    expect(expectFailed(parseFeed(new Uint8Array(0)))).toBe('parse: empty document');
  });

  it('fails garbage bytes', () => {
    const garbage = Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256);
    expect(expectFailed(parseFeed(garbage))).toMatch(/^parse: not a feed/);
  });
});
