import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed, WireItem } from '../../../domain/wire-item.ts';
import { detectFormat, parseFeed } from '../index.ts';
import { parseNinjs } from './ninjs-parser.ts';

function feedOf(json: unknown): ParsedFeed {
  const outcome = parseNinjs(JSON.stringify(json));
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed;
}

function itemOf(json: Record<string, unknown>): WireItem {
  const item = feedOf({ uri: 'urn:n', headline: 'H', ...json }).items[0];
  if (!item) throw new Error('no item');
  return item;
}

const PICTURE_1X = {
  type: 'picture',
  description_text: 'A caption',
  renditions: {
    original: { href: 'https://e.com/o.jpg', mimetype: 'image/jpeg', width: 3489, height: 2296 },
    viewImage: { href: 'https://e.com/v.jpg', mimetype: 'image/jpeg', width: 640, height: 421 },
    baseImage: { href: 'https://e.com/b.jpg', mimetype: 'image/jpeg', width: 1400, height: 921 },
    thumbnail: { href: 'https://e.com/t.jpg', mimetype: 'image/jpeg', width: 182, height: 120 },
  },
};
const BASE_IMAGE = { url: 'https://e.com/b.jpg', caption: 'A caption', width: 1400, height: 921, type: 'image/jpeg' };

describe('parseNinjs: versions 1.x to 3.x', () => {
  it('reads 1.x/2.x lower-case members', () => {
    const item = itemOf({
      version: '2', versioncreated: '2017-08-24T04:38:34+0000', firstcreated: '2017-08-24T04:37:19+0000', pubstatus: 'usable',
      embargoed: '2022-06-29T02:30:00Z', language: 'fr', byline: 'Peter and Jane', located: 'Milton Keynes',
      body_html: '<p>The story so far.</p>', description_text: 'abstract', copyrightholder: 'Australian Associated Press',
    });
    expect(item).toMatchObject({
      guid: 'urn:n', version: 2, updated: '2017-08-24T04:38:34.000Z', published: '2017-08-24T04:37:19.000Z', pubStatus: 'usable',
      embargoUntil: '2022-06-29T02:30:00.000Z', language: 'fr', author: 'Peter and Jane', dateline: 'Milton Keynes',
      bodyHtml: '<p>The story so far.</p>', summary: 'abstract', agency: 'Australian Associated Press',
    });
  });

  it('reads 3.x camelCase members, headlines, bodies and descriptions by role', () => {
    const item = feedOf({
      uri: 'urn:3', versionCreated: '2021-05-26T13:40:18+02:00', pubStatus: 'withheld', copyrightHolder: 'TT',
      headlines: [{ role: 'sub', value: 'Sub' }, { role: 'main', value: 'Main' }],
      bodies: [{ role: 'text', contentType: 'text/plain', value: 'Plain' }, { role: 'html5', contentType: 'text/html', value: '<p>Rich</p>' }],
      descriptions: [{ role: 'summary', value: 'Sum' }],
    }).items[0];
    expect(item).toMatchObject({
      title: 'Main', bodyHtml: '<p>Rich</p>', bodyText: 'Plain', summary: 'Sum', pubStatus: 'withheld', agency: 'TT',
      published: '2021-05-26T11:40:18.000Z',
    });
  });

  it.each([['usable', 'usable'], ['withheld', 'withheld'], ['canceled', 'canceled'], ['cancelled', 'canceled'], ['replaced', undefined]])(
    'maps pubstatus %s to %s', (pubstatus, expected) => {
      expect(itemOf({ pubstatus }).pubStatus).toBe(expected);
    });

  it('keeps subject codes (uri, scheme-qualified or bare) as subjects and names as categories', () => {
    const item = itemOf({
      subject: [{ code: '01000000', name: 'arts' }, { code: '04000000', scheme: 'medtop', name: 'economy' }],
      subjects: [{ uri: 'http://cv.iptc.org/newscodes/mediatopic/20000002', name: 'arts (general)' }, { code: 'x1', scheme: 'http://cv.ap.org/id/' }],
      keywords: ['Cannes'],
    });
    expect(item.subjects).toEqual(['01000000', 'medtop:04000000', 'http://cv.iptc.org/newscodes/mediatopic/20000002', 'http://cv.ap.org/id/x1']);
    expect(item.categories).toEqual(['arts', 'economy', 'arts (general)', 'Cannes']);
  });
});

