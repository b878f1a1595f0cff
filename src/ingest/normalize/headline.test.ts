import { describe, expect, it } from 'vitest';
import { cleanHeadline, headlineFromText } from './headline.ts';

describe('cleanHeadline', () => {
  it.each([
    ['Putin meets with China&#8217;s defence minister', 'Putin meets with China’s defence minister'],
    ['<b>Breaking</b>:  Markets\n  fall', 'Breaking: Markets fall'],
    ['Tom &amp;amp; Jerry', 'Tom & Jerry'],
    ['1 &lt; 2', '1 < 2'],
    ['   ', ''],
  ])('%j -> %j', (title, expected) => {
    expect(cleanHeadline(title)).toBe(expected);
  });

  it('caps absurdly long titles', () => {
    expect(cleanHeadline('word '.repeat(200)).length).toBeLessThanOrEqual(300);
  });
});

describe('headlineFromText', () => {
  it.each([
    ['Putin met Li on Sunday. More follows.', 'Putin met Li on Sunday'],
    ['Is it over? Not yet.', 'Is it over?'],
    ['Russian President Vladimir Putin met with China\'s defence minister on Sunday, underscoring ties.', 'Russian President Vladimir Putin met with China\'s defence minister on Sunday, underscoring…'],
    ['No punctuation at all', 'No punctuation at all'],
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(headlineFromText(text)).toBe(expected);
  });
});
