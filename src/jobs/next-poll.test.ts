import { describe, expect, it } from 'vitest';
import { learnedIntervalSeconds, MAX_BACKOFF_SECONDS, MAX_RETRY_AFTER_SECONDS, nextPollDelaySeconds, successDelaySeconds } from './next-poll.ts';

const mid = () => 0.5; // jitter factor exactly 1

describe('nextPollDelaySeconds', () => {
  it.each([
    [300, 0, 300],
    [300, 1, 300],
    [300, 2, 600],
    [300, 3, 1200],
    [300, 10, MAX_BACKOFF_SECONDS],
    [300, 1000, MAX_BACKOFF_SECONDS],
  ])('interval %i after %i failures waits %i s', (interval, failures, expected) => {
    expect(nextPollDelaySeconds(interval, failures, { random: mid })).toBe(expected);
  });

  it('jitters within ±20 % and honours Retry-After', () => {
    expect(nextPollDelaySeconds(300, 2, { random: () => 0 })).toBe(480);
    expect(nextPollDelaySeconds(300, 2, { random: () => 1 })).toBe(720);
    expect(nextPollDelaySeconds(300, 1, { random: mid, retryAfterSeconds: 3600 })).toBe(3600);
  });
});

describe('nextPollDelaySeconds caps Retry-After', () => {
  it('at a day, so a hostile header cannot mute a source for a year', () => {
    expect(nextPollDelaySeconds(300, 1, { random: mid, retryAfterSeconds: 365 * 86400 })).toBe(MAX_RETRY_AFTER_SECONDS);
  });
});

describe('learnedIntervalSeconds', () => {
  it.each([
    [300, null, 300],
    [300, 60, 150],
    [300, 240, 240],
    [300, 900, 900],
    [300, 43_200, 1200],
    [300, 0, 150],
  ])('configured %i s, median gap %s s -> %i s', (configured, gap, expected) => {
    expect(learnedIntervalSeconds(configured, gap)).toBe(expected);
  });
});

describe('successDelaySeconds', () => {
  it.each([
    [300, 150, undefined, 150],
    [300, 150, 60, 150],
    [300, 150, 600, 600],
    [300, 150, 86_400, 1200],
    [300, 900, 600, 900],
  ])('configured %i, learned %i, fresh for %s -> %i', (configured, learned, fresh, expected) => {
    expect(successDelaySeconds(configured, learned, fresh)).toBe(expected);
  });
});
