// parseFeed must return a value for any input: never throw, never hang.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseOutcome } from '../../domain/wire-item.ts';
import { parseFeed } from './index.ts';

const FIXTURES = ['rss/testdata/contract-rss2.xml', 'rss/testdata/contract-rdf.xml', 'atom/testdata/contract.atom', 'jsonfeed/testdata/contract.json']
  .map((path) => new Uint8Array(readFileSync(new URL(path, import.meta.url))));

const TOKENS = [
  '<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="utf-16"?>', '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>',
  '<rss version="2.0">', '</rss>', '<channel>', '</channel>', '<item>', '</item>', '<title>', '</title>', '<link>', '</link>',
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', '</rdf:RDF>', '<feed xmlns="http://www.w3.org/2005/Atom">',
  '</feed>', '<entry>', '</entry>', '<content type="xhtml">', '<content type="html">', '</content>', '<div>', '</div>',
  '<media:content url="/x.jpg" medium="image"/>', '<pubDate>', '</pubDate>', 'Fri, 01 Mar 2024 10:00:00 GMT', '2024-13-45T99:99',
  'text', ' ', '\n', '&amp;', '&nbsp;', '&#0;', '&#xFFFFFF;', '&a;', '<![CDATA[', ']]>', '<!--', '-->', '<', '>', '"', "'",
  '{', '}', '[', ']', ':', ',', '"version": "https://jsonfeed.org/version/1.1"', '"items"', '"title"', '"url"', 'null', '1e999',
];

function expectValue(outcome: ParseOutcome): void {
  expect(['ok', 'failed']).toContain(outcome.kind);
  // parseFeed's last-resort catch would hide a parser that throws; that must never be needed.
  if (outcome.kind === 'failed') expect(outcome.error).toMatch(/^parse(\/[\w-]+)?: (?!unexpected error)/);
  else for (const item of outcome.feed.items) {
    expect(typeof item.title).toBe('string');
    if (item.published !== undefined) expect(Number.isNaN(Date.parse(item.published))).toBe(false);
  }
}

describe('parseFeed never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => expectValue(parseFeed(bytes))), { numRuns: 400 });
  });

  it('on arbitrary strings, with or without a content type', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 512 }), fc.option(fc.string({ maxLength: 40 })), (text, contentType) =>
      expectValue(parseFeed(new TextEncoder().encode(text), contentType === null ? undefined : { contentType }))), { numRuns: 400 });
  });

  it('on feed-like token soup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }), (tokens) =>
      expectValue(parseFeed(new TextEncoder().encode(tokens.join(''))))), { numRuns: 600 });
  });

  it('on mutated real fixtures (cut, overwritten, spliced)', () => {
    const mutation = fc.record({
      fixture: fc.constantFrom(...FIXTURES),
      at: fc.nat(),
      length: fc.nat({ max: 64 }),
      insert: fc.uint8Array({ maxLength: 16 }),
      cut: fc.boolean(),
    });
    fc.assert(fc.property(mutation, ({ fixture, at, length, insert, cut }) => {
      const pos = at % (fixture.length + 1);
      const bytes = cut
        ? fixture.subarray(0, pos)
        : Uint8Array.from([...fixture.subarray(0, pos), ...insert, ...fixture.subarray(Math.min(fixture.length, pos + length))]);
      expectValue(parseFeed(bytes));
    }), { numRuns: 600 });
  });
});
