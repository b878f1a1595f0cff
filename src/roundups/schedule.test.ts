import { describe, expect, it } from 'vitest';
import { isRoundupDue, lastSlotAtOrBefore } from './schedule.ts';

const every6h = { kind: 'every', seconds: 6 * 3600 } as const;
const twiceADay = { kind: 'at', times: ['08:00', '20:00'] } as const;
const IST = 'Asia/Kolkata';

describe('roundup schedule', () => {
  it('every N: due when never run, then N after the last run', () => {
    const last = new Date('2026-11-29T00:00:00Z');
    expect(isRoundupDue(every6h, undefined, last, IST)).toBe(true);
    expect(isRoundupDue(every6h, last, new Date('2026-11-29T05:59:59Z'), IST)).toBe(false);
    expect(isRoundupDue(every6h, last, new Date('2026-11-29T06:00:00Z'), IST)).toBe(true);
  });

  it('fixed times are wall-clock times in the site zone', () => {
    // 08:00 IST is 02:30 UTC; 20:00 IST is 14:30 UTC.
    expect(lastSlotAtOrBefore(twiceADay.times, new Date('2026-11-29T02:29:00Z'), IST)?.toISOString()).toBe('2026-11-28T14:30:00.000Z');
    expect(lastSlotAtOrBefore(twiceADay.times, new Date('2026-11-29T02:30:00Z'), IST)?.toISOString()).toBe('2026-11-29T02:30:00.000Z');
    expect(lastSlotAtOrBefore(['23:30'], new Date('2026-11-29T10:00:00Z'), 'America/New_York')?.toISOString()).toBe('2026-11-29T04:30:00.000Z');
  });

  it('fixed times: due once per slot', () => {
    const ranAt = new Date('2026-11-29T02:31:00Z');
    expect(isRoundupDue(twiceADay, ranAt, new Date('2026-11-29T10:00:00Z'), IST)).toBe(false);
    expect(isRoundupDue(twiceADay, ranAt, new Date('2026-11-29T14:30:00Z'), IST)).toBe(true);
    expect(isRoundupDue(twiceADay, new Date('2026-11-29T14:30:05Z'), new Date('2026-11-29T20:00:00Z'), IST)).toBe(false);
  });
});
