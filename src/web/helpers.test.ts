// Small pure helpers of the web layer.
import { describe, expect, it } from 'vitest';
import { truncateAtWord } from './text.ts';
import { articlePath, safeImageUrl, slugifyAgency } from './urls.ts';
import { parsePageParam } from './pagination.ts';
import { etagMatches } from './http-cache.ts';
import { isBot } from './view-counter.ts';
import { jsonForScript } from './views/head.tsx';
import { testConfig } from './testing/web-fixtures.ts';

describe('truncateAtWord', () => {
  it.each([
    ['short text', 75, 'short text'],
    ["China's acquisition of foreign technology companies aimed at military modernization: Report", 75, "China's acquisition of foreign technology companies aimed at military…"],
    ['one two three', 8, 'one two…'],
    ['Supercalifragilisticexpialidocious word', 10, 'Supercalif…'],
    ['trailing, punctuation; here and more', 23, 'trailing, punctuation…'],
    ['  spaces\n\tcollapse  ', 75, 'spaces collapse'],
  ])('%j at %i', (text, max, want) => {
    expect(truncateAtWord(text, max)).toBe(want);
    expect(truncateAtWord(text, max).length).toBeLessThanOrEqual(max + 1);
  });
});

describe('urls', () => {
  it.each([
    ['PTI', 'pti'],
    ['Reuters', 'reuters'],
    ['UN News', 'un-news'],
    ['Agence France-Presse', 'agence-france-presse'],
    ['Éditions Régionales', 'editions-regionales'],
    ['  PR Newswire!  ', 'pr-newswire'],
    ['新华社', '新华社'],
  ])('slugifies agency %j as %j', (name, slug) => {
    expect(slugifyAgency(name)).toBe(slug);
  });

  it('builds the canonical article path', () => {
    expect(articlePath({ id: 7, sector: 'health', slug: 'a-b' })).toBe('/article/health/7-a-b');
    expect(articlePath({ id: 7, sector: 'health', slug: '' })).toBe('/article/health/7');
  });

  it.each([
    ['https://img.example/a.jpg', 'https://img.example/a.jpg'],
    ['/media/a.jpg', 'https://news.example/media/a.jpg'],
    ['//evil.example/a.jpg', undefined],
    ['javascript:alert(1)', undefined],
    ['data:image/png;base64,xx', undefined],
  ])('image URL %j → %j', (url, want) => {
    expect(safeImageUrl(testConfig().site, url)).toBe(want);
  });
});

describe('parsePageParam', () => {
  it.each([
    [undefined, { kind: 'ok', page: 1 }],
    ['2', { kind: 'ok', page: 2 }],
    ['1', { kind: 'redirect-first' }],
    ['0', { kind: 'bad' }],
    ['-3', { kind: 'bad' }],
    ['02', { kind: 'bad' }],
    ['1e3', { kind: 'bad' }],
    ['', { kind: 'bad' }],
    ['9999999', { kind: 'bad' }],
    [['2', '3'], { kind: 'bad' }],
  ])('%j → %j', (raw, want) => {
    expect(parsePageParam(raw)).toEqual(want);
  });
});

describe('etagMatches', () => {
  it.each([
    ['W/"abc"', 'W/"abc"', true],
    ['"abc"', 'W/"abc"', true],
    ['W/"x", W/"abc"', 'W/"abc"', true],
    ['*', 'W/"abc"', true],
    ['W/"abcd"', 'W/"abc"', false],
  ])('%s vs %s', (header, etag, want) => {
    expect(etagMatches(header, etag)).toBe(want);
  });
});

describe('isBot', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', true],
    ['Mozilla/5.0 (compatible; bingbot/2.0)', true],
    ['curl/8.5.0', true],
    ['Wget/1.21', true],
    ['python-requests/2.31', true],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36', true],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1', false],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0', false],
  ])('%j → %j', (ua, want) => {
    expect(isBot(ua)).toBe(want);
  });
});

describe('jsonForScript', () => {
  it('cannot be closed early by a </script> in the data', () => {
    const out = jsonForScript({ a: '</script><script>alert(1)</script>', b: '\u2028' });
    expect(out).not.toContain('<');
    expect(JSON.parse(out)).toEqual({ a: '</script><script>alert(1)</script>', b: '\u2028' });
  });
});
