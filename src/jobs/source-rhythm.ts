// A source's publishing rhythm from the times of its newest stories (newest first).
// Gaps are taken between *distinct* times: an agency that files five items at once
// every hour has a one-hour rhythm, not a zero one. Items dated in the future (bad
// agency clocks) are left out by the query. Pure.
import type { SourceRhythm } from '../domain/source.ts';

const DAY_MS = 86_400_000;

/** `sample` is how many times the query may return; a full sample inside a day is extrapolated. */
export function computeRhythm(newestFirst: readonly string[], now: Date, sample: number): SourceRhythm {
  const times = newestFirst.map((t) => Date.parse(t)).filter((t) => !Number.isNaN(t));
  const newest = times[0];
  if (newest === undefined) return { itemsPerDay: 0, medianGapSeconds: null, lastItemAt: null };
  const dayAgo = now.getTime() - DAY_MS;
  const lastDay = times.filter((t) => t > dayAgo).length;
  const oldest = times[times.length - 1] ?? newest;
  // Every sampled item is from the last day: the real count is higher, so scale by span.
  const itemsPerDay = times.length >= sample && oldest > dayAgo && now.getTime() > oldest ? Math.round((times.length * DAY_MS) / (now.getTime() - oldest)) : lastDay;
  return { itemsPerDay, medianGapSeconds: medianGapSeconds(times), lastItemAt: new Date(newest).toISOString() };
}

function medianGapSeconds(newestFirst: readonly number[]): number | null {
  const distinct = [...new Set(newestFirst)];
  const gaps: number[] = [];
  for (let i = 1; i < distinct.length; i++) gaps.push(((distinct[i - 1] ?? 0) - (distinct[i] ?? 0)) / 1000);
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const mid = Math.floor(gaps.length / 2);
  const median = gaps.length % 2 === 1 ? (gaps[mid] ?? 0) : ((gaps[mid - 1] ?? 0) + (gaps[mid] ?? 0)) / 2;
  return Math.round(median);
}
