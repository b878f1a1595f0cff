import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed, WireItem } from '../../../domain/wire-item.ts';
import { detectFormat, parseFeed } from '../index.ts';
import { parseAnpa } from './anpa-parser.ts';

interface Take {
  readonly header?: string;
  readonly format?: string;
  readonly text: readonly string[];
  readonly trailer?: string;
}

// SYN SYN SOH header LF, STX text ETX trailer EOT, with CR LF line ends as AP sends them.
function take({ header = 'r a', format = '\x13\x11', text, trailer = 'AP-WF-11-13-13 1509GMT<' }: Take, keyword = 'BC-US--Story 1stLd-Writethru'): string {
  return `\x16\x16\x01W2870\x1fasian\r\n${header}${format} ${keyword}   11-13 0590\r\n\x02${text.join('\r\n')}\r\n\t   \x03${trailer}\r\n\x0c\r\n\x04`;
}

function feedOf(text: string): ParsedFeed {
  const outcome = parseAnpa(text);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed;
}

function itemOf(t: Take, keyword?: string): WireItem {
  const item = feedOf(take(t, keyword)).items[0];
  if (!item) throw new Error('no item');
  return item;
}

const AP_TEXT = [
  '^BC-US--Story, 1st Ld-Writethru,127<',
  '^$210 lobster is found dead<',
  '^AP Photo XNP101<',
  '^Eds: Changes headline.<',
  '^By PAUL BYRNE and ALMUDENA CALATRAVA=',
  '^Associated Press=',
  '\t   CHATHAM, Mass. (AP) _ A lobster died. ',
  ' ',
  "\t   ``It was big,'' he said.<",
];

describe('parseAnpa', () => {
  it('reads the header, heading lines, paragraphs and trailer of an AP take', () => {
    const item = itemOf({ text: AP_TEXT });
    expect(item).toEqual({
      guid: 'BC-US--Story',
      title: '$210 lobster is found dead',
      bodyText: "CHATHAM, Mass. (AP) _ A lobster died.\n\n``It was big,'' he said.",
      bodyHtml: undefined,
      author: 'PAUL BYRNE and ALMUDENA CALATRAVA',
      published: '2013-11-13T15:09:00.000Z',
      categories: ['priority:r', 'category:a'],
      agency: 'AP',
      version: 2,
      pubStatus: undefined,
      signals: ['update'],
    });
  });

  it.each([
    ['BC-US--Story', undefined, undefined],
    ['BC-US--Story Correction', undefined, ['correction']],
    ['BC-US--Story 2ndLd-Writethru', 3, ['update']],
    ['BC-US--Story Kill', undefined, ['kill']],
  ])('keyword line %j gives version %s and signals %j', (keyword, version, signals) => {
    expect(itemOf({ text: AP_TEXT }, keyword)).toMatchObject({ version, signals });
  });

  it('cancels a killed take', () => {
    expect(itemOf({ text: AP_TEXT }, 'BC-US--Story Kill').pubStatus).toBe('canceled');
  });

  it('maps priority and category codes to categories', () => {
    expect(itemOf({ header: 'f l', text: AP_TEXT }).categories).toEqual(['priority:f', 'category:l']);
  });

  it('keeps a tabular take (DC4) as preformatted text', () => {
    const item = itemOf({ format: '\x14\x12', text: ['^BC-WEA--Weather,<', '\t   City;Min;Max<', '\t   Athens;60;69<'] }, 'BC-WEA--Weather');
    expect(item).toMatchObject({ title: '', bodyText: 'City;Min;Max\nAthens;60;69', bodyHtml: '<pre>City;Min;Max\nAthens;60;69</pre>' });
  });

  it('reads a list take whose lines are all headings as headline and body', () => {
    const item = itemOf({ text: ['^*9006< ^AP-Top-Headlines,0176<', '^AP Top News at 11:23 p.m. EST<', '^First story', '^Second story'] }, 'AP-Top-Headlines');
    expect(item).toMatchObject({ title: 'AP Top News at 11:23 p.m. EST', bodyText: 'First story\n\nSecond story' });
  });

  it('reads every take of a file, one item each', () => {
    const feed = feedOf(take({ text: AP_TEXT }, 'BC-A') + take({ text: AP_TEXT }, 'BC-B'));
    expect(feed.items.map((i) => i.guid)).toEqual(['BC-A', 'BC-B']);
  });

  it('rejects a take cut off inside the file, fails a file cut off in its last take', () => {
    const cut = take({ text: AP_TEXT }, 'BC-A').replace('\x03', '');
    expect(feedOf(cut + take({ text: AP_TEXT }, 'BC-B')).rejected).toEqual([{ index: 0, reason: 'item could not be read: take is cut off (no ETX)' }]);
    expect(parseAnpa(take({ text: AP_TEXT }).slice(0, 120))).toEqual({ kind: 'failed', error: 'parse/anpa: truncated (take 1 has no ETX)' });
  });

  it('is detected from its framing, through windows-1252 decoding', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode(take({ text: AP_TEXT })), 0xe9]);
    expect(detectFormat(take({ text: AP_TEXT }))).toBe('anpa');
    expect(parseFeed(bytes)).toMatchObject({ kind: 'ok', feed: { format: 'anpa' } });
    expect(detectFormat('\x01garbage\r\n')).toBeUndefined();
  });

  it('never throws on mutated contract fixtures', () => {
    const fixture = new Uint8Array(readFileSync(new URL('testdata/contract.anpa', import.meta.url)));
    fc.assert(fc.property(fc.nat(), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 12 }), (at, length, insert) => {
      const pos = at % fixture.length;
      const outcome = parseFeed(Uint8Array.from([...fixture.subarray(0, pos), ...insert, ...fixture.subarray(pos + length)]));
      expect(outcome.kind === 'ok' || /^parse(\/[\w-]+)?: (?!unexpected error)/.test(outcome.error)).toBe(true);
    }), { numRuns: 300 });
  });
});
