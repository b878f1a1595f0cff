import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed, WireItem } from '../../../domain/wire-item.ts';
import { detectFormat, parseFeed } from '../index.ts';
import { parseNewsmlG2 } from './newsml-g2-parser.ts';

const NS = 'xmlns="http://iptc.org/std/nar/2006-10-01/"';

function newsItem(meta: string, content = '', contentSet = '', attrs = 'guid="urn:g" version="3" xml:lang="en"', itemClass = 'ninat:text'): string {
  return `<newsItem ${attrs}><itemMeta><itemClass qcode="${itemClass}"/>${meta}</itemMeta>` +
    `<contentMeta><headline>H</headline>${content}</contentMeta><contentSet>${contentSet}</contentSet></newsItem>`;
}

function feedOf(xml: string): ParsedFeed {
  const outcome = parseNewsmlG2(xml);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed;
}

function itemOf(meta: string, content = '', contentSet = ''): WireItem {
  const item = feedOf(`<newsMessage ${NS}><itemSet>${newsItem(meta, content, contentSet)}</itemSet></newsMessage>`).items[0];
  if (!item) throw new Error('no item');
  return item;
}

describe('parseNewsmlG2: item metadata', () => {
  it('reads guid, version, language, dates as ISO UTC, status and embargo', () => {
    const item = itemOf('<versionCreated>2016-10-21T16:25:32-05:00</versionCreated><firstCreated>2016-10-18T13:12:21-05:00</firstCreated>' +
      '<embargoed>2016-10-23T12:00:00Z</embargoed><pubStatus qcode="stat:withheld"/>');
    expect(item).toMatchObject({
      guid: 'urn:g', version: 3, language: 'en', published: '2016-10-18T18:12:21.000Z', updated: '2016-10-21T21:25:32.000Z',
      pubStatus: 'withheld', embargoUntil: '2016-10-23T12:00:00.000Z',
    });
  });

  it.each([
    ['<pubStatus qcode="stat:usable"/>', 'usable'],
    ['<pubStatus qcode="stat:canceled"/>', 'canceled'],
    ['<pubStatus uri="http://cv.iptc.org/newscodes/pubstatusg2/withheld"/>', 'withheld'],
    ['<pubStatus qcode="stat:replaced"/>', undefined],
    ['', undefined],
  ])('maps %s to pubStatus %s', (meta, pubStatus) => {
    expect(itemOf(meta).pubStatus).toBe(pubStatus);
  });

  it('falls back to contentCreated, then versionCreated, for the publication date', () => {
    expect(itemOf('<versionCreated>2020-01-02T00:00:00Z</versionCreated>', '<contentCreated>2020-01-01T00:00:00Z</contentCreated>').published)
      .toBe('2020-01-01T00:00:00.000Z');
    expect(itemOf('<versionCreated>2020-01-02T00:00:00Z</versionCreated>').published).toBe('2020-01-02T00:00:00.000Z');
  });

  it('normalizes IPTC signals, keeps Reuters corrections and drops routing codes', () => {
    expect(itemOf('<signal qcode="sig:update"/><signal qcode="sig:correction"/><signal qcode="prodId:TXT"/><signal qcode="redsel:SD03"/>').signals)
      .toEqual(['update', 'correction']);
    expect(itemOf('<signal qcode="edStat:C"/>').signals).toEqual(['correction']);
    expect(itemOf('<signal qcode="pmt:text"/>').signals).toBeUndefined();
  });

  it('keeps subject qcodes as subjects and their names (in the item language) plus keywords as categories', () => {
    const item = itemOf('', '<subject qcode="medtop:04000000"><name xml:lang="de">Wirtschaft</name><name xml:lang="en-GB">economy</name></subject>' +
      '<subject qcode="subj:11000000"/><subject literal="x"><name>Named only</name></subject><keyword>markets</keyword>');
    expect(item.subjects).toEqual(['medtop:04000000', 'subj:11000000']);
    expect(item.categories).toEqual(['economy', 'Named only', 'markets']);
  });

  it.each([
    ['<provider qcode="nprov:REUTERS"/>', '', 'Reuters'],
    ['<provider qcode="nprov:AP"/>', '', 'AP'],
    ['<provider literal="reuters.com"/>', '', 'Reuters'],
    ['<provider qcode="nprov:apa"><name>APA - Austria Presse Agentur</name></provider>', '', 'APA'],
    ['<provider><name>ANSA</name></provider>', '', 'ANSA'],
    ['<provider qcode="nprov:AcmeNews"/>', '<infoSource><name>dpa</name></infoSource>', 'dpa'],
    ['<provider qcode="nprov:AcmeNews"/>', '', undefined],
  ])('agency from %s %s -> %s', (meta, content, agency) => {
    expect(itemOf(meta, content).agency).toBe(agency);
  });

  it.each([
    ['<dateline>MOSCOW, Monday (Reuters)</dateline>', 'MOSCOW, Monday (Reuters)'],
    ['<located qcode="geo:1"><name>Berlin</name></located><dateline>2014-07-17 00:24:11 GMT+00:00</dateline>', 'Berlin'],
    ['<located literal="Bangalore"/>', 'Bangalore'],
    ['<dateline/>', undefined],
  ])('dateline from %s', (content, dateline) => {
    expect(itemOf('', content).dateline).toBe(dateline);
  });

  it('takes the byline from by, else the creators', () => {
    expect(itemOf('', '<by>By Marwan Makdisi</by><creator><name>Desk</name></creator>').author).toBe('Marwan Makdisi');
    expect(itemOf('', '<creator><name>Meredith Jameson</name></creator>').author).toBe('Meredith Jameson');
  });

  it('uses the main headline over a sub-headline, and a summary description but not a caption', () => {
    const xml = `<newsItem ${NS} guid="g"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta>` +
      '<headline role="hld:subHeadline">Sub</headline><headline>Main</headline>' +
      '<description role="descRole:caption">SLUG:Main</description><description role="drol:summary">Sum</description></contentMeta></newsItem>';
    expect(feedOf(xml).items[0]).toMatchObject({ title: 'Main', summary: 'Sum' });
  });
});

