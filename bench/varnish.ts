// Article throughput through Varnish: the seeded SQLite database served by `serve`
// (its in-process page cache on, as deployed), deploy/varnish/wiredesk.vcl in a real
// varnishd in front (backends pointed at that serve, as test/proxy does), the 500
// article URLs fetched once through Varnish to fill it, then wrk at 100 connections
// against Varnish. The hit ratio comes from varnishstat's MAIN.cache_hit and
// MAIN.cache_miss, counted over the measured run only.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, vclForBackend, varnishUnavailable } from '../test/proxy/varnish-process.ts';
import { onInterrupt } from './interrupt.ts';
import { articleUrls, loadArticles, seed, startServe, type LoadFigures, type RunningServe } from './article.ts';

export interface VarnishFigures extends LoadFigures {
  readonly pageCache: boolean;
  readonly connections: number;
  /** Hits and misses during the measured run (the warm-up's 500 misses excluded). */
  readonly hits: number;
  readonly misses: number;
  readonly hitRatio: number;
  /** Requests that reached the app during the measured run, by Varnish's count (MAIN.backend_req). */
  readonly backendRequests: number;
}

interface VarnishProcess {
  readonly port: number;
  readonly workdir: string;
  counters(): Record<string, number>;
  stop(): Promise<void>;
}

const COUNTERS = ['MAIN.cache_hit', 'MAIN.cache_miss', 'MAIN.backend_req'] as const;

async function startVarnish(backendPort: number, dir: string): Promise<VarnishProcess> {
  const vclFile = join(dir, 'wiredesk.vcl');
  writeFileSync(vclFile, vclForBackend(backendPort));
  const port = await freePort();
  const workdir = join(dir, 'varnish');
  // As root, varnishd would drop to its own users, who cannot enter our temp dir: unjailed.
  const jail = process.getuid?.() === 0 ? ['-j', 'none'] : [];
  const args = ['-F', ...jail, '-a', `127.0.0.1:${port}`, '-T', '127.0.0.1:0', '-f', vclFile, '-n', workdir, '-s', 'malloc,256m'];
  // Its own process group: the manager and its cache child are stopped together.
  const child: ChildProcess = spawn('varnishd', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const pid = child.pid;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal);
      } catch {
        /* already gone */
      }
    };
    signalGroup('SIGTERM');
    const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
    if (!gone) {
      signalGroup('SIGKILL');
      await exited;
    }
  };
  const vp: VarnishProcess = {
    port,
    workdir,
    counters() {
      const out = execFileSync('varnishstat', ['-1', '-n', workdir, ...COUNTERS.flatMap((c) => ['-f', c])], { encoding: 'utf8' });
      const values: Record<string, number> = {};
      for (const line of out.split('\n')) {
        const [name, value] = line.trim().split(/\s+/);
        if (name && value) values[name] = Number(value);
      }
      return values;
    },
    stop,
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited (${child.exitCode}):\n${output}`);
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(500) });
      return vp;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`varnishd did not answer on port ${port}:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Worker threads add their counts to the shared counters in batches, some time after the
 * requests: read until two readings half a second apart agree (at most 10 s).
 */
async function settledCounters(varnish: VarnishProcess): Promise<Record<string, number>> {
  let last = varnish.counters();
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const now = varnish.counters();
    if (COUNTERS.every((c) => now[c] === last[c])) return now;
    last = now;
  }
  return last;
}

export async function benchVarnish(count: number, opts: { connections?: number; seconds?: number; pageCache?: boolean; gzip?: boolean } = {}): Promise<VarnishFigures> {
  const missing = varnishUnavailable();
  if (missing) throw new Error(`varnish benchmark cannot run: ${missing}`);
  const connections = opts.connections ?? 100;
  const pageCache = opts.pageCache ?? true;
  // Browsers ask for gzip; Varnish stores pages gzipped (the VCL's do_gzip) and would
  // otherwise gunzip every hit for the client.
  const headers: Record<string, string> = (opts.gzip ?? true) ? { 'Accept-Encoding': 'gzip' } : {};
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  let serve: RunningServe | undefined;
  let varnish: VarnishProcess | undefined;
  const removeDir = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  const stopAll = onInterrupt(() => Promise.allSettled([varnish?.stop(), serve?.stop()]));
  try {
    const dbPath = join(dir, 'bench.db');
    const urls = articleUrls(await seed(dbPath, count));
    serve = await startServe(dbPath, await freePort(), { WIREDESK_PAGE_CACHE: pageCache ? '1' : '0' });
    varnish = await startVarnish(serve.port, dir);
    // Fill the cache: each URL once (a miss that reaches the app), all must be pages.
    for (const url of new Set(urls)) {
      const res = await fetch(`http://127.0.0.1:${varnish.port}${url}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`warming ${url}: status ${res.status}`);
    }
    const before = await settledCounters(varnish);
    if ((before['MAIN.cache_miss'] ?? 0) < new Set(urls).size) throw new Error(`warm-up: varnishstat counts ${before['MAIN.cache_miss']} misses for ${new Set(urls).size} URLs`);
    const load = await loadArticles(varnish.port, urls, { connections, seconds: opts.seconds ?? 10, warmUp: false, headers });
    const after = await settledCounters(varnish);
    const delta = (name: (typeof COUNTERS)[number]) => (after[name] ?? 0) - (before[name] ?? 0);
    const hits = delta('MAIN.cache_hit');
    const misses = delta('MAIN.cache_miss');
    return { ...load, pageCache, connections, hits, misses, hitRatio: hits / Math.max(1, hits + misses), backendRequests: delta('MAIN.backend_req') };
  } finally {
    await varnish?.stop();
    await serve?.stop();
    stopAll();
    removeDir();
    rmSync(dir, { recursive: true, force: true });
  }
}
