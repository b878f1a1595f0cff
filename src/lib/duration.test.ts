import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it.each([
    ['90', 90], ['30s', 30], ['5m', 300], ['1h', 3600], ['1d', 86400], [' 2M ', 120], ['1.5h', 5400],
    ['', undefined], ['0', undefined], ['5x', undefined], ['-5m', undefined], ['m', undefined],
  ])('%j -> %j', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });
});