describe('parseNewsmlG2: content', () => {
  it.each([
    ['XHTML', '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body><p>a &amp; b</p></body></html></inlineXML>', { bodyHtml: '<p>a &amp; b</p>' }],
    ['XHTML with a wrong content type', '<inlineXML contenttype="application/xhtml+html"><html><body><p>x</p></body></html></inlineXML>', { bodyHtml: '<p>x</p>' }],
    ['prefixed XHTML', '<inlineXML><x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:body><x:p>y</x:p></x:body></x:html></inlineXML>', { bodyHtml: '<p>y</p>' }],
    ['NITF', '<inlineXML contenttype="application/nitf+xml"><nitf><body><body.content><p>n</p><hl2>Sub</hl2></body.content></body></nitf></inlineXML>', { bodyHtml: '<p>n</p><h2>Sub</h2>' }],
    ['plain text', '<inlineData contenttype="text/plain">Line one</inlineData>', { bodyText: 'Line one', bodyHtml: undefined }],
    ['comments only', '<inlineXML contenttype="application/nitf+xml"><!-- nothing --></inlineXML>', { bodyHtml: undefined, bodyText: undefined }],
  ])('reads a %s body', (_name, contentSet, expected) => {
    expect(itemOf('', '', contentSet)).toMatchObject(expected);
  });

  it('takes headline and byline from inline NITF when contentMeta has none', () => {
    const xml = `<newsItem ${NS} guid="g"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentSet><inlineXML>` +
      '<nitf><head><title>Head title</title></head><body><body.head><byline>By <person>Jo Doe</person></byline></body.head>' +
      '<body.content><p>b</p></body.content></body></nitf></inlineXML></contentSet></newsItem>';
    expect(feedOf(xml).items[0]).toMatchObject({ title: 'Head title', author: 'Jo Doe', bodyHtml: '<p>b</p>' });
  });
});

const PICTURE = newsItem('<pubStatus qcode="stat:usable"/>', '<description role="drol:caption">A caption</description>',
  '<remoteContent rendition="rnd:highRes" href="https://e.com/hi.jpg" contenttype="image/jpeg" width="3500" height="2000"/>' +
  '<remoteContent rendition="rnd:thumbnail" href="https://e.com/th.jpg" contenttype="image/jpeg" width="150" height="90"/>' +
  '<remoteContent rendition="rnd:web" href="https://e.com/web.jpg" contenttype="image/jpeg" width="640" height="400"/>',
  'guid="pic"', 'ninat:picture');
const WEB_IMAGE = { url: 'https://e.com/web.jpg', caption: 'A caption', width: 640, height: 400, type: 'image/jpeg' };

