import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WireItem } from '../../../domain/wire-item.ts';
import { parseFeed } from '../index.ts';
import { parseNitf } from './nitf-parser.ts';
import { parseIptcDate } from './nitf-text.ts';

function nitf(docdata: string, bodyHead = '', content = '<p>x</p>', head = ''): string {
  return `<nitf><head>${head}<docdata${docdata}</docdata></head><body><body.head><hedline><hl1>H</hl1></hedline>${bodyHead}</body.head>` +
    `<body.content>${content}</body.content></body></nitf>`;
}

function itemOf(xml: string): WireItem {
  const outcome = parseNitf(xml);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  const item = outcome.feed.items[0];
  if (!item) throw new Error(`no item: ${JSON.stringify(outcome.feed.rejected)}`);
  return item;
}

describe('parseNitf: docdata', () => {
  it('reads doc-id, du-key version and the issue date as ISO UTC', () => {
    const item = itemOf(nitf(' management-status="usable"><doc-id id-string="AAP.1"/><du-key key="k" version="4"/><date.issue norm="20131020T192751+1100"/>'));
    expect(item).toMatchObject({ guid: 'AAP.1', version: 4, pubStatus: 'usable', published: '2013-10-20T08:27:51.000Z' });
  });

  it.each([
    [' management-status="usable">', 'usable', undefined],
    [' management-status="withheld">', 'withheld', undefined],
    [' management-status="canceled">', 'canceled', undefined],
    [' management-status="embargoed"><date.release norm="20240301T120000Z"/>', 'usable', '2024-03-01T12:00:00.000Z'],
    [' management-status="embargoed">', 'withheld', undefined],
    ['><date.issue norm="20240301T100000Z"/><date.release norm="20240301T120000Z"/>', undefined, '2024-03-01T12:00:00.000Z'],
    ['><date.issue norm="20240301T100000Z"/><date.release norm="20240301T100000Z"/>', undefined, undefined],
  ])('docdata%s -> pubStatus %s, embargo %s', (docdata, pubStatus, embargoUntil) => {
    expect(itemOf(nitf(docdata))).toMatchObject({ pubStatus, embargoUntil });
  });

  it('signals an update when the document replaces another, and a correction an ed-msg announces', () => {
    expect(itemOf(nitf(' management-doc-idref="iptc.1.a">')).signals).toEqual(['update']);
    expect(itemOf(nitf('><ed-msg info="Corrects spelling" msg-type="correction"/>')).signals).toEqual(['correction']);
    expect(itemOf(nitf('><ed-msg info="For global distribution"/>')).signals).toBeUndefined();
  });

  it('keeps IPTC subject codes as subj: qcodes, other issuers as their scheme, names and keywords as categories', () => {
    const head = '<tobject><tobject.subject tobject.subject.refnum="17000000" tobject.subject.type="Weather"/>' +
      '<tobject.subject tobject.subject.ipr="EFE" tobject.subject.refnum="F01001000" tobject.subject.matter="GOVERNMENT"/></tobject>';
    const item = itemOf(nitf('><key-list><keyword key="fishing"/></key-list><doc-scope scope="SPORT"/>', '', '<p>x</p>', head));
    expect(item.subjects).toEqual(['subj:17000000', 'efe:F01001000']);
    expect(item.categories).toEqual(['Weather', 'GOVERNMENT', 'fishing', 'SPORT']);
  });

  it.each([
    ['<distributor>The Associated Press</distributor>', '>', 'The Associated Press'],
    ['', '><doc.copyright holder="AP" year="2015"/>', 'AP'],
    ['', '><del-list><from-src src-name="PA" level-number="1"/></del-list>', 'PA'],
    ['<distributor>XML Team Solutions, Inc.</distributor>', '>', undefined],
  ])('agency from %s%s', (bodyHead, docdata, agency) => {
    expect(itemOf(nitf(docdata, bodyHead)).agency).toBe(agency);
  });

  it('tolerates bad dates (YYYYMMDD placeholders)', () => {
    const item = itemOf(nitf('><date.issue norm="20200703T165136-0400"/><date.release norm="YYYYMMDD000000-HHMM"/>'));
    expect(item).toMatchObject({ published: '2020-07-03T20:51:36.000Z', embargoUntil: undefined });
  });
});

