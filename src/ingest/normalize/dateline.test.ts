import { describe, expect, it } from 'vitest';
import { matchDateline, parseDeclaredDateline, stripBodyDateline, stripTextDateline, tidyCity } from './dateline.ts';

type Case = readonly [text: string, city: string | undefined, agency: string | undefined, rest: string];

describe('matchDateline', () => {
  it.each<Case>([
    ['MOSCOW, April 16 (Reuters) - Russian President Vladimir Putin', 'Moscow', 'Reuters', 'Russian President Vladimir Putin'],
    ['Moscow, Apr 16 (PTI) Russian President Vladimir Putin', 'Moscow', 'PTI', 'Russian President Vladimir Putin'],
    ['NEW DELHI, Jan 3 (IANS) - The Centre on Tuesday', 'New Delhi', 'IANS', 'The Centre on Tuesday'],
    ['GENEVA (AP) — The World Health Organization', 'Geneva', 'AP', 'The World Health Organization'],
    ['Washington, DC, March 2, 2024 (AFP) -- US officials said', 'Washington', 'AFP', 'US officials said'],
    ['London (dpa) - British lawmakers', 'London', 'dpa', 'British lawmakers'],
    ['UNITED NATIONS, Nov 4 (UN News) The Secretary-General', 'United Nations', 'UN News', 'The Secretary-General'],
    ['New Delhi [India], April 16 (ANI): Union Minister', 'New Delhi', 'ANI', 'Union Minister'],
    ['KYIV, Ukraine (AP) — Ukrainian forces', 'Kyiv', 'AP', 'Ukrainian forces'],
    ['DAR ES SALAAM, Tanzania (Reuters) - Tanzania\'s central bank', 'Dar es Salaam', 'Reuters', 'Tanzania\'s central bank'],
    ['LONDON/NEW YORK, April 16 (Reuters) - Global stocks', 'London', 'Reuters', 'Global stocks'],
    ['(Reuters) - Apple Inc said on Monday', undefined, 'Reuters', 'Apple Inc said on Monday'],
    ['BEIJING, 5 March 2024 — China set a growth target', 'Beijing', undefined, 'China set a growth target'],
    ['PORT-AU-PRINCE (AP) — Haiti\'s prime minister', 'Port-au-Prince', 'AP', 'Haiti\'s prime minister'],
    ['WASHINGTON — The Senate voted', 'Washington', undefined, 'The Senate voted'],
    ['SYDNEY, Feb. 5 (Reuters) - Australia', 'Sydney', 'Reuters', 'Australia'],
    ['Mumbai, May 5 (PTI) Shares of', 'Mumbai', 'PTI', 'Shares of'],
    ['RIO DE JANEIRO, Sept 3 (Reuters) - Brazil', 'Rio de Janeiro', 'Reuters', 'Brazil'],
    ['THE HAGUE (Reuters) - Judges at', 'The Hague', 'Reuters', 'Judges at'],
    ['Kathmandu, Oct 12 (Xinhua) -- Nepal', 'Kathmandu', 'Xinhua', 'Nepal'],
    ['ST. LOUIS (AP) — A jury', 'St. Louis', 'AP', 'A jury'],
    ['NEW DELHI: The government on Friday', 'New Delhi', undefined, 'The government on Friday'],
    ['ABUJA, Nigeria (Premium Agency) - Officials', 'Abuja', 'Premium Agency', 'Officials'],
    ['SEOUL, July 4 -- North Korea fired', 'Seoul', undefined, 'North Korea fired'],
  ])('%j', (text, city, agency, rest) => {
    const match = matchDateline(text);
    expect(match).toBeDefined();
    expect(match?.city).toBe(city);
    expect(match?.agency).toBe(agency);
    expect(text.slice(match?.length)).toBe(rest);
  });

  it.each([
    'WASHINGTON state officials said on Monday',
    'Washington state officials said',
    'Moscow, Russia\'s capital, is',
    'Officials in Moscow (Reuters) said',
    'Apple (AAPL.O) shares rose',
    'Putin (right) meets Xi',
    'EXCLUSIVE - Apple plans to',
    'BREAKING: Earthquake hits',
    'US — China trade talks',
    'The company said on Monday',
    'New Delhi, Jan 3 the government said',
    'NATO (North Atlantic Treaty Organization) said',
    'Russian President Vladimir Putin met',
    '',
  ])('no dateline in %j', (text) => {
    expect(matchDateline(text)).toBeUndefined();
  });
});

