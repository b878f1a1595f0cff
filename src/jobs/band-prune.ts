// LSH band rows and stored shingles only serve matching within the dedupe window
// (ingest/dedupe/match.ts): once older than twice the window (a late item may be dated
// a window back) nothing is compared with them, so an hourly delete keeps the table to
// a few days of stories. Any node may run it; deleting twice deletes nothing.
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import { pruneBands } from '../store/cluster-repository.ts';
import { WINDOW_MS } from '../ingest/dedupe/match.ts';

export async function pruneDedupeBands(store: Store, now: Date): Promise<number> {
  return pruneBands(store.db, new Date(now.getTime() - 2 * WINDOW_MS).toISOString());
}

export function startBandPruning(deps: { store: Store; logger: Logger; now?: () => Date }, intervalMs = 3_600_000): { stop(): void } {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    pruneDedupeBands(deps.store, (deps.now ?? (() => new Date()))())
      .then((deleted) => {
        if (deleted > 0) deps.logger.info({ event: 'bands_pruned', rows: deleted }, 'old dedupe bands pruned');
      })
      .catch((err: unknown) => deps.logger.error({ event: 'band_prune_failed', err }, 'dedupe band pruning failed'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, Math.min(intervalMs, 60_000));
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
