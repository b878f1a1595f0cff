// Wire-to-page and kill latency against a real `serve` (SQLite, page cache on, as in
// production) while two background readers keep the home page, a sector, the RSS feed
// and the news sitemap hot, so every cache there is has something stale to serve:
//   wire-to-page  POST a new ninjs item to /api/ingest/{source} → its article answers 200
//   kill          POST the agency's cancel of a listed story → its article answers 410 AND
//                 home, sector, /rss.xml and /news-sitemap.xml no longer list it
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from './article.ts';
import { onInterrupt } from './interrupt.ts';
import { freePort } from '../test/proxy/varnish-process.ts';
import { addPushSource, canonicalPath, ninjsItem, pushItem, statusOf, whereListed } from '../test/support/push-site.ts';

export interface LatencyFigures {
  readonly pushes: number;
  readonly kills: number;
  readonly wireToPage: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly kill: { readonly p50: number; readonly p99: number; readonly max: number };
  /** The three slowest pushes: 1-based number, total ms, of which the POST itself. */
  readonly slowestPushes: readonly { readonly n: number; readonly ms: number; readonly postMs: number }[];
  /** Reads made by the background readers during the run. */
  readonly backgroundReads: number;
}

const SOURCE = 'wire';
const GIVE_UP_MS = 10_000;

/** Nearest-rank percentile. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function summarize(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

/** Polls `check` with no pause until it holds; throws after GIVE_UP_MS. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + GIVE_UP_MS;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`gave up waiting: ${what}`);
  }
}

/** Readers that keep the listing pages in every cache (and the server busy) until stopped. */
function startReaders(base: string, count: number): { stop(): Promise<number> } {
  let running = true;
  let reads = 0;
  const pages = ['/', '/news/politics', '/rss.xml', '/news-sitemap.xml', '/latest'];
  const loops = Array.from({ length: count }, async (_, i) => {
    for (let n = i; running; n++) {
      const res = await fetch(`${base}${pages[n % pages.length]}`);
      await res.arrayBuffer();
      reads++;
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return reads;
    },
  };
}

export async function benchWireLatency(pushes = 200, kills = Math.ceil(pushes / 2)): Promise<LatencyFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-latency-'));
  const removeOnInterrupt = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const db = join(dir, 'site.db');
    const token = await addPushSource(db, SOURCE);
    const serve = await startServe(db, await freePort(), { WIREDESK_PAGE_CACHE: '1' });
    const stopOnInterrupt = onInterrupt(() => serve.stop());
    const base = `http://127.0.0.1:${serve.port}`;
    const readers = startReaders(base, 2);
    try {
      const wireToPage: number[] = [];
      const perPush: { n: number; ms: number; postMs: number }[] = [];
      for (let i = 1; i <= pushes; i++) {
        const started = performance.now();
        const { urls } = await pushItem(base, SOURCE, token, ninjsItem(i));
        const postMs = performance.now() - started;
        const url = urls[0];
        if (!url) throw new Error(`push ${i} published nothing`);
        // fetch follows the short URL's 301 to the canonical article.
        await until(`item ${i} served`, async () => {
          const res = await fetch(`${base}${url}`);
          await res.arrayBuffer();
          return res.status === 200;
        });
        wireToPage.push(performance.now() - started);
        perPush.push({ n: i, ms: performance.now() - started, postMs });
      }

      const killMs: number[] = [];
      for (let k = 1; k <= kills; k++) {
        const n = pushes + k;
        const { urls } = await pushItem(base, SOURCE, token, ninjsItem(n));
        const path = await canonicalPath(base, urls[0] ?? '');
        // The story must be listed everywhere first, or its absence would prove nothing.
        await until(`item ${n} listed`, async () => (await whereListed(base, path)).length === 4);
        const started = performance.now();
        await pushItem(base, SOURCE, token, ninjsItem(n, { version: 2, pubstatus: 'canceled' }));
        await until(`item ${n} gone`, async () => (await statusOf(base, path)) === 410 && (await whereListed(base, path)).length === 0);
        killMs.push(performance.now() - started);
      }
      return { pushes, kills, wireToPage: summarize(wireToPage), kill: summarize(killMs), slowestPushes: perPush.sort((a, b) => b.ms - a.ms).slice(0, 3), backgroundReads: await readers.stop() };
    } finally {
      await readers.stop();
      stopOnInterrupt();
      await serve.stop();
    }
  } finally {
    removeOnInterrupt();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function latencyLine(f: LatencyFigures): string {
  const ms = (x: number) => x.toFixed(1);
  return (
    `wire-latency (sqlite, page cache on, 2 background readers): wire-to-page over ${f.pushes} pushes p50 ${ms(f.wireToPage.p50)} ms, p99 ${ms(f.wireToPage.p99)} ms, max ${ms(f.wireToPage.max)} ms (bar p99 < 250 ms); ` +
    `kill to 410 and gone from home, sector, feed and news sitemap over ${f.kills} kills p50 ${ms(f.kill.p50)} ms, p99 ${ms(f.kill.p99)} ms, max ${ms(f.kill.max)} ms (bar p99 < 1000 ms); ${f.backgroundReads} background reads; slowest pushes ${f.slowestPushes.map((p) => `#${p.n} ${ms(p.ms)} ms (POST ${ms(p.postMs)})`).join(', ')}`
  );
}