describe('parseNewsmlG2: pictures and packages', () => {
  it('gives a picture item its web-sized rendition as its image and its caption as summary', () => {
    const item = feedOf(`<newsMessage ${NS}><itemSet>${PICTURE}</itemSet></newsMessage>`).items[0];
    expect(item).toMatchObject({ guid: 'pic', summary: 'A caption', image: WEB_IMAGE });
  });

  it('makes a package of text and picture in one message one story: the text with the picture', () => {
    const pkg = `<packageItem guid="pkg"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta><groupSet root="G"><group id="G">` +
      '<itemRef residref="txt"><itemClass qcode="ninat:text"/></itemRef><itemRef residref="pic"><itemClass qcode="ninat:picture"/></itemRef>' +
      '</group></groupSet></packageItem>';
    const text = newsItem('', '', '<inlineData>Story</inlineData>', 'guid="txt"');
    const feed = feedOf(`<newsMessage ${NS}><itemSet>${pkg}${text}${PICTURE}</itemSet></newsMessage>`);
    expect(feed.items.map((i) => i.guid)).toEqual(['txt']);
    expect(feed.items[0]?.image).toEqual(WEB_IMAGE);
    expect(feed.rejected).toEqual([]);
  });

  it('keeps a package whose items are elsewhere as one story', () => {
    const pkg = `<packageItem ${NS} guid="pkg" version="9"><itemMeta><itemClass qcode="ninat:composite"/><title>UK-TOPNEWS</title></itemMeta>` +
      '<contentMeta><headline>UK</headline></contentMeta><groupSet root="G"><group id="G"><itemRef residref="elsewhere"/></group></groupSet></packageItem>';
    expect(feedOf(pkg).items).toMatchObject([{ guid: 'pkg', title: 'UK', version: 9 }]);
  });

  it('gives a text item the picture it links to', () => {
    const text = newsItem('<link rel="irel:seeAlso" residref="pic"/>', '', '<inlineData>Story</inlineData>', 'guid="txt"');
    const feed = feedOf(`<newsMessage ${NS}><itemSet>${text}${PICTURE}</itemSet></newsMessage>`);
    expect(feed.items.map((i) => [i.guid, i.image?.url])).toEqual([['txt', 'https://e.com/web.jpg']]);
  });

  it('reads every item of a message', () => {
    const items = ['a', 'b', 'c'].map((g) => newsItem('', '', '', `guid="${g}"`)).join('');
    expect(feedOf(`<newsMessage ${NS}><header/><itemSet>${items}</itemSet></newsMessage>`).items.map((i) => i.guid)).toEqual(['a', 'b', 'c']);
  });
});

describe('parseNewsmlG2: bad input', () => {
  it('fails malformed and truncated XML with its stage', () => {
    expect(parseNewsmlG2(`<newsItem ${NS}><itemMeta><!-- open`)).toEqual({ kind: 'failed', error: 'parse/newsml-g2: malformed XML at line 1: comment is not closed' });
    expect(parseNewsmlG2(`<newsItem ${NS}><itemMeta>`)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^parse\/newsml-g2: truncated XML/) });
  });

  it('refuses a document that declares entities (billion laughs, XXE), expanding nothing', () => {
    const doc = '<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      `<newsItem ${NS} guid="g"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>A &lol2; B &xxe;</headline></contentMeta></newsItem>`;
    const outcome = parseFeed(new TextEncoder().encode(doc));
    expect(outcome).toEqual({ kind: 'failed', error: 'parse/newsml-g2: entity declarations (<!ENTITY>) are refused: entities are never expanded' });
  });

  it('says non-news NewsML-G2 items are unsupported', () => {
    expect(parseFeed(new TextEncoder().encode(`<conceptItem ${NS} guid="c"/>`))).toEqual({
      kind: 'failed', error: 'parse: unsupported format (NewsML-G2 <conceptItem> carries no news)',
    });
    expect(detectFormat(`<packageItem ${NS}/>`)).toBe('newsml-g2');
  });

  it('never throws on mutated contract fixtures', () => {
    const fixture = new Uint8Array(readFileSync(new URL('testdata/contract.xml', import.meta.url)));
    fc.assert(fc.property(fc.nat(), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 12 }), (at, length, insert) => {
      const pos = at % fixture.length;
      const bytes = Uint8Array.from([...fixture.subarray(0, pos), ...insert, ...fixture.subarray(pos + length)]);
      const outcome = parseFeed(bytes);
      expect(outcome.kind === 'ok' || /^parse(\/[\w-]+)?: (?!unexpected error)/.test(outcome.error)).toBe(true);
    }), { numRuns: 300 });
  });
});
