// Roundups and DevShots: N stories seeded through the real ingest (all arrived "now"),
// then each demo topic's roundup made in-process (the brief query over N stories and the
// one-transaction write) and the kill refresh timed; then `serve` (page cache off) drives
// /devshots against /latest, the list it is shaped like, in the same run: compare the ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadArticles, seed, startServe, type LoadFigures } from './article.ts';
import { migrate, openStore } from '../src/store/store.ts';
import { loadConfig } from '../src/config/config.ts';
import { runRoundupTopic } from '../src/roundups/run-roundup.ts';
import { refreshRoundups } from '../src/roundups/refresh-roundups.ts';
import { absoluteUrl, articlePath } from '../src/web/urls.ts';

export interface RoundupFigures {
  readonly stories: number;
  /** Per demo topic: ms for the run and briefs bundled (or skipped). */
  readonly runs: readonly { readonly topic: string; readonly ms: number; readonly outcome: string }[];
  readonly refreshMs: number;
  readonly pages: Readonly<Record<'devshots' | 'latest' | 'roundups', LoadFigures>>;
}

/** The first 20 pages of a list, so the load is not one hot query. */
const pagesOf = (base: string) => Array.from({ length: 20 }, (_, i) => (i === 0 ? base : `${base}?page=${i + 1}`));

export async function benchRoundups(count: number, opts: { port?: number } = {}): Promise<RoundupFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  try {
    const dbPath = join(dir, 'bench.db');
    await seed(dbPath, count);
    const config = loadConfig({});
    const store = openStore({ kind: 'sqlite', path: dbPath });
    await migrate(store);
    const runs: { topic: string; ms: number; outcome: string }[] = [];
    let refreshMs = 0;
    try {
      const deps = { store, site: config.site, logger: pino({ level: 'silent' }), owner: 'bench', articleUrl: (b: Parameters<typeof articlePath>[0]) => absoluteUrl(config.site, articlePath(b)), onPublished: () => undefined };
      for (const topic of config.roundups) {
        const started = performance.now();
        const run = await runRoundupTopic(deps, topic, { force: true });
        runs.push({ topic: topic.slug, ms: performance.now() - started, outcome: run.kind === 'published' ? `${run.briefIds.length} briefs` : run.kind });
      }
      const started = performance.now();
      await refreshRoundups(deps);
      refreshMs = performance.now() - started;
    } finally {
      await store.close();
    }
    const serve = await startServe(dbPath, opts.port ?? 3999, { WIREDESK_ROUNDUPS: 'off' });
    try {
      const devshots = await loadArticles(serve.port, pagesOf('/devshots'));
      const latest = await loadArticles(serve.port, pagesOf('/latest'));
      const roundups = await loadArticles(serve.port, ['/roundups']);
      return { stories: count, runs, refreshMs, pages: { devshots, latest, roundups } };
    } finally {
      await serve.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function roundupLines(f: RoundupFigures): string[] {
  const page = (name: string, p: LoadFigures) => `${name} ${Math.round(p.requestsPerSecond)} req/s (p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, non-2xx ${p.non2xx})`;
  return [
    `roundups (${f.stories} stories, sqlite): ${f.runs.map((r) => `${r.topic} ${r.ms.toFixed(1)} ms (${r.outcome})`).join(', ')}; kill refresh ${f.refreshMs.toFixed(1)} ms`,
    `pages (uncached, 50 connections, first 20 pages each): ${page('/devshots', f.pages.devshots)}, ${page('/latest', f.pages.latest)}, ${page('/roundups', f.pages.roundups)}; devshots/latest ${(f.pages.devshots.requestsPerSecond / f.pages.latest.requestsPerSecond).toFixed(2)}x`,
  ];
}
