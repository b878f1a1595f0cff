// Purges leave the publishing path at once and go out together: keys are collected
// for a short window (one ingest batch announces its changes in one call, several
// sources finishing together in a few), then each target gets one request. A failed
// purge is retried with backoff a few times, then logged once; it never reaches the
// publisher, and the page it meant to drop still expires by its max-age.
import type { Logger } from 'pino';
import type { Purger } from './purger.ts';

export const PURGE_WINDOW_MS = 50;
export const RETRY_DELAYS_MS: readonly number[] = [250, 1_000, 4_000];

export interface PurgeQueueOptions {
  readonly purgers: readonly Purger[];
  readonly logger: Pick<Logger, 'warn' | 'debug'>;
  readonly windowMs?: number;
  readonly retryDelaysMs?: readonly number[];
}

export interface PurgeQueue {
  enqueue(keys: readonly string[]): void;
  /** Sends what is collected now and waits for every purge under way, retries included. */
  drain(): Promise<void>;
  /** Sends what is collected, then stops retrying; resolves when the last request settles. */
  close(): Promise<void>;
}

export function createPurgeQueue(opts: PurgeQueueOptions): PurgeQueue {
  const windowMs = opts.windowMs ?? PURGE_WINDOW_MS;
  const delays = opts.retryDelaysMs ?? RETRY_DELAYS_MS;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closing = false;
  const inFlight = new Set<Promise<void>>();
  // Backoff waits that close() cuts short: one last attempt, then give up.
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timeout);
        wakers.delete(wake);
        resolve();
      };
      const timeout = setTimeout(wake, ms);
      wakers.add(wake);
    });

  async function purgeWithRetries(purger: Purger, keys: readonly string[]): Promise<void> {
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      const result = await purger.purge(keys);
      if (result.kind === 'ok') {
        opts.logger.debug({ purger: purger.name, keys: keys.length, attempts: attempt + 1, purge_ms: Math.round(performance.now() - started) }, 'purged');
        return;
      }
      const delay = delays[attempt];
      if (!result.retryable || delay === undefined || closing) {
        opts.logger.warn(
          { event: 'purge_failed', purger: purger.name, keys: keys.length, attempts: attempt + 1, err: result.error },
          'purge failed; the pages it meant to drop stay cached until they expire',
        );
        return;
      }
      await sleep(delay);
    }
  }

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    const keys = [...pending];
    pending = new Set();
    for (const purger of opts.purgers) {
      const p = purgeWithRetries(purger, keys).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  }

  async function drain(): Promise<void> {
    flush();
    while (inFlight.size > 0) await Promise.all(inFlight);
  }

  return {
    enqueue(keys) {
      if (opts.purgers.length === 0) return;
      for (const k of keys) pending.add(k);
      // A fixed window from the first key, not a debounce: a steady stream of changes still purges every windowMs.
      if (!timer && pending.size > 0) timer = setTimeout(flush, windowMs);
    },
    drain,
    async close() {
      closing = true;
      for (const wake of [...wakers]) wake();
      await drain();
    },
  };
}
