// Article page throughput from a second process: seeds a database of N stories
// through the real ingest, starts `serve` as a child process with the page cache
// off, then drives it at 50 connections over many article URLs with wrk (Debian's
// package) when installed, else autocannon. The pieces (seed, startServe,
// articleUrls, loadArticles) are exported for the PostgreSQL and Varnish runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { onInterrupt } from './interrupt.ts';

export interface LoadFigures {
  readonly client: 'wrk' | 'autocannon';
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

export interface ServeFigures extends LoadFigures {
  readonly readyMs: number;
}

function hasWrk(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

export type RequestHeaders = Readonly<Record<string, string>>;

/** wrk (C, one thread) loads the server far less than a Node client would on 2 cores. */
/**
 * wrk sends each connection's next request as soon as the last is answered (closed
 * loop): latency then measures the queue the load itself builds. With a rate, every
 * request is given a send slot 1/rate after the previous one (LuaJIT's ffi reads the
 * monotonic clock; wrk waits whole milliseconds), so the server sees `rate` requests a
 * second however fast it answers, and latency is what a reader at that traffic gets.
 */
function pacing(rate: number): string {
  return (
    'local ffi = require("ffi")\n' +
    'ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } wd_timespec; int clock_gettime(int clk, wd_timespec *tp); ]]\n' +
    'local ts = ffi.new("wd_timespec")\n' +
    'local function now_ms() ffi.C.clock_gettime(1, ts) return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6 end\n' +
    `local interval = ${1000 / rate}\nlocal next_slot = 0\n` +
    'delay = function() local t = now_ms() if next_slot < t then next_slot = t end local wait = next_slot - t next_slot = next_slot + interval return wait end\n'
  );
}

async function runWrk(port: number, paths: readonly string[], connections: number, seconds: number, headers: RequestHeaders = {}, rate?: number): Promise<LoadFigures> {
  const script = join(tmpdir(), `wiredesk-wrk-${process.pid}.lua`);
  const headerTable = `{${Object.entries(headers).map(([k, v]) => `[${JSON.stringify(k)}]=${JSON.stringify(v)}`).join(',')}}`;
  writeFileSync(
    script,
    `paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\nheaders = ${headerTable}\ni = 0\nrequest = function() i = i + 1 return wrk.format("GET", paths[(i % #paths) + 1], headers) end\n` +
      (rate ? pacing(rate) : '') +
      'done = function(summary, latency, requests) io.write(string.format("JSON {\\"rps\\":%f,\\"p50\\":%f,\\"p99\\":%f,\\"errors\\":%d,\\"non2xx\\":%d}\\n", summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status)) end\n',
  );
  // Not spawnSync: the event loop stays free, so a Ctrl-C reaches the benchmark's cleanup.
  const child = spawn('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', script, `http://127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stopOnInterrupt = onInterrupt(() => {
    child.kill('SIGKILL');
    rmSync(script, { force: true });
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', () => resolve());
    });
  } finally {
    stopOnInterrupt();
    rmSync(script, { force: true });
  }
  const line = stdout.split('\n').find((l) => l.startsWith('JSON '));
  if (!line) throw new Error(`wrk printed no figures: ${stderr || stdout}`);
  const f = JSON.parse(line.slice(5)) as { rps: number; p50: number; p99: number; errors: number; non2xx: number };
  return { client: 'wrk', requestsPerSecond: f.rps, p50: f.p50, p99: f.p99, errors: f.errors, non2xx: f.non2xx };
}

async function runAutocannon(port: number, paths: readonly string[], connections: number, seconds: number, headers: RequestHeaders = {}): Promise<LoadFigures> {
  const requests = paths.map((path) => ({ method: 'GET' as const, path, headers: { ...headers } }));
  const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests });
  return { client: 'autocannon', requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** Seeds in a child process: the driver's own heap stays small while it measures. */
export async function seed(dbPath: string, count: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/seed-db.ts', dbPath, String(count)], { stdio: 'inherit' });
  const code = await new Promise((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`seeding failed with ${String(code)}`);
  return JSON.parse(readFileSync(`${dbPath}.paths.json`, 'utf8')) as string[];
}

async function waitReady(url: string, started: number, child: ChildProcess): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return performance.now() - started;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface RunningServe {
  readonly child: ChildProcess;
  readonly port: number;
  /** Process start to the first 200 on `/`. */
  readonly readyMs: number;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `serve` on a SQLite file as a child process and waits until it answers;
 * `env` adds to the environment (DATABASE_URL selects PostgreSQL instead of `dbPath`).
 */
export async function startServe(dbPath: string, port: number, env: Record<string, string> = {}): Promise<RunningServe> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve', '--no-demo', '--db', dbPath, '--port', String(port)], {
    // No roundups: every seeded story arrived minutes ago, so the job would bundle them
    // and publish mid-run, dropping cached pages; the benches measure serving pages.
    env: { ...process.env, LOG_LEVEL: 'warn', WIREDESK_PAGE_CACHE: '0', WIREDESK_ROUNDUPS: 'off', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const readyMs = await waitReady(`http://127.0.0.1:${port}/`, started, child);
    return { child, port, readyMs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** 500 article paths spread over the whole database, so no single row is hot. */
export function articleUrls(paths: readonly string[], count = 500): string[] {
  return Array.from({ length: count }, (_, i) => paths[(i * 7919) % paths.length]!);
}

/** Drives whatever listens on 127.0.0.1:`port` over `urls`: an optional warm-up (10 connections, 2 s), then the measured run. */
export async function loadArticles(
  port: number,
  urls: readonly string[],
  /** `rate`: requests a second offered at a steady pace (wrk only) instead of as fast as answered. */
  opts: { connections?: number; seconds?: number; warmUp?: boolean; headers?: RequestHeaders; rate?: number } = {},
): Promise<LoadFigures> {
  if (opts.rate && !hasWrk()) throw new Error('bench: a paced load needs wrk (apt-get install wrk)');
  const load = hasWrk() ? runWrk : runAutocannon;
  if (opts.warmUp ?? true) await load(port, urls, 10, 2, opts.headers);
  return load(port, urls, opts.connections ?? 50, opts.seconds ?? 10, opts.headers, opts.rate);
}

export interface WorkerFigures extends ServeFigures {
  readonly workers: number;
}

/** One seeded database served with 1, 2… worker processes (WIREDESK_WORKERS) in turn, same load. */
export async function benchArticleWorkers(count: number, workerCounts: readonly number[], opts: { port?: number } = {}): Promise<WorkerFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  try {
    const dbPath = join(dir, 'bench.db');
    const paths = await seed(dbPath, count);
    const results: WorkerFigures[] = [];
    for (const workers of workerCounts) {
      const serve = await startServe(dbPath, opts.port ?? 3999, { WIREDESK_WORKERS: String(workers) });
      try {
        // The first worker answers before the others listen; the warm-up covers that.
        const figures = await loadArticles(serve.port, articleUrls(paths));
        results.push({ workers, readyMs: serve.readyMs, ...figures });
      } finally {
        await serve.stop();
      }
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchArticle(count: number, opts: { connections?: number; seconds?: number; port?: number; env?: Record<string, string> } = {}): Promise<ServeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  try {
    const dbPath = join(dir, 'bench.db');
    const paths = await seed(dbPath, count);
    const serve = await startServe(dbPath, opts.port ?? 3999, opts.env);
    try {
      const figures = await loadArticles(serve.port, articleUrls(paths), opts);
      return { readyMs: serve.readyMs, ...figures };
    } finally {
      await serve.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
