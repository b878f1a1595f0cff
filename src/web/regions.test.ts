import { describe, expect, it } from 'vitest';
import { GLOBAL_REGION, regionName, regionsOf } from './regions.ts';

describe('regionName', () => {
  it('names a country by its English name, the same on every call', () => {
    expect(regionName('IN')).toBe('India');
    expect(regionName('IN')).toBe('India');
    expect(regionName('FJ')).toBe('Fiji');
  });

  it('says Global for no country or a code that is not one', () => {
    expect(regionName(undefined)).toBe(GLOBAL_REGION);
    expect(regionName('')).toBe(GLOBAL_REGION);
    expect(regionName('not a code')).toBe(GLOBAL_REGION);
    expect(regionName('not a code')).toBe(GLOBAL_REGION);
  });

  it('maps each story to its first country’s name, else Global', () => {
    expect([...regionsOf([1, 2, 3], new Map([[1, 'DE'], [3, 'XK']]))]).toEqual([[1, 'Germany'], [2, GLOBAL_REGION], [3, 'Kosovo']]);
  });
});
