// Prometheus metrics (prom-client, text exposition format). One registry per app
// instance, so tests that build several apps never collide; the Node process metrics
// (CPU, memory, event loop, GC) describe the process, not an app, so they live in one
// process-wide registry created on first use and are appended to every scrape.
// Labels are bounded by construction: route patterns, status classes, fixed outcome
// names, cache names and source names (as many as there are configured sources).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { sourceStatus, type IngestOutcome, type IngestSummary, type Source, type SourceStatus } from '../domain/source.ts';

export const METRICS_PREFIX = 'wiredesk_';

export type SourceRunResult = 'ok' | 'not-modified' | 'failed';

/** A run's counts: the pipeline's IngestRun, or the CLI's IngestSummary (no fetch kind). */
export type IngestRunCounts = Pick<IngestSummary, IngestOutcome | 'error'> & { readonly fetch?: string };

/** What the health gauges need of a source (lastSuccessAt: null when it never succeeded). */
export type SourceHealth = Pick<Source, 'name' | 'consecutiveFailures' | 'lastSuccessAt' | 'lastFetchedAt' | 'rhythm'>;

const STATUSES: readonly SourceStatus[] = ['pending', 'ok', 'failing', 'quiet'];

export interface Metrics {
  readonly registry: Registry;
  /** One served HTTP request; `route` is the route pattern, never the raw URL. */
  observeRequest(route: string, statusCode: number, seconds: number): void;
  /** Items by outcome and the run's result; the scheduler calls it, the CLI ingest may. */
  recordIngestRun(run: IngestRunCounts): void;
  /** Replaces the health gauges with these sources (dropped sources disappear). */
  setSourceHealth(sources: readonly SourceHealth[]): void;
  /** Updates one source after a poll, leaving the others as they are. */
  updateSourceHealth(source: SourceHealth): void;
  /** Sources due for a poll and not leased by any node. */
  setQueueDepth(due: number): void;
  /** One lookup in an in-process cache: served from memory (hit) or waited on a load (miss). */
  recordCache(cache: string, hit: boolean): void;
  /** The scrape body: this app's metrics, then the process's. */
  render(): Promise<string>;
  readonly contentType: string;
}

// Web requests are mostly milliseconds; the upper buckets catch a slow database.
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const OUTCOMES: readonly IngestOutcome[] = ['new', 'updated', 'unchanged', 'rejected'];

let processRegistry: Registry | undefined;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: METRICS_PREFIX });
  }
  return processRegistry;
}

/**
 * The registries a scrape reads, for cluster workers whose scrape the primary sums
 * (gauges every worker reads off the same database say `max`/`min`, not `sum`).
 */
export function scrapeRegistries(metrics: Metrics): Registry[] {
  return [metrics.registry, processMetrics()];
}

export function runResult(run: IngestRunCounts): SourceRunResult {
  if (run.error !== undefined) return 'failed';
  return run.fetch === 'not-modified' ? 'not-modified' : 'ok';
}