describe('parseNitf: body.head and body', () => {
  it('reads byline, dateline (location and story date as written) and abstract', () => {
    const bodyHead = '<byline>By <person>Alan Karben</person> <byttl>Online Writer</byttl></byline>' +
      '<dateline><location><city>Newport News</city>, <state>VA</state></location>, <story.date norm="20020225T1430">Feb 25</story.date></dateline>' +
      '<abstract><p>Short.</p></abstract>';
    expect(itemOf(nitf('>', bodyHead))).toMatchObject({ author: 'Alan Karben', dateline: 'Newport News, VA, Feb 25', summary: '<p>Short.</p>' });
  });

  it('leaves a machine timestamp in story.date out of the dateline', () => {
    const bodyHead = '<dateline><location>Tegucigalpa</location><story.date norm="20170102T222800+0000">20170102T222800+0000</story.date></dateline>';
    expect(itemOf(nitf('>', bodyHead)).dateline).toBe('Tegucigalpa');
  });

  it('falls back to the event location for the dateline', () => {
    expect(itemOf(nitf('><evloc city="Tegucigalpa" iso-cc="HND"/>')).dateline).toBe('Tegucigalpa');
  });

  it('turns NITF body markup into HTML: subheads, unwrapped semantic tags, media and notes dropped', () => {
    const content = '<media media-type="image"><media-reference source="https://e.com/t.jpg" mime-type="image/jpeg" width="278" height="185"/>' +
      '<media-caption>The tides.</media-caption></media><p>By the <org value="a">Acme Boat Company</org>.</p><hl2>The Tides</hl2>' +
      '<block><p>Nooks</p></block><note><body.content><p>editors only</p></body.content></note><bq><p>Q</p></bq>';
    const item = itemOf(nitf('>', '', content));
    expect(item.bodyHtml).toBe('<p>By the Acme Boat Company.</p><h2>The Tides</h2><p>Nooks</p><blockquote><p>Q</p></blockquote>');
    expect(item.image).toEqual({ url: 'https://e.com/t.jpg', caption: 'The tides.', width: 278, height: 185, type: 'image/jpeg' });
  });

  it('keeps preformatted bodies as they are', () => {
    expect(itemOf(nitf('>', '', '<pre>Mexico v Panama\nMexico: Talavera</pre>')).bodyHtml).toBe('<pre>Mexico v Panama\nMexico: Talavera</pre>');
  });

  it('reads the language from baselang and the link from pubdata ex-ref', () => {
    const xml = '<nitf baselang="en-US"><head><pubdata ex-ref="https://e.com/story"/></head><body><body.content><p>x</p></body.content></body></nitf>';
    expect(itemOf(xml)).toMatchObject({ language: 'en-US', link: 'https://e.com/story' });
  });
});

describe('parseNitf: bad input', () => {
  it('fails malformed and truncated XML with its stage', () => {
    expect(parseNitf('<nitf><head><title>x</title></head><body><body.content><p>cut')).toMatchObject({
      kind: 'failed', error: expect.stringMatching(/^parse\/nitf: /),
    });
    expect(parseNitf('<nitf><head><title attr="x</title></head></nitf>')).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^parse\/nitf: malformed XML/) });
  });

  it('refuses a document that declares entities (billion laughs, XXE), expanding nothing', () => {
    const doc = '<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      '<nitf><body><body.head><hedline><hl1>T &c; &xxe;</hl1></hedline></body.head><body.content><p>&c;&xxe;</p></body.content></body></nitf>';
    const outcome = parseFeed(new TextEncoder().encode(doc));
    expect(outcome).toEqual({ kind: 'failed', error: 'parse/nitf: entity declarations (<!ENTITY>) are refused: entities are never expanded' });
  });

  it('never throws on mutated contract fixtures', () => {
    const fixture = new Uint8Array(readFileSync(new URL('testdata/contract-1.xml', import.meta.url)));
    fc.assert(fc.property(fc.nat(), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 12 }), (at, length, insert) => {
      const pos = at % fixture.length;
      const outcome = parseFeed(Uint8Array.from([...fixture.subarray(0, pos), ...insert, ...fixture.subarray(pos + length)]));
      expect(outcome.kind === 'ok' || /^parse(\/[\w-]+)?: (?!unexpected error)/.test(outcome.error)).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('parseIptcDate', () => {
  it.each([
    ['20020225T143000-0500', '2002-02-25T19:30:00.000Z'],
    ['20140829T135002Z', '2014-08-29T13:50:02.000Z'],
    ['20141126T152703', '2014-11-26T15:27:03.000Z'],
    ['20180404', '2018-04-04T00:00:00.000Z'],
    ['2016-10-21T16:25:32-05:00', '2016-10-21T21:25:32.000Z'],
    ['YYYYMMDD000000-HHMM', undefined],
    ['20241345T000000Z', undefined],
    ['', undefined],
  ])('%s -> %s', (text, iso) => {
    expect(parseIptcDate(text)).toBe(iso);
  });
});
