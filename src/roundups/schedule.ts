// When a topic's roundup is due, from the time its job last ran (run or skipped). Pure.
import type { RoundupSchedule } from '../domain/roundup.ts';
import { formatIsoDate, startOfDayIn } from '../lib/dates.ts';

const DAY_MS = 86_400_000;

/** The latest fixed time (`HH:MM` in `timeZone`) at or before `now`; undefined without times. */
export function lastSlotAtOrBefore(times: readonly string[], now: Date, timeZone: string): Date | undefined {
  let best: Date | undefined;
  // Today's slots in the zone, and yesterday's for the hours before the first of today.
  for (const dayOffset of [0, -1]) {
    const day = formatIsoDate(new Date(now.getTime() + dayOffset * DAY_MS).toISOString(), timeZone);
    const start = startOfDayIn(day, timeZone);
    if (!start) continue;
    for (const time of times) {
      const [h, m] = time.split(':').map(Number);
      // Minutes after local midnight; a DST change that day shifts the slot by its hour, which a roundup can bear.
      const at = new Date(start.getTime() + ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
      if (at.getTime() <= now.getTime() && (!best || at > best)) best = at;
    }
    if (best) return best;
  }
  return best;
}

/** Whether the job is due at `now`; a topic that never ran is due at once. */
export function isRoundupDue(schedule: RoundupSchedule, lastRunAt: Date | undefined, now: Date, timeZone: string): boolean {
  if (!lastRunAt) return true;
  if (schedule.kind === 'every') return now.getTime() - lastRunAt.getTime() >= schedule.seconds * 1000;
  const slot = lastSlotAtOrBefore(schedule.times, now, timeZone);
  return slot !== undefined && lastRunAt.getTime() < slot.getTime();
}
