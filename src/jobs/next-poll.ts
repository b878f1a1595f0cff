// When to poll a source next. Failures back off exponentially with jitter up to a
// cap, and never stop: a feed that was down for a day comes back by itself.
export const MAX_BACKOFF_SECONDS = 6 * 3600;

export function nextPollDelaySeconds(
  intervalSeconds: number,
  consecutiveFailures: number,
  opts: { readonly retryAfterSeconds?: number; readonly random?: () => number } = {},
): number {
  if (consecutiveFailures <= 0) return intervalSeconds;
  const backoff = Math.min(intervalSeconds * 2 ** Math.min(consecutiveFailures - 1, 20), MAX_BACKOFF_SECONDS);
  const jitter = 0.8 + 0.4 * (opts.random ?? Math.random)();
  return Math.max(Math.round(backoff * jitter), opts.retryAfterSeconds ?? 0);
}
