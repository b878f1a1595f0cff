import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import type { Sector } from '../domain/site.ts';
import type { Source } from '../domain/source.ts';
import { ConfigError } from '../config/config.ts';
import { ingestInput, type IngestRun } from '../ingest/pipeline.ts';
import type { PublishedItem } from '../ingest/publish/publish-drafts.ts';
import { claimDueSources, listSources, recordFetch } from '../store/source-repository.ts';
import { countClaimableSources } from '../store/lease-repository.ts';
import type { Metrics } from '../lib/metrics.ts';
import { nodeId } from './node-id.ts';
import { nextPollDelaySeconds } from './next-poll.ts';

export interface SchedulerDeps {
  readonly store: Store;
  readonly sectors: readonly Sector[];
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly onPublished?: (items: readonly PublishedItem[]) => void;
  /** Ingest counters, source health and queue depth go here when given. */
  readonly metrics?: Metrics;
  /** Told of each successful poll (WebSub subscribes to the hubs a feed advertises); must not throw. */
  readonly onPolled?: (source: Source, run: IngestRun) => void;
}

export interface Scheduler {
  /** Runs every due source once; resolves when they are done. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export interface SchedulerTiming {
  /** How often due sources are looked for. */
  readonly tickMs: number;
  /** How long a claim lasts; a dead node's sources are claimable again after it. */
  readonly leaseSeconds: number;
}

/** Longer than a fetch may take (30 s timeout) plus ingest; a dead node's lease lapses after it. */
export const DEFAULT_TIMING: SchedulerTiming = { tickMs: 5000, leaseSeconds: 120 };
const MIN_TICK_MS = 50;
const MIN_LEASE_SECONDS = 5;

/**
 * WIREDESK_SCHEDULER_TICK_MS and WIREDESK_LEASE_SECONDS, for tests that need a dead
 * node's leases to lapse in seconds. A lease shorter than a poll (fetch timeout 30 s)
 * lets a second node poll the same source, so production keeps the default.
 * An invalid value is a ConfigError naming the variable.
 */
export function schedulerTimingFromEnv(env: Record<string, string | undefined> = process.env): SchedulerTiming {
  const read = (name: string, min: number, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name}: must be an integer >= ${min} (got ${JSON.stringify(raw)})`);
    return value;
  };
  return {
    tickMs: read('WIREDESK_SCHEDULER_TICK_MS', MIN_TICK_MS, DEFAULT_TIMING.tickMs),
    leaseSeconds: read('WIREDESK_LEASE_SECONDS', MIN_LEASE_SECONDS, DEFAULT_TIMING.leaseSeconds),
  };
}

/** Polls configured sources when due; one failing source never holds up the others. */
export function startScheduler(deps: SchedulerDeps, opts: Partial<SchedulerTiming> = {}): Scheduler {
  const now = deps.now ?? (() => new Date());
  const fromEnv = schedulerTimingFromEnv();
  const timing: SchedulerTiming = { tickMs: opts.tickMs ?? fromEnv.tickMs, leaseSeconds: opts.leaseSeconds ?? fromEnv.leaseSeconds };
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
    }).catch((err: unknown) => {
      // A run that threw (a store error mid-publish) is a failed run too.
      deps.metrics?.recordIngestRun({ new: 0, updated: 0, unchanged: 0, rejected: 0, error: 'crashed' });
      throw err;
    });
    const at = now();
    const failures = run.error ? source.consecutiveFailures + 1 : 0;
    deps.metrics?.recordIngestRun(run);
    deps.metrics?.updateSourceHealth({ name: source.name, consecutiveFailures: failures, lastSuccessAt: run.error ? source.lastSuccessAt : at.toISOString() });
    const delay = nextPollDelaySeconds(source.intervalSeconds, failures, run.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: run.retryAfterSeconds });
    const nextAt = new Date(at.getTime() + delay * 1000);
    if (run.error) {
      deps.logger.warn({ event: 'source_failed', source_id: source.id, consecutive_failures: failures, next_at: nextAt.toISOString(), err: run.error }, 'source poll failed');
      await recordFetch(deps.store.db, source.id, { at, error: run.error, nextAt });
      return;
    }
    deps.onPolled?.(source, run);
    deps.logger.info({ source_id: source.id, fetch: run.fetch, new: run.new, updated: run.updated, unchanged: run.unchanged, rejected: run.rejected }, 'source polled');
    await recordFetch(deps.store.db, source.id, {
      at,
      nextAt,
      ...(run.fetch === 'ok' ? { validators: { etag: run.etag ?? null, lastModified: run.lastModified ?? null } } : {}),
    });
  }

  /** Health of every source (whichever node polled it) and the queue depth, from the store. */
  async function observeSources(metrics: Metrics): Promise<void> {
    const [sources, due] = await Promise.all([listSources(deps.store.db), countClaimableSources(deps.store.db, now())]);
    metrics.setSourceHealth(sources);
    metrics.setQueueDepth(due);
  }

  /**
   * A poll that threw (a store error) still ends its claim, as a failure with back-off:
   * otherwise the source sits leased and silent until the lease lapses.
   */
  async function recordCrash(source: Source, err: unknown): Promise<void> {
    deps.logger.error({ event: 'source_crashed', source_id: source.id, err }, 'source poll crashed');
    const at = now();
    const delay = nextPollDelaySeconds(source.intervalSeconds, source.consecutiveFailures + 1);
    const error = `scheduler: poll crashed: ${err instanceof Error ? err.message : String(err)}`;
    await recordFetch(deps.store.db, source.id, { at, error, nextAt: new Date(at.getTime() + delay * 1000) }).catch((cause: unknown) =>
      deps.logger.error({ event: 'source_release_failed', source_id: source.id, err: cause }, 'crashed source left to its lease'),
    );
  }

  async function runDue(): Promise<void> {
    if (deps.metrics) {
      await observeSources(deps.metrics).catch((err: unknown) => deps.logger.warn({ event: 'metrics_failed', err }, 'source metrics not updated'));
    }
    // A few at a time: enough to hide network latency, few enough for a small box.
    // Claimed through the database so several nodes never poll the same source.
    while (!stopped) {
      const claimed = await claimDueSources(deps.store.db, deps.store.engine, { owner: nodeId(), now: now(), leaseSeconds: timing.leaseSeconds, limit: 4 });
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((s) => pollSource(s).catch((err: unknown) => recordCrash(s, err))));
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

  const timer = setInterval(() => void tick(), timing.tickMs);
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
