// Roundups on a timer: every minute each node rewrites roundups whose briefs were
// withdrawn since, and looks for due topics; the job leases (store/job-lease-repository.ts)
// let exactly one node run each topic.
import { runDueRoundups, type RoundupDeps } from '../roundups/run-roundup.ts';
import { refreshRoundups } from '../roundups/refresh-roundups.ts';
import type { RoundupTopic } from '../domain/roundup.ts';

export const ROUNDUP_TICK_MS = 60_000;

export function startRoundups(deps: RoundupDeps, topics: readonly RoundupTopic[], tickMs = ROUNDUP_TICK_MS): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  // The first look is a tick away, not at start-up: a first start ingests the demo wire meanwhile.
  const timer = setInterval(() => {
    if (running) return;
    // First take withdrawn briefs out of the roundups that show them, then make the due ones.
    running = refreshRoundups(deps)
      .catch((err: unknown) => deps.logger.error({ event: 'roundup_refresh_failed', err }, 'roundups not refreshed after a kill'))
      .then(() => runDueRoundups(deps, topics))
      .catch((err: unknown) => deps.logger.error({ event: 'roundup_failed', err }, 'roundups failed'))
      .finally(() => {
        running = undefined;
      });
  }, tickMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