describe('tidyCity', () => {
  it.each([
    ['NEW DELHI', 'New Delhi'],
    ['DAR ES SALAAM', 'Dar es Salaam'],
    ['PORT-AU-PRINCE', 'Port-au-Prince'],
    ["N'DJAMENA", "N'Djamena"],
    ['Moscow', 'Moscow'],
    ['McALLEN', 'McALLEN'],
    ['LONDON/PARIS', 'London'],
    ['WASHINGTON DC', 'Washington DC'],
  ])('%j -> %j', (raw, expected) => {
    expect(tidyCity(raw)).toBe(expected);
  });
});

describe('parseDeclaredDateline', () => {
  it.each([
    ['MOSCOW, April 16', { city: 'Moscow' }],
    ['NEW DELHI', { city: 'New Delhi' }],
    ['Kathmandu, Nepal', { city: 'Kathmandu' }],
    ['GENEVA, Nov 4 (UN News)', { city: 'Geneva', agency: 'UN News' }],
    ['  ', {}],
    [undefined, {}],
  ])('%j', (dateline, expected) => {
    expect(parseDeclaredDateline(dateline)).toEqual(expected);
  });
});

describe('stripTextDateline', () => {
  it('keeps text without a dateline', () => {
    expect(stripTextDateline('WASHINGTON state officials said')).toEqual({ text: 'WASHINGTON state officials said' });
  });
});

describe('stripBodyDateline', () => {
  it.each([
    ['plain first paragraph', '<p>MOSCOW, April 16 (Reuters) - Russian leaders met.</p>\n<p>Two</p>', '<p>Russian leaders met.</p>\n<p>Two</p>'],
    ['dateline in bold', '<p><strong>MOSCOW, April 16 (Reuters) -</strong> Russian <em>leaders</em> met.</p>', '<p>Russian <em>leaders</em> met.</p>'],
    ['dateline alone in its paragraph', '<p>GENEVA (AP) —</p>\n<p>The WHO said.</p>', '<p>The WHO said.</p>'],
    ['escaped characters after it', '<p>London (dpa) - Tom &amp; Jerry &lt;3</p>', '<p>Tom &amp; Jerry &lt;3</p>'],
    ['after a leading figure', '<figure><img src="https://x.example/a.jpg" /><figcaption>Cap</figcaption></figure>\n<p>KYIV (AP) — Text</p>',
      '<figure><img src="https://x.example/a.jpg" /><figcaption>Cap</figcaption></figure>\n<p>Text</p>'],
    ['after an image-only paragraph', '<p><img src="https://x.example/a.jpg" /></p>\n<p>KYIV (AP) — Text</p>', '<p><img src="https://x.example/a.jpg" /></p>\n<p>Text</p>'],
    ['not when a heading comes first', '<h2>KYIV (AP) — Sub</h2>\n<p>Text</p>', '<h2>KYIV (AP) — Sub</h2>\n<p>Text</p>'],
    ['not in a later paragraph', '<p>Intro.</p>\n<p>KYIV (AP) — Text</p>', '<p>Intro.</p>\n<p>KYIV (AP) — Text</p>'],
    ['no dateline', '<p>WASHINGTON state officials said</p>', '<p>WASHINGTON state officials said</p>'],
    ['empty body', '', ''],
  ])('%s', (_name, html, expected) => {
    expect(stripBodyDateline(html).html).toBe(expected);
  });

  it('returns what it found', () => {
    expect(stripBodyDateline('<p>Moscow, Apr 16 (PTI) Russian</p>').dateline).toEqual({ city: 'Moscow', agency: 'PTI', length: 21 });
  });
});
