import { describe, expect, it } from 'vitest';
import { freshnessSeconds, retryAfterSeconds } from './cache-headers.ts';

const DATE = 'Sun, 29 Nov 2026 10:00:00 GMT';

describe('freshnessSeconds', () => {
  it.each([
    [{ 'cache-control': 'public, max-age=600' }, 600],
    [{ 'cache-control': 'max-age="90"' }, 90],
    [{ 'cache-control': 'max-age=0' }, 0],
    [{ 'cache-control': 'max-age=abc' }, undefined],
    [{ 'cache-control': 'no-cache, max-age=600' }, undefined],
    [{ 'cache-control': 'max-age=60', expires: 'Sun, 29 Nov 2026 11:00:00 GMT', date: DATE }, 60],
    [{ expires: 'Sun, 29 Nov 2026 10:15:00 GMT', date: DATE }, 900],
    [{ expires: 'Sun, 29 Nov 2026 09:00:00 GMT', date: DATE }, undefined],
    [{ expires: '0', date: DATE }, undefined],
    [{}, undefined],
  ])('%j -> %s', (headers, expected) => {
    expect(freshnessSeconds(new Headers(headers))).toBe(expected);
  });
});

describe('retryAfterSeconds', () => {
  const now = Date.parse(DATE);
  it.each([
    ['120', 120],
    ['0', undefined],
    ['-5', undefined],
    ['soon', undefined],
    ['Sun, 29 Nov 2026 10:05:00 GMT', 300],
    ['Sun, 29 Nov 2026 09:55:00 GMT', undefined],
  ])('%s -> %s', (value, expected) => {
    expect(retryAfterSeconds(new Headers({ 'retry-after': value }), now)).toBe(expected);
  });
});
