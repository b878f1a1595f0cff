import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shotSummary, SHOT_MAX_WORDS } from './shot-summary.ts';
import { collapseWhitespace, findSentenceEnds, splitWords } from './text.ts';

const words = (s: string) => splitWords(s).length;
const sixty = (word: string) => Array.from({ length: 70 }, () => word).join(' ');

describe('shotSummary', () => {
  it.each([
    ['short text stays whole', 'Floods hit Assam', 'Floods hit Assam'],
    ['whole sentences that fit', 'One two three. Four five six.', 'One two three. Four five six.'],
    ['drops the sentence that does not fit', `Rains lash Mumbai. More ${sixty('more')} words.`, 'Rains lash Mumbai.'],
    ['"U.S." before a name is no end', `The U.S. Treasury met Dr. Rao on Monday. ${sixty('Xi')}.`, 'The U.S. Treasury met Dr. Rao on Monday.'],
    ['decimals are no end', `Growth was 3.5 per cent in the quarter. ${sixty('Yes')}.`, 'Growth was 3.5 per cent in the quarter.'],
    ['a text cut upstream ends at its last whole sentence', 'Officials met today. The talks, which ran late into…', 'Officials met today.'],
  ])('%s', (_name, input, expected) => {
    expect(shotSummary(input)).toBe(expected);
  });

  it('falls back to a clause, then to words, when the first sentence is longer than 60 words', () => {
    const clause = `Ministers from eleven countries agreed on the new water plan, ${sixty('and')} more.`;
    expect(shotSummary(clause)).toBe('Ministers from eleven countries agreed on the new water plan…');
    const noBreaks = `${sixty('word')}.`;
    expect(shotSummary(noBreaks)).toBe(`${Array.from({ length: 60 }, () => 'word').join(' ')}…`);
  });

  // Sentences from words that trip naive splitters: abbreviations, initials, decimals.
  const word = fc.constantFrom('the', 'minister', 'said', 'Dr.', 'Mr.', 'U.S.', 'p.m.', '3.5', '1,200', 'Delhi', 'Jan.', 'J.', 'water', 'talks,', 'plan;', 'e.g.');
  const sentence = fc
    .tuple(fc.constantFrom('Officials', 'The', 'Rains', 'India', 'A'), fc.array(word, { minLength: 1, maxLength: 80 }), fc.constantFrom('.', '!', '?', '."'))
    .map(([first, rest, end]) => `${first} ${rest.join(' ')}${end}`);
  const story = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((s) => s.join(' '));

  it('property: at most 60 words, a prefix of the text, ending on a sentence boundary or, only when the first sentence is too long, on "…"', () => {
    fc.assert(
      fc.property(story, (text) => {
        const out = shotSummary(text);
        const clean = collapseWhitespace(text);
        expect(words(out)).toBeLessThanOrEqual(SHOT_MAX_WORDS);
        expect(out.length).toBeGreaterThan(0);
        const ends = findSentenceEnds(clean);
        if (out.endsWith('…')) {
          expect(clean.startsWith(out.slice(0, -1))).toBe(true);
          // The fallback only when no sentence end lies within the first 60 words.
          const firstEnd = ends[0] ?? clean.length;
          expect(words(clean.slice(0, firstEnd))).toBeGreaterThan(SHOT_MAX_WORDS);
        } else {
          expect(clean.startsWith(out)).toBe(true);
          expect(out === clean || ends.includes(out.length)).toBe(true);
          // Never cut after an abbreviation or initial, whatever follows.
          if (out !== clean) expect(out).not.toMatch(/(?:Dr|Mr|Jan|U\.S|p\.m|e\.g|J)\.$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: any text gives at most 60 words and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        expect(words(shotSummary(text))).toBeLessThanOrEqual(SHOT_MAX_WORDS);
      }),
      { numRuns: 300 },
    );
  });
});
