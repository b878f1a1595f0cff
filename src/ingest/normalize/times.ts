const DAY_MS = 24 * 60 * 60 * 1000;
// Earlier than any wire item we will ingest; such dates are parse failures ("1970-01-01").
const EARLIEST_MS = Date.UTC(1995, 0, 1);

export interface StoryTimes {
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * createdAt = published ?? updated ?? now; updatedAt = updated ?? createdAt and never
 * before createdAt. Feeds lie: a date more than a day ahead of `now` becomes `now`, and
 * an unparseable or pre-1995 date counts as absent. Output is ISO-8601 UTC.
 */
export function resolveTimes(published: string | undefined, updated: string | undefined, now: Date): StoryTimes {
  const nowMs = now.getTime();
  const publishedMs = readTime(published, nowMs);
  const updatedMs = readTime(updated, nowMs);
  const created = publishedMs ?? updatedMs ?? nowMs;
  const changed = Math.max(updatedMs ?? created, created);
  return { createdAt: new Date(created).toISOString(), updatedAt: new Date(changed).toISOString() };
}

function readTime(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms < EARLIEST_MS) return undefined;
  return ms - nowMs > DAY_MS ? nowMs : ms;
}
