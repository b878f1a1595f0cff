import { describe, expect, it } from 'vitest';
import { computeRhythm } from './source-rhythm.ts';
import { sourceStatus } from '../domain/source.ts';

const NOW = new Date('2026-11-29T12:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

describe('computeRhythm', () => {
  it('takes the median gap between distinct times and counts the last 24 h', () => {
    // Bursts of two at 0, 10, 30, 60 and 25 h ago: gaps 10, 20, 30 and 1440 minutes.
    const times = [ago(0), ago(0), ago(10), ago(10), ago(30), ago(60), ago(1500)];
    expect(computeRhythm(times, NOW, 200)).toEqual({ itemsPerDay: 6, medianGapSeconds: 25 * 60, lastItemAt: ago(0) });
  });

  it('extrapolates a full sample that spans less than a day', () => {
    const times = Array.from({ length: 10 }, (_, i) => ago(i * 6)); // 10 items over 54 min
    expect(computeRhythm(times, NOW, 10)).toMatchObject({ itemsPerDay: Math.round((10 * 1440) / 54), medianGapSeconds: 360 });
  });

  it('knows no gap with fewer than two distinct times', () => {
    expect(computeRhythm([], NOW, 200)).toEqual({ itemsPerDay: 0, medianGapSeconds: null, lastItemAt: null });
    expect(computeRhythm([ago(5), ago(5)], NOW, 200)).toEqual({ itemsPerDay: 2, medianGapSeconds: null, lastItemAt: ago(5) });
  });
});

describe('sourceStatus', () => {
  const base = { consecutiveFailures: 0, lastFetchedAt: ago(1), rhythm: { itemsPerDay: 10, medianGapSeconds: 30 * 60, lastItemAt: ago(80) } };
  it.each([
    ['polled and publishing on rhythm', base, 'ok'],
    ['failing wins over everything', { ...base, consecutiveFailures: 2 }, 'failing'],
    ['never polled', { ...base, lastFetchedAt: null }, 'pending'],
    ['silent for over 3x its 30 min gap', { ...base, rhythm: { ...base.rhythm, lastItemAt: ago(91) } }, 'quiet'],
    ['a 5 min rhythm is not quiet within the first hour', { ...base, rhythm: { ...base.rhythm, medianGapSeconds: 300, lastItemAt: ago(59) } }, 'ok'],
    ['a 5 min rhythm is quiet after an hour', { ...base, rhythm: { ...base.rhythm, medianGapSeconds: 300, lastItemAt: ago(61) } }, 'quiet'],
    ['no known rhythm is never quiet', { ...base, rhythm: { itemsPerDay: 0, medianGapSeconds: null, lastItemAt: ago(5000) } }, 'ok'],
  ] as const)('%s', (_name, source, expected) => {
    expect(sourceStatus(source, NOW)).toBe(expected);
  });
});
