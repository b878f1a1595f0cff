import { describe, expect, it } from 'vitest';
import { leadOf, summarize } from './summary.ts';

const words = (n: number, word = 'word'): string => Array.from({ length: n }, () => word).join(' ');

describe('summarize', () => {
  const headline = 'Putin meets with China\'s defence minister in Moscow';
  it.each([
    ['uses a real feed summary', '<p>Russian President Vladimir Putin met with <b>China&#8217;s</b> defence minister on Sunday.</p>', '<p>Body.</p>',
      'Russian President Vladimir Putin met with China’s defence minister on Sunday.'],
    ['strips a dateline from the feed summary', 'MOSCOW, April 16 (Reuters) - Russian President Vladimir Putin met Li.', '',
      'Russian President Vladimir Putin met Li.'],
    ['skips a summary that copies the headline', 'Putin meets with China’s defence minister in Moscow', '<p>From the body.</p>', 'From the body.'],
    ['skips a headline plus agency', 'Putin meets with China\'s defence minister in Moscow - Reuters', '<p>From the body.</p>', 'From the body.'],
    ['skips "Read more…"', '<a href="/x">Read more…</a>', '<p>From the body.</p>', 'From the body.'],
    ['drops WordPress furniture', '<p>Lead text here.</p><p>The post Putin meets Li appeared first on Example News.</p>', '', 'Lead text here.'],
    ['drops "[…]"', 'Lead text here and more [&#8230;]', '', 'Lead text here and more'],
    ['joins body paragraphs with a space', undefined, '<p>First paragraph.</p>\n<p>Second one.</p>', 'First paragraph. Second one.'],
    ['strips a dateline from the body lead', undefined, '<p>Moscow, Apr 16 (PTI) Russian text.</p>', 'Russian text.'],
    ['empty everything', undefined, '', ''],
  ])('%s', (_name, feedSummary, body, expected) => {
    expect(summarize(feedSummary, headline, body)).toBe(expected);
  });

  it('takes a long lead from the body, cut on a sentence', () => {
    const first = `Russian President Vladimir Putin met with China's defence minister on Sunday, underscoring Beijing's strengthening engagement with Moscow, with which it has largely aligned its foreign policy in an attempt to diminish the influence of the United States and other Western democracies.`;
    const second = 'Putin and Russian Defence Minister Sergei Shoigu met with Gen Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.';
    expect(summarize(undefined, headline, `<p>${first}</p>\n<p>${second}</p>`)).toBe(first);
  });
});

describe('leadOf', () => {
  it.each([
    ['short text stays whole', 'One. Two.', 'One. Two.'],
    ['cuts at the last sentence within 60 words', `${words(20)}. Word ${words(29)}. Word ${words(19)}.`, `${words(20)}. Word ${words(29)}.`],
    ['a lower-case word after a full stop does not start a sentence', `${words(20)}. ${words(50)}`, `${words(20)}. ${words(40)}…`],
    ['cuts at a word with … when no sentence fits', words(70), `${words(60)}…`],
    ['ignores a too-short first sentence', `Short one. ${words(70)}`, `Short one. ${words(58)}…`],
    ['does not cut at abbreviations', `${words(15)} U.S. ${words(50)}`, `${words(15)} U.S. ${words(44)}…`],
    ['collapses whitespace', '  a \n b ', 'a b'],
  ])('%s', (_name, text, expected) => {
    expect(leadOf(text)).toBe(expected);
  });

  it('never exceeds 60 words', () => {
    for (const text of [words(61), `${words(59)}. ${words(10)}`, `${words(10)}. ${words(100)}`]) {
      expect(leadOf(text).split(' ').length).toBeLessThanOrEqual(60);
    }
  });
});
