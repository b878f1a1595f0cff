// Roundups on a timer: every minute each node looks for due topics; the job leases
// (store/job-lease-repository.ts) let exactly one node run each.
import { runDueRoundups, type RoundupDeps } from '../roundups/run-roundup.ts';
import type { RoundupTopic } from '../domain/roundup.ts';

export const ROUNDUP_TICK_MS = 60_000;

export function startRoundups(deps: RoundupDeps, topics: readonly RoundupTopic[], tickMs = ROUNDUP_TICK_MS): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  // The first look is a tick away, not at start-up: a first start ingests the demo wire meanwhile.
  const timer = setInterval(() => {
    if (running || topics.length === 0) return;
    running = runDueRoundups(deps, topics)
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
