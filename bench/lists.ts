// List pages from `serve` (page cache off, 50 connections): /latest against the pages
// this part adds, /opinion (a tenth of the stories made opinion), /author/{slug} (50
// authors over those pieces) and /country/{slug} (the country with most stories), each
// over its first 20 pages, so the ratios to /latest say what the new filters cost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../src/store/store.ts';
import { countryPath } from '../src/web/urls.ts';
import { loadArticles, seed, startServe, type LoadFigures } from './article.ts';

export interface ListFigures extends LoadFigures {
  readonly page: string;
}

const AUTHORS = 50;

/** A tenth of the stories become opinion pieces by one of 50 authors; returns the code of the country with most stories. */
async function makePieces(dbPath: string): Promise<string> {
  const store = openStore({ kind: 'sqlite', path: dbPath });
  try {
    await store.db
      .updateTable('stories')
      .set({ kind: 'opinion', author: sql`'Author ' || ((id / 10) % ${sql.raw(String(AUTHORS))})`, author_slug: sql`'author-' || ((id / 10) % ${sql.raw(String(AUTHORS))})` })
      .where(sql<boolean>`id % 10 = 0`)
      .execute();
    const top = await store.db.selectFrom('story_countries').select(['country', (eb) => eb.fn.countAll().as('n')]).groupBy('country').orderBy('n', 'desc').limit(1).executeTakeFirst();
    return top?.country ?? 'IN';
  } finally {
    await store.close();
  }
}

const pages = (base: string, n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? base : `${base}?page=${i + 1}`));

export async function benchLists(count: number, opts: { port?: number } = {}): Promise<ListFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  try {
    const dbPath = join(dir, 'bench.db');
    await seed(dbPath, count);
    const country = await makePieces(dbPath);
    const serve = await startServe(dbPath, opts.port ?? 3999);
    try {
      const runs: [string, string[]][] = [
        ['/latest', pages('/latest', 20)],
        ['/opinion', pages('/opinion', 20)],
        ['/author/{slug}', Array.from({ length: 20 }, (_, i) => `/author/author-${i}`)],
        [countryPath(country), pages(countryPath(country), 20)],
      ];
      const out: ListFigures[] = [];
      for (const [page, urls] of runs) {
        // A page that is not there would be measured as a fast 404: fail instead.
        for (const url of urls.slice(0, 2)) if ((await fetch(`http://127.0.0.1:${serve.port}${url}`)).status !== 200) throw new Error(`bench lists: ${url} is not a page`);
        out.push({ page, ...(await loadArticles(serve.port, urls, { seconds: 8 })) });
      }
      return out;
    } finally {
      await serve.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function listLines(figures: readonly ListFigures[], count: number): string[] {
  const latest = figures[0]?.requestsPerSecond ?? 0;
  return figures.map(
    (f) =>
      `lists (uncached, ${count} stories, sqlite, 50 connections, ${f.client}): ${f.page} ${Math.round(f.requestsPerSecond)} req/s (${(f.requestsPerSecond / latest).toFixed(2)}x /latest), p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, errors ${f.errors}, non-2xx ${f.non2xx}`,
  );
}
