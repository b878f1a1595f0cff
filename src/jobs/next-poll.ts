// When to poll a source next.
//
// After a success, at the interval learned from the source's rhythm:
//   learned = clamp(median gap between its recent items, configured / 2, configured * 4)
// so a wire filing every minute with a 5 min setting is polled every 2.5 min, one filing
// twice a day every 20 min, and one with no known rhythm (fewer than two distinct item
// times) at the configured interval. The bounds keep the operator's setting meaningful.
// The server's freshness lifetime (Cache-Control max-age / Expires) then pushes the
// poll later, never earlier: a feed is not asked before it says it can change, but no
// later than the ceiling (configured * 4), so a year-long max-age cannot mute it.
//
// After a failure, exponential back-off from the configured interval with ±20 % jitter,
// capped at 6 h, and never giving up: a feed that was down for a day comes back by
// itself. Retry-After (429, 503) is honoured up to a day.
export const MAX_BACKOFF_SECONDS = 6 * 3600;
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600;
export const LEARNED_FLOOR_FACTOR = 0.5;
export const LEARNED_CEILING_FACTOR = 4;

export function nextPollDelaySeconds(
  intervalSeconds: number,
  consecutiveFailures: number,
  opts: { readonly retryAfterSeconds?: number; readonly random?: () => number } = {},
): number {
  if (consecutiveFailures <= 0) return intervalSeconds;
  const backoff = Math.min(intervalSeconds * 2 ** Math.min(consecutiveFailures - 1, 20), MAX_BACKOFF_SECONDS);
  const jitter = 0.8 + 0.4 * (opts.random ?? Math.random)();
  return Math.max(Math.round(backoff * jitter), Math.min(opts.retryAfterSeconds ?? 0, MAX_RETRY_AFTER_SECONDS));
}

/** The poll interval learned from the median gap between a source's items (see above). */
export function learnedIntervalSeconds(configuredSeconds: number, medianGapSeconds: number | null): number {
  if (medianGapSeconds === null) return configuredSeconds;
  const floor = configuredSeconds * LEARNED_FLOOR_FACTOR;
  const ceiling = configuredSeconds * LEARNED_CEILING_FACTOR;
  return Math.round(Math.min(Math.max(medianGapSeconds, floor), ceiling));
}

/** Delay after a success: the learned interval, pushed later by the server's freshness up to the ceiling. */
export function successDelaySeconds(configuredSeconds: number, learnedSeconds: number, freshForSeconds?: number): number {
  if (freshForSeconds === undefined) return learnedSeconds;
  return Math.max(learnedSeconds, Math.min(freshForSeconds, configuredSeconds * LEARNED_CEILING_FACTOR));
}
