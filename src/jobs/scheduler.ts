import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import type { Sector } from '../domain/site.ts';
import type { Source } from '../domain/source.ts';
import { ConfigError } from '../config/config.ts';
import { ingestInput, type IngestRun } from '../ingest/pipeline.ts';
import type { PublishedItem, AnnounceWithin } from '../ingest/publish/publish-drafts.ts';
import { claimDueSources, listRecentItemTimes, listSources, recordFetch, releaseClaim } from '../store/source-repository.ts';
import { countClaimableSources } from '../store/lease-repository.ts';
import type { Metrics } from '../lib/metrics.ts';
import { nodeId } from './node-id.ts';
import type { HttpFetchOptions } from '../ingest/fetch/http-fetch.ts';
import { learnedIntervalSeconds, nextPollDelaySeconds, successDelaySeconds } from './next-poll.ts';
import { computeRhythm } from './source-rhythm.ts';
import { createHostPool } from './host-pool.ts';

export interface SchedulerDeps {
  readonly store: Store;
  readonly sectors: readonly Sector[];
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly onPublished?: (items: readonly PublishedItem[]) => void;
  readonly announceWithin?: AnnounceWithin;
  /** Ingest counters, source health and queue depth go here when given. */
  readonly metrics?: Metrics;
  /** Fetch timeout and size cap (tests and the bench shorten them). */
  readonly fetchOptions?: HttpFetchOptions;
  /** Told of each successful poll (WebSub subscribes to the hubs a feed advertises); must not throw. */
  readonly onPolled?: (source: Source, run: IngestRun) => void;
}

export interface SchedulerLimits {
  /** Polls in flight on this node. */
  readonly maxConcurrent: number;
  /** Polls in flight to one host name on this node: politeness towards each agency. */
  readonly perHost: number;
}

export const DEFAULT_LIMITS: SchedulerLimits = { maxConcurrent: 16, perHost: 2 };
/** Newest items read to learn a source's rhythm. */
const RHYTHM_SAMPLE = 50;

