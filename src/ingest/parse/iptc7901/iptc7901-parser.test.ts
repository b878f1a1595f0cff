import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed, WireItem } from '../../../domain/wire-item.ts';
import { detectFormat, parseFeed } from '../index.ts';
import { parseIptc7901 } from './iptc7901-parser.ts';

// SOH header, keyword line, STX heading ` =`, text, ETX trailer, DEL DEL EOT, as dpa sends them.
function message(heading: readonly string[], text: readonly string[], header = 'eca062 4 i 211 ccccb   dpa 061', keyword = 'Germany-politics/'): string {
  return `\x01${header}\r\n\r\n${keyword}\r\n\x02${heading.join('\r\n')}\r\n\r\n${text.join('\r\n')}\r\n\x03131137 GMT Nov 13 \r\n\x7f\r\n\x7f\x04`;
}

function feedOf(text: string): ParsedFeed {
  const outcome = parseIptc7901(text);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed;
}

function itemOf(heading: readonly string[], text: readonly string[], header?: string): WireItem {
  const item = feedOf(message(heading, text, header)).items[0];
  if (!item) throw new Error('no item');
  return item;
}

const TEXT = [
  '   Berlin (dpa) - Negotiations between German conservatives headed by',
  'Chancellor Angela Merkel could fail.',
  '',
  '   "One cannot yet say," Stegner told dpa.',
  '',
  '# dpa NOTEBOOK',
  '',
  'The following information is not for publication',
  '',
  'dpa wsz jln npr',
];

describe('parseIptc7901', () => {
  it('reads header, keyword, headline and wrapped paragraphs, stopping at the dpa notebook', () => {
    expect(itemOf(['Germany Social Democrats: Coalition talks could fail ='], TEXT)).toEqual({
      guid: 'Germany-politics',
      title: 'Germany Social Democrats: Coalition talks could fail',
      bodyText: 'Berlin (dpa) - Negotiations between German conservatives headed by Chancellor Angela Merkel could fail.\n\n"One cannot yet say," Stegner told dpa.',
      author: undefined,
      categories: ['priority:4', 'category:i'],
      agency: 'dpa',
      version: undefined,
      pubStatus: undefined,
      signals: undefined,
    });
  });

  it('drops the editors\' initials that end a text without a notebook', () => {
    expect(itemOf(['Headline ='], ['Para one.', '', 'dpa grj rmo']).bodyText).toBe('Para one.');
  });

  it('reads take keys before the headline and a byline after it', () => {
    const item = itemOf(['REFILE', '1ST LEAD', 'Switzerland joins list of countries', 'By dpa correspondents ='], ['Text.'], 'eca0003 3 i 380  dpa 0045');
    expect(item).toMatchObject({ title: 'Switzerland joins list of countries', author: 'dpa correspondents', version: 2, signals: ['update'], categories: ['priority:3', 'category:i'] });
  });

  it.each([
    [['CORRECTION', 'Headline ='], ['correction']],
    [['(Achtung)', 'Impressum ='], undefined],
    [['EXTRA', 'Peace talks ='], undefined],
  ])('take key %j gives signals %j', (heading, signals) => {
    expect(itemOf(heading, ['Text.']).signals).toEqual(signals);
  });

  it('finds the originator among the header fields', () => {
    expect(itemOf(['H ='], ['T.'], 'ecp0007 4 s 850  dpa-tns 0908').agency).toBe('dpa');
    expect(itemOf(['H ='], ['T.'], 'xyz0001 4 s 850  acme 0001').agency).toBeUndefined();
  });

  it('leaves the date undefined: the trailer has no year', () => {
    expect(itemOf(['H ='], ['T.']).published).toBeUndefined();
  });

  it('reads windows-1252 text', () => {
    const bytes = new Uint8Array(Buffer.from(message(['H ='], ['Thomas Müller.']), 'latin1'));
    const outcome = parseFeed(bytes);
    if (outcome.kind !== 'ok') throw new Error(outcome.error);
    expect(outcome.feed.items[0]?.bodyText).toContain('Müller');
  });

  it('reads every message of a file; fails a file cut off in its last message', () => {
    expect(feedOf(message(['A ='], ['a']) + message(['B ='], ['b'])).items.map((i) => i.title)).toEqual(['A', 'B']);
    expect(parseIptc7901(message(['A ='], ['a']).slice(0, 60))).toEqual({ kind: 'failed', error: 'parse/iptc7901: truncated (message 1 has no ETX)' });
  });

  it('is detected from its framing and header, not confused with ANPA-1312', () => {
    expect(detectFormat(message(['H ='], ['T.']))).toBe('iptc7901');
  });

  it('never throws on mutated contract fixtures', () => {
    const fixture = new Uint8Array(readFileSync(new URL('testdata/contract.txt', import.meta.url)));
    fc.assert(fc.property(fc.nat(), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 12 }), (at, length, insert) => {
      const pos = at % fixture.length;
      const outcome = parseFeed(Uint8Array.from([...fixture.subarray(0, pos), ...insert, ...fixture.subarray(pos + length)]));
      expect(outcome.kind === 'ok' || /^parse(\/[\w-]+)?: (?!unexpected error)/.test(outcome.error)).toBe(true);
    }), { numRuns: 300 });
  });
});
