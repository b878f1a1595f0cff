// Checks the demo wire as plain files, with fast-xml-parser and JSON.parse only:
// the project's own parsers must be able to rely on this data, not the other way round.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

const WIRE = fileURLToPath(new URL('./wire/', import.meta.url));
const SECTORS = [
  'Agro-Forestry', 'Art & Culture', 'Technology', 'Economy & Business', 'Education',
  'Energy & Extractives', 'Politics', 'Law & Governance', 'Health', 'Science & Environment',
  'Social & Gender', 'Sports', 'Transport', 'Urban Development', 'WASH',
];

interface DemoStory {
  readonly file: string;
  readonly agency: string;
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly sector: string;
  readonly bodyHtml: string;
  readonly published: string;
  readonly updated: string;
}

type Node = Record<string, unknown>;
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'dc:subject'].includes(name),
});

const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'object' && v !== null ? text((v as Node)['#text']) : '';
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : []);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

function readXml(file: string, encoding: 'utf8' | 'windows-1252' = 'utf8'): Node {
  const bytes = readFileSync(WIRE + file);
  const source = encoding === 'utf8' ? bytes.toString('utf8') : iconv.decode(bytes, 'windows-1252');
  expect(XMLValidator.validate(source), file).toBe(true);
  return xml.parse(source) as Node;
}

function readRss(file: string, agency: string, encoding?: 'windows-1252'): DemoStory[] {
  const channel = (readXml(file, encoding).rss as Node).channel as Node;
  return nodes(channel.item).map((i) => {
    const published = new Date(text(i.pubDate)).toISOString();
    return {
      file, agency, id: text(i.guid), title: text(i.title), link: text(i.link), sector: text(first(i.category)),
      bodyHtml: text(i['content:encoded']), published, updated: published,
    };
  });
}

function readAtom(file: string): DemoStory[] {
  return nodes((readXml(file).feed as Node).entry).map((e) => ({
    file, agency: 'Reuters', id: text(e.id), title: text(e.title), link: String((e.link as Node)['@_href']),
    sector: String((first(e.category) as Node)['@_term']), bodyHtml: text(e.content),
    published: text(e.published), updated: text(e.updated),
  }));
}

function readRdf(file: string): DemoStory[] {
  return nodes((readXml(file)['rdf:RDF'] as Node).item).map((i) => ({
    file, agency: 'UN News', id: String(i['@_rdf:about']), title: text(i.title), link: text(i.link),
    sector: text(first(i['dc:subject'])), bodyHtml: text(i['content:encoded']),
    published: text(i['dc:date']), updated: text(i['dc:date']),
  }));
}

function readJsonFeed(file: string): DemoStory[] {
  const feed = JSON.parse(readFileSync(WIRE + file, 'utf8')) as { version: string; items: Node[] };
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  return feed.items.map((i) => {
    const published = new Date(String(i.date_published)).toISOString();
    return {
      file, agency: 'AFP', id: String(i.id), title: String(i.title), link: String(i.url),
      sector: String((i.tags as string[])[0]), bodyHtml: String(i.content_html), published, updated: published,
    };
  });
}

const stories: DemoStory[] = [
  ...readRss('pti.rss', 'PTI'),
  ...readAtom('reuters.atom'),
  ...readJsonFeed('afp.json'),
  ...readRdf('un-news.rdf'),
  ...readRss('ians.rss', 'IANS', 'windows-1252'),
];
const countBy = (key: (s: DemoStory) => string): Map<string, number> =>
  stories.reduce((m, s) => m.set(key(s), (m.get(key(s)) ?? 0) + 1), new Map<string, number>());

describe('demo wire', () => {
  it('has enough stories, sectors and agencies, with unique ids', () => {
    expect(stories.length).toBeGreaterThanOrEqual(44);
    expect(new Set(stories.map((s) => s.id)).size).toBe(stories.length);
    const sectors = countBy((s) => s.sector);
    expect(sectors.size).toBeGreaterThanOrEqual(10);
    for (const [sector, n] of sectors) expect(n, sector).toBeGreaterThanOrEqual(3);
    expect(countBy((s) => s.agency).size).toBeGreaterThanOrEqual(4);
  });

  it.each(stories.map((s) => [s.id, s] as const))('%s is a well-formed demo story', (_id, s) => {
    expect(SECTORS).toContain(s.sector);
    expect(s.title.length).toBeGreaterThan(20);
    expect(s.link.startsWith('https://wire.example/')).toBe(true);
    const paragraphs = s.bodyHtml.match(/<p>/g) ?? [];
    expect(paragraphs.length).toBeGreaterThanOrEqual(2);
    expect(paragraphs.length).toBeLessThanOrEqual(5);
    expect(s.bodyHtml).not.toMatch(/<img|<script|\ssrc=|https?:/i);
    const dateline = /^<p>[A-Z][A-Z .]+, Nov \d{1,2} \((PTI|Reuters|AFP|IANS)\) - /.exec(s.bodyHtml);
    if (s.agency === 'UN News') expect(dateline).toBeNull();
    else expect(dateline?.[1]).toBe(s.agency);
    expect(s.published >= '2026-11-26T00:00:00.000Z' && s.published <= '2026-11-29T04:00:00.000Z').toBe(true);
  });

  it('writes the IANS feed as real windows-1252 bytes', () => {
    const bytes = readFileSync(WIRE + 'ians.rss');
    expect(bytes.subarray(0, 60).toString('latin1')).toContain('encoding="windows-1252"');
    for (const b of [0x80, 0x92, 0xe9]) expect(bytes.includes(b), `byte 0x${b.toString(16)}`).toBe(true);
    expect(bytes.includes(Buffer.from('€', 'utf8'))).toBe(false);
    expect(iconv.decode(bytes, 'windows-1252')).toContain('Les Éclats du fleuve');
  });

  it('has a later version of one first-batch Reuters story in updates/', () => {
    const [update, ...rest] = readAtom('updates/reuters-update.atom');
    expect(rest).toEqual([]);
    const original = stories.find((s) => s.id === update?.id);
    expect(original?.agency).toBe('Reuters');
    expect(update?.published).toBe(original?.published);
    expect(Date.parse(update?.updated ?? '')).toBeGreaterThan(Date.parse(original?.updated ?? ''));
    expect(update?.title).not.toBe(original?.title);
  });
});
