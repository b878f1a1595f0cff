import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import type { Sector } from '../domain/site.ts';
import type { Source } from '../domain/source.ts';
import { ingestInput } from '../ingest/pipeline.ts';
import type { PublishedItem } from '../ingest/publish/publish-drafts.ts';
import { claimDueSources, recordFetch } from '../store/source-repository.ts';
import { nodeId } from './node-id.ts';
import { nextPollDelaySeconds } from './next-poll.ts';

export interface SchedulerDeps {
  readonly store: Store;
  readonly sectors: readonly Sector[];
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly onPublished?: (items: readonly PublishedItem[]) => void;
}

export interface Scheduler {
  /** Runs every due source once; resolves when they are done. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** Longer than a fetch may take (30 s timeout) plus ingest; a dead node's lease lapses after it. */
const LEASE_SECONDS = 120;

/** Polls configured sources when due; one failing source never holds up the others. */
export function startScheduler(deps: SchedulerDeps, opts: { readonly tickMs?: number } = {}): Scheduler {
  const now = deps.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  let stopped = false;

  async function pollSource(source: Source): Promise<void> {
    const run = await ingestInput(source.url, {
      store: deps.store,
      sectors: deps.sectors,
      now,
      sourceId: source.id,
      ...(source.agency ? { agency: source.agency } : {}),
      validators: { etag: source.etag, lastModified: source.lastModified },
      ...(deps.onPublished ? { onPublished: deps.onPublished } : {}),
    });
    const at = now();
    const failures = run.error ? source.consecutiveFailures + 1 : 0;
    const delay = nextPollDelaySeconds(source.intervalSeconds, failures);
    const nextAt = new Date(at.getTime() + delay * 1000);
    if (run.error) {
      deps.logger.warn({ event: 'source_failed', source_id: source.id, consecutive_failures: failures, next_at: nextAt.toISOString(), err: run.error }, 'source poll failed');
      await recordFetch(deps.store.db, source.id, { at, error: run.error, nextAt });
      return;
    }
    deps.logger.info({ source_id: source.id, fetch: run.fetch, new: run.new, updated: run.updated, unchanged: run.unchanged, rejected: run.rejected }, 'source polled');
    await recordFetch(deps.store.db, source.id, {
      at,
      nextAt,
      ...(run.fetch === 'ok' ? { validators: { etag: run.etag ?? null, lastModified: run.lastModified ?? null } } : {}),
    });
  }

  async function runDue(): Promise<void> {
    // A few at a time: enough to hide network latency, few enough for a small box.
    // Claimed through the database so several nodes never poll the same source.
    while (!stopped) {
      const claimed = await claimDueSources(deps.store.db, deps.store.engine, { owner: nodeId(), now: now(), leaseSeconds: LEASE_SECONDS, limit: 4 });
      if (claimed.length === 0) return;
      await Promise.all(
        claimed.map((s) =>
          pollSource(s).catch((err: unknown) => deps.logger.error({ event: 'source_crashed', source_id: s.id, err }, 'source poll crashed')),
        ),
      );
    }
  }

  function tick(): Promise<void> {
    running ??= runDue()
      .catch((err: unknown) => deps.logger.error({ event: 'scheduler_failed', err }, 'scheduler tick failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  const timer = setInterval(() => void tick(), opts.tickMs ?? 5000);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
