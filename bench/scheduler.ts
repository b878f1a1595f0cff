// The scheduler under faults: N sources (default 200) on 10 local wire servers, one per
// loopback address (127.0.0.1 … 127.0.0.10, so per-host limits apply as with real
// agencies), 20 % of them failing in varied ways (slow, 500, 429 + Retry-After,
// truncated, stalled), and one healthy source per host whose ETag changes on every
// request (same body). The real scheduler runs for `seconds` with 5 s intervals and the
// wires filing every 5 s; its log lines give each poll's lateness against its due time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { migrate, openStore } from '../src/store/store.ts';
import { insertSource, listSources } from '../src/store/source-repository.ts';
import { DEFAULT_SECTORS } from '../src/config/site-defaults.ts';
import { startScheduler } from '../src/jobs/scheduler.ts';
import { startWireServer, type FeedFault, type WireServer } from '../test/support/wire-server.ts';
import { onInterrupt } from './interrupt.ts';

const HOSTS = 10;
const INTERVAL_S = 5;
const FETCH_TIMEOUT_MS = 2000;
const KINDS = ['slow', '500', '429', 'truncated', 'stall'] as const;
type Kind = 'healthy' | 'etag-churn' | (typeof KINDS)[number];

export interface SchedulerFigures {
  readonly sources: number;
  readonly seconds: number;
  readonly lateP50Ms: number;
  readonly lateP99Ms: number;
  readonly lateMaxMs: number;
  readonly healthyPollsMean: number;
  readonly healthyPollsMin: number;
  readonly expectedPolls: number;
  /** Per failing kind: polls per source and the delay to its next poll at the end (s). */
  readonly byKind: Readonly<Record<string, { readonly polls: number; readonly nextDelayS: number }>>;
}

function faultFor(kind: Kind): FeedFault | undefined {
  if (kind === '500') return { kind: 'status', status: 500 };
  if (kind === '429') return { kind: 'rate-limited', retryAfterSeconds: 20 };
  if (kind === 'truncated') return { kind: 'truncated', bytes: 200 };
  if (kind === 'stall') return { kind: 'stall', bytes: 200 };
  if (kind === 'etag-churn') return { kind: 'etag-churn' };
  return undefined;
}

const pct = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export async function benchScheduler(count = 200, seconds = 60): Promise<SchedulerFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-sched-'));
  const wires: WireServer[] = [];
  const removeOnInterrupt = onInterrupt(async () => {
    await Promise.all(wires.map((w) => w.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const store = openStore({ kind: 'sqlite', path: join(dir, 'bench.db') });
  try {
    await migrate(store);
    const perHost = Math.ceil(count / HOSTS);
    for (let h = 0; h < HOSTS; h++) wires.push(await startWireServer({ feeds: perHost, initialItems: 1, growEveryMs: INTERVAL_S * 1000, host: `127.0.0.${h + 1}` }));
    const kinds = new Map<number, Kind>();
    const now = new Date();
    for (let i = 0; i < count; i++) {
      const host = i % HOSTS;
      const feed = Math.floor(i / HOSTS);
      const wire = wires[host]!;
      // The first 20 % fail, four different ways on every host; then one ETag-churner per host.
      const kind: Kind = i < count * 0.2 ? KINDS[(host + feed) % KINDS.length]! : i < count * 0.2 + HOSTS ? 'etag-churn' : 'healthy';
      const fault = faultFor(kind);
      if (fault) wire.setFault(feed, fault);
      if (kind === 'slow') wire.setSlow(feed, 1500);
      const source = await insertSource(store.db, { name: `s${i}`, url: wire.feedUrl(feed), intervalSeconds: INTERVAL_S }, now);
      kinds.set(source.id, kind);
    }

    const polls: { id: number; late: number; ok: boolean; time: number }[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n')) {
          if (!line) continue;
          const entry = JSON.parse(line) as { source_id?: number; late_ms?: number; msg?: string; time: number };
          if (entry.source_id !== undefined && entry.late_ms !== undefined) polls.push({ id: entry.source_id, late: entry.late_ms, ok: entry.msg === 'source polled', time: entry.time });
        }
        done();
      },
    });
    const scheduler = startScheduler(
      { store, sectors: DEFAULT_SECTORS, logger: pino({ level: 'info' }, logStream), fetchOptions: { timeoutMs: FETCH_TIMEOUT_MS } },
      { tickMs: 100, leaseSeconds: 30 },
    );
    await new Promise((r) => setTimeout(r, seconds * 1000));
    await scheduler.stop();

    const sources = await listSources(store.db);
    const isHealthy = (id: number) => kinds.get(id) === 'healthy' || kinds.get(id) === 'etag-churn';
    // A source's first poll is due at start-up with all the others: a burst, not a schedule.
    const seen = new Set<number>();
    const scheduled = polls.filter((p) => (seen.has(p.id) ? true : (seen.add(p.id), false)));
    const late = scheduled.filter((p) => isHealthy(p.id)).map((p) => p.late).sort((a, b) => a - b);
    const healthyIds = [...kinds.keys()].filter(isHealthy);
    const pollsOf = (id: number) => polls.filter((p) => p.id === id).length;
    const healthyPolls = healthyIds.map(pollsOf);
    const byKind: Record<string, { polls: number; nextDelayS: number }> = {};
    for (const kind of [...KINDS, 'etag-churn'] as const) {
      const ids = [...kinds].filter(([, k]) => k === kind).map(([id]) => id);
      const delays = sources.filter((s) => ids.includes(s.id)).map((s) => (Date.parse(s.nextFetchAt ?? '') - Date.parse(s.lastFetchedAt ?? '')) / 1000);
      byKind[kind] = { polls: mean(ids.map(pollsOf)), nextDelayS: mean(delays) };
    }
    return {
      sources: count,
      seconds,
      lateP50Ms: pct(late, 50),
      lateP99Ms: pct(late, 99),
      lateMaxMs: late.at(-1) ?? NaN,
      healthyPollsMean: mean(healthyPolls),
      healthyPollsMin: Math.min(...healthyPolls),
      expectedPolls: seconds / INTERVAL_S,
      byKind,
    };
  } finally {
    removeOnInterrupt();
    await store.close();
    await Promise.all(wires.map((w) => w.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}