describe('parseNinjs: pictures', () => {
  it('takes the story image from an associated picture (1.x object map), picking a web-sized rendition', () => {
    expect(itemOf({ associations: { featuremedia: PICTURE_1X } }).image).toEqual(BASE_IMAGE);
  });

  it('takes it from a 3.x association array with rendition arrays', () => {
    const picture = { name: 'photo', type: 'picture', headlines: [{ value: 'Cap' }], renditions: [{ name: 'web', href: 'https://e.com/w.jpg', contentType: 'image/jpeg', width: 1024, height: 683 }] };
    expect(itemOf({ associations: [picture] }).image).toEqual({ url: 'https://e.com/w.jpg', caption: 'Cap', width: 1024, height: 683, type: 'image/jpeg' });
  });

  it('gives a picture item its own rendition', () => {
    expect(itemOf(PICTURE_1X).image).toEqual(BASE_IMAGE);
  });

  it('ignores renditions that are not http(s) URLs', () => {
    expect(itemOf({ type: 'picture', renditions: { a: { href: 'file:///x.jpg' } } }).image).toBeUndefined();
  });
});

describe('parseNinjs: documents', () => {
  it('reads a collection array, one item each, rejecting the empty one', () => {
    const feed = feedOf([{ uri: 'a', headline: 'A' }, { uri: 'b' }, { uri: 'c', body_text: 'C' }]);
    expect(feed.items.map((i) => i.guid)).toEqual(['a', 'c']);
    expect(feed.rejected).toEqual([{ index: 1, reason: 'item has no title, content or link' }]);
  });

  it('unwraps AP Media API responses, using the stable altids.itemid', () => {
    const item = { uri: 'https://api.ap.org/media/v/content/abc?qt=1&et=2', altids: { itemid: 'abc' }, headline: 'AP story', provider: 'AP' };
    expect(feedOf({ api_version: '1.1', data: { item } }).items).toMatchObject([{ guid: 'abc', title: 'AP story', agency: 'AP' }]);
    expect(feedOf({ api_version: '1.1', data: { items: [{ meta: {}, item }, { item }] } }).items).toHaveLength(2);
  });

  it('is detected by its uri, or a guid with news members, or a ninjs standard', () => {
    expect(detectFormat('{"uri": "x"}')).toBe('ninjs');
    expect(detectFormat('{"guid": "x", "headline": "h"}')).toBe('ninjs');
    expect(detectFormat('{"standard": {"name": "ninjs", "version": "3.0"}, "title": "t"}')).toBe('ninjs');
    expect(detectFormat('{"id": 1, "headline": "h"}')).toBeUndefined();
  });

  it('fails malformed and truncated JSON with its stage', () => {
    expect(parseFeed(new TextEncoder().encode('{"uri": "x", "headline": "y"'))).toMatchObject({
      kind: 'failed', error: expect.stringMatching(/^parse\/ninjs: malformed JSON: /),
    });
    expect(parseNinjs('{"uri": http://x}')).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^parse\/ninjs: malformed JSON: /) });
  });

  it('never throws on mutated contract fixtures', () => {
    const fixture = new Uint8Array(readFileSync(new URL('testdata/contract.json', import.meta.url)));
    fc.assert(fc.property(fc.nat(), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 12 }), (at, length, insert) => {
      const pos = at % fixture.length;
      const outcome = parseFeed(Uint8Array.from([...fixture.subarray(0, pos), ...insert, ...fixture.subarray(pos + length)]));
      expect(outcome.kind === 'ok' || /^parse(\/[\w-]+)?: (?!unexpected error)/.test(outcome.error)).toBe(true);
    }), { numRuns: 300 });
  });

  it('never throws on JSON of any shape', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const outcome = parseNinjs(JSON.stringify(value));
      expect(['ok', 'failed']).toContain(outcome.kind);
    }), { numRuns: 300 });
  });
});
