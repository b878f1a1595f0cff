import { describe, expect, it } from 'vitest';
import { formatBylineTime, formatIsoDate, startOfDayIn, yearIn, zoneAbbreviation } from './dates.ts';

describe('formatBylineTime', () => {
  it.each([
    // The reference page: 19:06 UTC on the 16th is 00:36 IST on the 17th.
    ['2023-04-16T19:06:00Z', 'Asia/Kolkata', '17-04-2023 00:36 IST'],
    ['2023-04-16T19:06:00.999Z', 'Asia/Calcutta', '17-04-2023 00:36 IST'],
    ['2024-01-15T12:00:00Z', 'Europe/London', '15-01-2024 12:00 GMT'],
    ['2024-07-15T12:00:00Z', 'Europe/London', '15-07-2024 13:00 BST'],
    // DST boundaries in London: 01:00 UTC on the last Sunday of March / October.
    ['2024-03-31T00:59:00Z', 'Europe/London', '31-03-2024 00:59 GMT'],
    ['2024-03-31T01:00:00Z', 'Europe/London', '31-03-2024 02:00 BST'],
    ['2024-10-27T00:59:00Z', 'Europe/London', '27-10-2024 01:59 BST'],
    ['2024-10-27T01:00:00Z', 'Europe/London', '27-10-2024 01:00 GMT'],
    ['2024-01-15T12:00:00Z', 'Europe/Paris', '15-01-2024 13:00 CET'],
    ['2024-07-15T12:00:00Z', 'Europe/Berlin', '15-07-2024 14:00 CEST'],
    ['2024-01-15T12:00:00Z', 'America/New_York', '15-01-2024 07:00 EST'],
    ['2024-07-15T12:00:00Z', 'America/New_York', '15-07-2024 08:00 EDT'],
    ['2024-07-15T12:00:00Z', 'America/Los_Angeles', '15-07-2024 05:00 PDT'],
    // Southern hemisphere: daylight time in January.
    ['2024-01-15T00:00:00Z', 'Australia/Sydney', '15-01-2024 11:00 AEDT'],
    ['2024-07-15T00:00:00Z', 'Australia/Sydney', '15-07-2024 10:00 AEST'],
    ['2024-07-15T00:00:00Z', 'Asia/Tokyo', '15-07-2024 09:00 JST'],
    ['2024-07-15T00:00:00Z', 'Asia/Singapore', '15-07-2024 08:00 SGT'],
    ['2024-07-15T00:00:00Z', 'Africa/Nairobi', '15-07-2024 03:00 EAT'],
    ['2024-07-15T00:00:00Z', 'Africa/Johannesburg', '15-07-2024 02:00 SAST'],
    ['2024-07-15T23:30:00Z', 'UTC', '15-07-2024 23:30 UTC'],
    // Not in the table: Intl's short name.
    ['2024-07-15T00:00:00Z', 'Asia/Yerevan', '15-07-2024 04:00 GMT+4'],
    ['2024-07-15T00:00:00Z', 'America/Sao_Paulo', '14-07-2024 21:00 GMT-3'],
  ])('%s in %s → %s', (iso, zone, want) => {
    expect(formatBylineTime(iso, zone)).toBe(want);
  });

  it('gives an empty string for a time it cannot read', () => {
    expect(formatBylineTime('yesterday', 'Asia/Kolkata')).toBe('');
  });
});

describe('zoneAbbreviation', () => {
  it('does not print 24:00 at midnight', () => {
    expect(formatBylineTime('2024-07-14T18:30:00Z', 'Asia/Kolkata')).toBe('15-07-2024 00:00 IST');
  });
  it('knows Irish summer time is IST there', () => {
    expect(zoneAbbreviation(new Date('2024-07-01T00:00:00Z'), 'Europe/Dublin')).toBe('IST');
    expect(zoneAbbreviation(new Date('2024-01-01T00:00:00Z'), 'Europe/Dublin')).toBe('GMT');
  });
});

describe('calendar helpers', () => {
  it('takes the date and year in the zone, not in UTC', () => {
    expect(formatIsoDate('2023-04-16T19:06:00Z', 'Asia/Kolkata')).toBe('2023-04-17');
    expect(formatIsoDate('2023-04-16T19:06:00Z', 'UTC')).toBe('2023-04-16');
    expect(yearIn(new Date('2023-12-31T20:00:00Z'), 'Asia/Tokyo')).toBe(2024);
  });
});

describe('startOfDayIn', () => {
  it.each([
    ['2026-03-01', 'Asia/Kolkata', '2026-02-28T18:30:00.000Z'],
    ['2026-03-01', 'UTC', '2026-03-01T00:00:00.000Z'],
    ['2026-07-01', 'Europe/London', '2026-06-30T23:00:00.000Z'],
    ['2026-01-01', 'America/New_York', '2026-01-01T05:00:00.000Z'],
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['2026-03-09', 'America/New_York', '2026-03-09T04:00:00.000Z'],
  ])('%s in %s starts at %s', (day, zone, iso) => {
    expect(startOfDayIn(day, zone)?.toISOString()).toBe(iso);
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', 'yesterday', ''])('rejects %j', (day) => {
    expect(startOfDayIn(day, 'UTC')).toBeUndefined();
  });
});
