// Article page throughput from a second process: seeds a database of N stories
// through the real ingest, starts `serve` as a child process with the page cache
// off, then drives it with autocannon at 50 connections over many article URLs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface ServeFigures {
  readonly readyMs: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

/** Seeds in a child process: the driver's own heap stays small while it measures. */
async function seed(dbPath: string, count: number): Promise<string[]> {
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

export async function benchArticle(count: number, opts: { connections?: number; seconds?: number; port?: number; env?: Record<string, string> } = {}): Promise<ServeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  const port = opts.port ?? 3999;
  const dbPath = join(dir, 'bench.db');
  const paths = await seed(dbPath, count);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve', '--no-demo', '--db', dbPath, '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'warn', WIREDESK_PAGE_CACHE: '0', ...opts.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const readyMs = await waitReady(`http://127.0.0.1:${port}/`, started, child);
    // Spread requests over many stories so no single row is hot.
    const requests = Array.from({ length: 500 }, (_, i) => ({ method: 'GET' as const, path: paths[(i * 7919) % paths.length]! }));
    await autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, duration: 2, requests }); // warm-up
    const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: opts.connections ?? 50, duration: opts.seconds ?? 10, requests });
    return {
      readyMs,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 10_000);
  const f = await benchArticle(count);
  console.log(
    `article (uncached, ${count} stories, 50 connections): ${Math.round(f.requestsPerSecond)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, errors ${f.errors}, non-2xx ${f.non2xx}; serve ready in ${Math.round(f.readyMs)} ms`,
  );
}
