import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, decodeEntities, findSentenceEnds, foldToAscii, splitWords, truncateChars, truncateWords } from './text.ts';

describe('decodeEntities', () => {
  it.each([
    ['plain', 'plain'],
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['China&#8217;s &#x2014; &mdash; &nbsp;x', 'China’s — — \u00a0x'],
    ['double &amp;#8217; escaped', 'double ’ escaped'],
    ['AT&T and R&D', 'AT&T and R&D'],
    ['Tom&notes', 'Tom&notes'],
    ['&lt;b&gt;', '<b>'],
  ])('%j -> %j', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('collapseWhitespace', () => {
  it.each([
    ['  a \n\t b  ', 'a b'],
    ['a\u00a0\u00a0b', 'a b'],
    ['soft\u00adhyphen zero\u200bwidth', 'softhyphen zerowidth'],
    ['क्\u200dष', 'क्\u200dष'],
    ['bell\u0007', 'bell'],
  ])('%j -> %j', (input, expected) => {
    expect(collapseWhitespace(input)).toBe(expected);
  });

  it('returns what the two replacements and trim return, text already collapsed or not', () => {
    // Every character \s, trim and the invisible class name, and their neighbours.
    const special = [0, 7, 8, 9, 10, 11, 12, 13, 14, 31, 32, 33, 126, 127, 128, 159, 0xa0, 0xa1, 0xad, 0x1680, 0x1fff, 0x2000, 0x2005, 0x200a, 0x200b, 0x200c, 0x200d, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff, 0xfffe];
    const unit = fc.oneof(fc.constantFrom(...special.map((c) => String.fromCharCode(c))), fc.constantFrom('a', 'Z', 'é', ' ', '  '), fc.string({ maxLength: 3, unit: 'binary' }));
    const reference = (text: string) => text.replace(/[\u00ad\u200b\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(collapseWhitespace(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('foldToAscii', () => {
  it.each([
    ['Café à Paris', 'Cafe a Paris'],
    ['Straße Łódź Ærø', 'Strasse Lodz AEro'],
    ['São Tomé and Príncipe', 'Sao Tome and Principe'],
    ['Erdoğan’s “reform”', 'Erdogan\'s "reform"'],
    ['Москва', 'Москва'],
    ['plain ascii', 'plain ascii'],
  ])('%j -> %j', (input, expected) => {
    expect(foldToAscii(input)).toBe(expected);
  });
});

describe('findSentenceEnds', () => {
  const firstSentence = (text: string): string => text.slice(0, findSentenceEnds(text)[0] ?? text.length);
  it.each([
    ['Putin met Li. Then he left.', 'Putin met Li.'],
    ['The U.S. President spoke. Markets rose.', 'The U.S. President spoke.'],
    ['Mr. Modi met Dr. Singh on Jan. 3 in Delhi. More follows.', 'Mr. Modi met Dr. Singh on Jan. 3 in Delhi.'],
    ['He said "we will win." Crowds cheered.', 'He said "we will win."'],
    ['Prices rose 14.5 per cent. Analysts were surprised.', 'Prices rose 14.5 per cent.'],
    ['Is it over? Not yet.', 'Is it over?'],
    ['It cost Rs. 500 crore. Work began.', 'It cost Rs. 500 crore.'],
    ['Wait... Nothing happened', 'Wait... Nothing happened'],
    ['no terminal punctuation', 'no terminal punctuation'],
  ])('%j', (text, expected) => {
    expect(firstSentence(text)).toBe(expected);
  });
  it('includes the end of a text that ends a sentence', () => {
    expect(findSentenceEnds('One. Two.')).toEqual([4, 9]);
  });
});

describe('truncation', () => {
  it('cuts at words with an ellipsis', () => {
    expect(truncateWords('one two three four', 2)).toBe('one two…');
    expect(truncateWords('one two', 2)).toBe('one two');
    expect(truncateWords('one, two, three', 1)).toBe('one…');
  });
  it('cuts characters at a space', () => {
    expect(truncateChars('Jane Doe and John Smith', 12)).toBe('Jane Doe…');
    expect(truncateChars('short', 12)).toBe('short');
    expect(truncateChars('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });
  it('splits words', () => {
    expect(splitWords('  a  b ')).toEqual(['a', 'b']);
    expect(splitWords('   ')).toEqual([]);
  });
});
