// Hourly deletes of rows nothing reads any more. Any node may run them; deleting twice
// deletes nothing.
// - LSH band rows and stored shingles only serve matching within the dedupe window
//   (ingest/dedupe/match.ts): once older than twice the window (a late item may be dated
//   a window back) nothing is compared with them.
// - Hourly view counts only serve trending, which reads the last TRENDING_WINDOW_MS:
//   kept twice that (trending's window may be read from a clock a little behind), so the
//   table, and trending's query, stay the size of a few days of reading.
// - Change notes (jobs/change-notes.ts) are read within a second of being written: a
//   day later nobody needs them.
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import { pruneBands } from '../store/cluster-repository.ts';
import { pruneViews, TRENDING_WINDOW_MS } from '../store/view-repository.ts';
import { pruneChangeNotes } from '../store/change-note-repository.ts';
import { WINDOW_MS } from '../ingest/dedupe/match.ts';

export async function pruneDedupeBands(store: Store, now: Date): Promise<number> {
  return pruneBands(store.db, new Date(now.getTime() - 2 * WINDOW_MS).toISOString());
}

export async function pruneOldViews(store: Store, now: Date): Promise<number> {
  return pruneViews(store.db, new Date(now.getTime() - 2 * TRENDING_WINDOW_MS));
}

export async function pruneOldChangeNotes(store: Store, now: Date): Promise<number> {
  return pruneChangeNotes(store.db, new Date(now.getTime() - 24 * 3_600_000));
}

interface PruneTask {
  /** For the log: `{what}_pruned`, `{what}_prune_failed`. */
  readonly what: string;
  readonly prune: (store: Store, now: Date) => Promise<number>;
}

export const PRUNE_TASKS: readonly PruneTask[] = [
  { what: 'bands', prune: pruneDedupeBands },
  { what: 'views', prune: pruneOldViews },
  { what: 'change_notes', prune: pruneOldChangeNotes },
];

/** Runs every task a minute after start (or `intervalMs`, if sooner), then every `intervalMs`; one run at a time. */
export function startPruning(deps: { store: Store; logger: Logger; now?: () => Date }, tasks: readonly PruneTask[] = PRUNE_TASKS, intervalMs = 3_600_000): { stop(): void } {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (const task of tasks) {
        try {
          const deleted = await task.prune(deps.store, (deps.now ?? (() => new Date()))());
          if (deleted > 0) deps.logger.info({ event: `${task.what}_pruned`, rows: deleted }, `old ${task.what} pruned`);
        } catch (err) {
          deps.logger.error({ event: `${task.what}_prune_failed`, err }, `${task.what} pruning failed`);
        }
      }
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), Math.min(intervalMs, 60_000));
  const timer = setInterval(() => void run(), intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