/** The host a source's polls count against; local files share one. */
export function hostOf(source: Source): string {
  try {
    return new URL(source.url).hostname || 'file';
  } catch {
    return 'file';
  }
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

/** Polls configured sources when due; one failing or slow source never holds up the others. */
export function startScheduler(deps: SchedulerDeps, opts: Partial<SchedulerTiming & SchedulerLimits> = {}): Scheduler {
  const now = deps.now ?? (() => new Date());
  const fromEnv = schedulerTimingFromEnv();
  const timing: SchedulerTiming = { tickMs: opts.tickMs ?? fromEnv.tickMs, leaseSeconds: opts.leaseSeconds ?? fromEnv.leaseSeconds };
  const owner = nodeId();

  async function pollSource(source: Source): Promise<void> {
    const startedAt = now();
    const run = await ingestInput(source.url, {
      store: deps.store,
      sectors: deps.sectors,
      now,
      sourceId: source.id,
      ...(source.agency ? { agency: source.agency } : {}),
      kind: source.storyKind,
      validators: { etag: source.etag, lastModified: source.lastModified, bodyHash: source.bodyHash },
      ...(deps.fetchOptions ? { fetchOptions: deps.fetchOptions } : {}),
      ...(deps.onPublished ? { onPublished: deps.onPublished } : {}),
      ...(deps.announceWithin ? { announceWithin: deps.announceWithin } : {}),
    }).catch((err: unknown) => {
      // A run that threw (a store error mid-publish) is a failed run too.
      deps.metrics?.recordIngestRun({ new: 0, updated: 0, unchanged: 0, rejected: 0, error: 'crashed' });
      throw err;
    });
    const at = now();
    deps.metrics?.recordIngestRun(run);
    // How late this poll started against its due time: the bench's schedule measure.
    const lateMs = source.nextFetchAt === null ? 0 : startedAt.getTime() - Date.parse(source.nextFetchAt);
    if (run.error) {
      const failures = source.consecutiveFailures + 1;
      const delay = nextPollDelaySeconds(source.intervalSeconds, failures, run.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: run.retryAfterSeconds });
      const nextAt = new Date(at.getTime() + delay * 1000);
      deps.metrics?.updateSourceHealth({ ...source, consecutiveFailures: failures, lastFetchedAt: at.toISOString() });
      deps.logger.warn({ event: 'source_failed', source_id: source.id, consecutive_failures: failures, late_ms: lateMs, next_at: nextAt.toISOString(), err: run.error }, 'source poll failed');
      await recordFetch(deps.store.db, source.id, { at, error: run.error, nextAt });
      return;
    }
    const rhythm = computeRhythm(await listRecentItemTimes(deps.store.db, source.id, at, RHYTHM_SAMPLE), at, RHYTHM_SAMPLE);
    const learned = learnedIntervalSeconds(source.intervalSeconds, rhythm.medianGapSeconds);
    const nextAt = new Date(at.getTime() + successDelaySeconds(source.intervalSeconds, learned, run.freshForSeconds) * 1000);
    deps.metrics?.updateSourceHealth({ ...source, consecutiveFailures: 0, lastSuccessAt: at.toISOString(), lastFetchedAt: at.toISOString(), rhythm });
    deps.onPolled?.(source, run);
    deps.logger.info(
      { source_id: source.id, fetch: run.fetch, new: run.new, updated: run.updated, unchanged: run.unchanged, rejected: run.rejected, late_ms: lateMs, interval_s: learned, next_at: nextAt.toISOString() },
      'source polled',
    );
    await recordFetch(deps.store.db, source.id, {
      at,
      nextAt,
      rhythm,
      pollIntervalSeconds: learned,
      // Validators move only with a body we ingested: a 304 or an identical body keeps them.
      ...(run.fetch === 'ok' ? { validators: { etag: run.etag ?? null, lastModified: run.lastModified ?? null, bodyHash: run.bodyHash ?? null } } : {}),
    });
  }

  /** Health of every source (whichever node polled it) and the queue depth, from the store. */
  async function observeSources(metrics: Metrics): Promise<void> {
    const [sources, due] = await Promise.all([listSources(deps.store.db), countClaimableSources(deps.store.db, now())]);
    // Push sources are never polled, so they have no poll health to report.
    metrics.setSourceHealth(sources.filter((s) => s.kind === 'poll'));
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

  // Claimed through the database so several nodes never poll the same source; each
  // freed slot is refilled at once, so a slow source delays nothing but itself.
  const pool = createHostPool<Source>({
    maxConcurrent: opts.maxConcurrent ?? DEFAULT_LIMITS.maxConcurrent,
    perHost: opts.perHost ?? DEFAULT_LIMITS.perHost,
    hostOf,
    idOf: (s) => s.id,
    claim: (limit, exclude) => claimDueSources(deps.store.db, deps.store.engine, { owner, now: now(), leaseSeconds: timing.leaseSeconds, limit, exclude }),
    release: (s) => releaseClaim(deps.store.db, s.id, owner),
    run: (s) => pollSource(s).catch((err: unknown) => recordCrash(s, err)),
    onError: (err) => deps.logger.error({ event: 'scheduler_failed', err }, 'scheduler tick failed'),
  });

  async function look(): Promise<void> {
    if (deps.metrics) {
      await observeSources(deps.metrics).catch((err: unknown) => deps.logger.warn({ event: 'metrics_failed', err }, 'source metrics not updated'));
    }
    await pool.fill();
  }

  const timer = setInterval(() => void look(), timing.tickMs);
  timer.unref();
  return {
    async tick() {
      await look();
      await pool.idle();
    },
    async stop() {
      pool.stop();
      clearInterval(timer);
      await pool.idle();
    },
  };
}