export function createMetrics(opts: { readonly now?: () => number } = {}): Metrics {
  const now = opts.now ?? Date.now;
  const registry = new Registry();
  const p = METRICS_PREFIX;
  const requests = new Counter({ name: `${p}http_requests_total`, help: 'HTTP requests by route pattern and status class.', labelNames: ['route', 'status_class'], registers: [registry] });
  const latency = new Histogram({ name: `${p}http_request_duration_seconds`, help: 'HTTP request latency by route pattern.', labelNames: ['route'], buckets: LATENCY_BUCKETS, registers: [registry] });
  const items = new Counter({ name: `${p}ingest_items_total`, help: 'Ingested items by outcome.', labelNames: ['outcome'], registers: [registry] });
  const runs = new Counter({ name: `${p}source_runs_total`, help: 'Source runs by result.', labelNames: ['result'], registers: [registry] });
  const failures = new Gauge({ name: `${p}source_consecutive_failures`, help: 'Consecutive failed polls per source (0 when the last one succeeded).', labelNames: ['source'], registers: [registry], aggregator: 'max' });
  const lastSuccess = new Map<string, number | null>();
  // Kept whole, because "quiet" depends on the time of the scrape.
  const health = new Map<string, SourceHealth>();
  new Gauge({
    name: `${p}source_status`,
    help: 'Source status as a state set: 1 for its current status (pending, ok, failing, quiet), 0 for the others.',
    labelNames: ['source', 'status'],
    registers: [registry],
    collect() {
      this.reset();
      const at = new Date(now());
      for (const [source, s] of health) {
        const current = sourceStatus(s, at);
        for (const status of STATUSES) this.set({ source, status }, status === current ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: `${p}sources_by_status`,
    help: 'Sources by status (pending, ok, failing, quiet): alert on failing or quiet above 0.',
    labelNames: ['status'],
    registers: [registry],
    collect() {
      const at = new Date(now());
      const counts = new Map<SourceStatus, number>(STATUSES.map((st) => [st, 0]));
      for (const s of health.values()) {
        const st = sourceStatus(s, at);
        counts.set(st, (counts.get(st) ?? 0) + 1);
      }
      for (const [status, n] of counts) this.set({ status }, n);
    },
  });
  const itemsPerDay = new Gauge({ name: `${p}source_items_per_day`, help: 'Items per source dated within the last 24 hours.', labelNames: ['source'], registers: [registry] });
  new Gauge({
    name: `${p}source_seconds_since_success`,
    help: 'Seconds since the source was last fetched successfully (absent if never).',
    labelNames: ['source'],
    registers: [registry],
    aggregator: 'min',
    // Computed at scrape time, so the value grows between polls as it should.
    collect() {
      this.reset();
      const at = now();
      for (const [source, ms] of lastSuccess) if (ms !== null) this.set({ source }, Math.max(0, (at - ms) / 1000));
    },
  });
  const queue = new Gauge({ name: `${p}sources_due`, help: 'Sources due for a poll and not leased by any node (queue depth).', registers: [registry], aggregator: 'max' });
  const cache = new Counter({ name: `${p}cache_requests_total`, help: 'In-process cache lookups by cache and result (hit or miss).', labelNames: ['cache', 'result'], registers: [registry] });

  // Zero series up front, so a rate() over them exists from the first scrape.
  for (const o of OUTCOMES) items.inc({ outcome: o }, 0);
  for (const r of ['ok', 'not-modified', 'failed'] satisfies SourceRunResult[]) runs.inc({ result: r }, 0);

  function setHealth(s: SourceHealth): void {
    failures.set({ source: s.name }, s.consecutiveFailures);
    lastSuccess.set(s.name, s.lastSuccessAt === null ? null : Date.parse(s.lastSuccessAt));
    health.set(s.name, s);
    if (s.rhythm.itemsPerDay !== null) itemsPerDay.set({ source: s.name }, s.rhythm.itemsPerDay);
  }

  return {
    registry,
    contentType: registry.contentType,
    observeRequest(route, statusCode, seconds) {
      // A label hash and a bucket search per request: microseconds, off no await.
      requests.inc({ route, status_class: `${Math.floor(statusCode / 100)}xx` });
      latency.observe({ route }, seconds);
    },
    recordIngestRun(run) {
      for (const o of OUTCOMES) if (run[o] > 0) items.inc({ outcome: o }, run[o]);
      runs.inc({ result: runResult(run) });
    },
    setSourceHealth(sources) {
      failures.reset();
      itemsPerDay.reset();
      lastSuccess.clear();
      health.clear();
      for (const s of sources) setHealth(s);
    },
    updateSourceHealth: setHealth,
    setQueueDepth(due) {
      queue.set(due);
    },
    recordCache(name, hit) {
      cache.inc({ cache: name, result: hit ? 'hit' : 'miss' });
    },
    async render() {
      return (await registry.metrics()) + (await processMetrics().metrics());
    },
  };
}
