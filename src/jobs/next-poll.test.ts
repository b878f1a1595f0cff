import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_SECONDS, nextPollDelaySeconds } from './next-poll.ts';

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
