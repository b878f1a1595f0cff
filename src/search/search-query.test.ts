import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_TERMS, parseSearchQuery } from './search-query.ts';
import { toFts5Query } from './sqlite-search.ts';

const fts = (q: string) => {
  const parsed = parseSearchQuery(q);
  return parsed ? toFts5Query(parsed) : undefined;
};

describe('parseSearchQuery, as FTS5 syntax', () => {
  it.each([
    ['monsoon floods', '"monsoon" AND "floods"'],
    ['"central bank" rates', '"central bank" AND "rates"'],
    ['cricket OR football', '("cricket" OR "football")'],
    ['a b OR c d', '("b" OR "c") AND "d"'],
    ['mumbai -cricket -"test match"', '("mumbai") NOT ("cricket" OR "test match")'],
    ['vacc*', '"vacc" *'],
    ['"unbalanced phrase', '"unbalanced phrase"'],
    ['NEAR(x y)', '"NEAR" AND "x" AND "y"'],
    ['say "AND" today', '"say" AND "today"'],
    ['x"y', '"x" AND "y"'],
    ['he said "rain""fall"', '"said" AND "rain" AND "fall"'],
    ['-foo OR bar', '("bar") NOT ("foo")'],
    ['bar OR -foo', '("bar") NOT ("foo")'],
    ['covid-19', '"covid-19"'],
    ['"quote""inside"', '"quote" AND "inside"'],
    ['a:b', '"a:b"'],
    ['भारत चुनाव', '"भारत" AND "चुनाव"'],
  ])('%j → %s', (q, expected) => {
    expect(fts(q)).toBe(expected);
  });

  it.each(['', '  ', 'the and of', '-only -exclusions', '* - ( ) " |', 'OR OR', '😀 🗞️', '\u0000\u0001'])('%j has nothing to search', (q) => {
    expect(parseSearchQuery(q)).toBeUndefined();
  });

  it(`keeps at most ${MAX_TERMS} terms`, () => {
    const q = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(parseSearchQuery(q)?.clauses).toHaveLength(MAX_TERMS);
  });

  it('puts every reader character inside an FTS5 string, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (q) => {
        const out = fts(q);
        if (out === undefined) return;
        // Outside the quoted strings only our own operators, parentheses, spaces and `*`.
        const outside = out.replace(/"(?:[^"]|"")*"/g, '');
        expect(outside).toMatch(/^(?:AND|OR|NOT|[()* ])*$/);
      }),
      { numRuns: 2000 },
    );
  });
});
