// Article pages from the in-process page cache vs rendered per request: one database
// of N stories (default 100,000) served by `serve` with WIREDESK_WORKERS=1 then 2,
// each with the page cache on (every measured URL read first, so each worker holds
// them all; measured without and with Accept-Encoding: gzip) and off, at 100 connections
// as fast as answered (closed loop) and, page cache off, paced at the bar's 2,500 req/s.
// The page cache's hit and miss counters are read from /metrics around each measured
// run, so "warmed" is checked, not assumed.
// Also prints the home page's size, raw and gzipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { articleUrls, loadArticles, seed, startServe, type LoadFigures } from './article.ts';
import { onInterrupt } from './interrupt.ts';

export interface CachedRun extends LoadFigures {
  readonly workers: number;
  readonly pageCache: boolean;
  /** The client sent Accept-Encoding: gzip (hits are then answered from the stored gzip body). */
  readonly gzip: boolean;
  /** Requests a second offered at a steady pace; undefined: as fast as answered (closed loop). */
  readonly rate?: number;
  /** Page cache lookups during the measured run (0 when it is off). */
  readonly hits: number;
  readonly misses: number;
}

export interface CachedFigures {
  readonly stories: number;
  readonly urls: number;
  readonly connections: number;
  readonly runs: readonly CachedRun[];
  readonly homeBytes: number;
  readonly homeGzipBytes: number;
  readonly articleBytes: number;
}

const CONNECTIONS = 100;
const URLS = 5_000;
const SECONDS = 10;
/** The issue's uncached bar: what p99 a reader sees with this much traffic, page cache off. */
const UNCACHED_RATE = 2_500;
/** Long enough, at uncached speed, to read every URL on every worker several times over. */
const WARM_SECONDS = 40;

async function pageCacheLookups(port: number): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const value = (result: string) => Number(new RegExp(`^wiredesk_cache_requests_total\\{cache="page",result="${result}"\\} (\\S+)`, 'm').exec(text)?.[1] ?? 0);
  return { hits: value('hit'), misses: value('miss') };
}

async function sizes(port: number, articlePath: string): Promise<Pick<CachedFigures, 'homeBytes' | 'homeGzipBytes' | 'articleBytes'>> {
  const home = Buffer.from(await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer());
  const article = Buffer.from(await (await fetch(`http://127.0.0.1:${port}${articlePath}`)).arrayBuffer());
  return { homeBytes: home.length, homeGzipBytes: gzipSync(home).length, articleBytes: article.length };
}

export async function benchCached(count = 100_000, opts: { port?: number; workerCounts?: readonly number[] } = {}): Promise<CachedFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  const removeOnInterrupt = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const dbPath = join(dir, 'bench.db');
    const urls = articleUrls(await seed(dbPath, count), URLS);
    const runs: CachedRun[] = [];
    let pageSizes: Pick<CachedFigures, 'homeBytes' | 'homeGzipBytes' | 'articleBytes'> | undefined;
    for (const workers of opts.workerCounts ?? [1, 2]) {
      for (const pageCache of [true, false]) {
        const serve = await startServe(dbPath, opts.port ?? 3999, { WIREDESK_WORKERS: String(workers), WIREDESK_PAGE_CACHE: pageCache ? '1' : '0' });
        try {
          pageSizes ??= await sizes(serve.port, urls[0]!);
          // Warm: at 100 connections the uncached pages come as fast as they can be made.
          await loadArticles(serve.port, urls, { connections: CONNECTIONS, seconds: pageCache ? WARM_SECONDS : 2, warmUp: false });
          for (const gzip of pageCache ? [false, true] : [false]) {
            const before = await pageCacheLookups(serve.port);
            const headers: Record<string, string> = gzip ? { 'accept-encoding': 'gzip' } : {};
            const figures = await loadArticles(serve.port, urls, { connections: CONNECTIONS, seconds: SECONDS, warmUp: false, headers });
            const after = await pageCacheLookups(serve.port);
            runs.push({ workers, pageCache, gzip, hits: after.hits - before.hits, misses: after.misses - before.misses, ...figures });
          }
          if (!pageCache) {
            const figures = await loadArticles(serve.port, urls, { connections: CONNECTIONS, seconds: SECONDS, warmUp: false, rate: UNCACHED_RATE });
            runs.push({ workers, pageCache, gzip: false, rate: UNCACHED_RATE, hits: 0, misses: 0, ...figures });
          }
        } finally {
          await serve.stop();
        }
      }
    }
    return { stories: count, urls: URLS, connections: CONNECTIONS, runs, ...(pageSizes ?? { homeBytes: NaN, homeGzipBytes: NaN, articleBytes: NaN }) };
  } finally {
    removeOnInterrupt();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function cachedLines(f: CachedFigures): string[] {
  const lines = f.runs.map((r) => {
    const lookups = r.hits + r.misses;
    const ratio = r.pageCache ? `, page cache hit ratio ${lookups > 0 ? ((r.hits / lookups) * 100).toFixed(2) : 'n/a'}% (${r.misses} misses)` : '';
    return (
      `cached (${f.stories} stories, ${f.urls} URLs, page cache ${r.pageCache ? 'on' : 'off'}${r.gzip ? ', gzip' : ''}, ${r.workers} worker${r.workers > 1 ? 's' : ''}, ${f.connections} connections, ` +
      `${r.rate ? `paced at ${r.rate} req/s` : 'closed loop'}, ${r.client}): ` +
      `${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, errors ${r.errors}, non-2xx ${r.non2xx}${ratio}`
    );
  });
  lines.push(`page sizes: home ${f.homeBytes} bytes, ${(f.homeGzipBytes / 1024).toFixed(1)} KB gzipped (bar < 60 KB); article ${f.articleBytes} bytes`);
  return lines;
}
