import { describe, expect, it } from 'vitest';
import { resolveTimes } from './times.ts';

const NOW = new Date('2024-04-17T00:00:00.000Z');

describe('resolveTimes', () => {
  it.each([
    ['both given', '2024-04-16T19:06:00Z', '2024-04-16T20:00:00Z', '2024-04-16T19:06:00.000Z', '2024-04-16T20:00:00.000Z'],
    ['published only', '2024-04-16T19:06:00Z', undefined, '2024-04-16T19:06:00.000Z', '2024-04-16T19:06:00.000Z'],
    ['updated only', undefined, '2024-04-16T20:00:00Z', '2024-04-16T20:00:00.000Z', '2024-04-16T20:00:00.000Z'],
    ['neither', undefined, undefined, '2024-04-17T00:00:00.000Z', '2024-04-17T00:00:00.000Z'],
    ['updated before published', '2024-04-16T20:00:00Z', '2024-04-16T10:00:00Z', '2024-04-16T20:00:00.000Z', '2024-04-16T20:00:00.000Z'],
    ['future by more than a day', '2024-05-01T00:00:00Z', undefined, '2024-04-17T00:00:00.000Z', '2024-04-17T00:00:00.000Z'],
    ['future by less than a day', '2024-04-17T05:00:00Z', undefined, '2024-04-17T05:00:00.000Z', '2024-04-17T05:00:00.000Z'],
    ['unparseable', 'yesterday-ish', undefined, '2024-04-17T00:00:00.000Z', '2024-04-17T00:00:00.000Z'],
    ['epoch zero', '1970-01-01T00:00:00Z', '2024-04-16T20:00:00Z', '2024-04-16T20:00:00.000Z', '2024-04-16T20:00:00.000Z'],
    ['offset converted to UTC', '2024-04-17T00:36:00+05:30', undefined, '2024-04-16T19:06:00.000Z', '2024-04-16T19:06:00.000Z'],
  ])('%s', (_name, published, updated, createdAt, updatedAt) => {
    expect(resolveTimes(published, updated, NOW)).toEqual({ createdAt, updatedAt });
  });
});
