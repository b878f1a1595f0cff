// Article page throughput served from PostgreSQL: the SQLite database bench/seed-db.ts
// makes, copied into a fresh PostgreSQL database with migrateData (what an operator
// moving to several nodes does), then `serve` with DATABASE_URL pointing at it and the
// same load as bench/article.ts. `benchArticleEngines` measures SQLite and PostgreSQL
// on the very same seeded data, one after the other, in one process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleUrls, loadArticles, seed, startServe, type ServeFigures } from './article.ts';
import { copySqliteInto, createBenchDatabase } from './pg.ts';
import { onInterrupt } from './interrupt.ts';

export interface ArticleOptions {
  readonly connections?: number;
  readonly seconds?: number;
  readonly port?: number;
  readonly env?: Record<string, string>;
}

export interface PgServeFigures extends ServeFigures {
  /** migrateData from the seeded SQLite file, then VACUUM ANALYZE. */
  readonly copySeconds: number;
}

async function articleOnSqlite(dbPath: string, paths: readonly string[], opts: ArticleOptions): Promise<ServeFigures> {
  const serve = await startServe(dbPath, opts.port ?? 3999, opts.env);
  const stopOnInterrupt = onInterrupt(() => serve.stop());
  try {
    return { readyMs: serve.readyMs, ...(await loadArticles(serve.port, articleUrls(paths), opts)) };
  } finally {
    stopOnInterrupt();
    await serve.stop();
  }
}

async function articleOnPostgres(dir: string, dbPath: string, paths: readonly string[], opts: ArticleOptions): Promise<PgServeFigures> {
  const db = await createBenchDatabase();
  const dropOnInterrupt = onInterrupt(() => db.drop());
  try {
    const copyStarted = performance.now();
    await copySqliteInto(db, dbPath);
    const copySeconds = (performance.now() - copyStarted) / 1000;
    // --db names a file that does not exist: were DATABASE_URL ignored, every article would 404.
    const serve = await startServe(join(dir, 'not-used.db'), opts.port ?? 3999, { ...opts.env, DATABASE_URL: db.url });
    const stopOnInterrupt = onInterrupt(() => serve.stop());
    try {
      return { readyMs: serve.readyMs, copySeconds, ...(await loadArticles(serve.port, articleUrls(paths), opts)) };
    } finally {
      stopOnInterrupt();
      await serve.stop();
    }
  } finally {
    dropOnInterrupt();
    await db.drop();
  }
}

async function withSeed<T>(count: number, fn: (dir: string, dbPath: string, paths: string[]) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  const removeOnInterrupt = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const dbPath = join(dir, 'bench.db');
    return await fn(dir, dbPath, await seed(dbPath, count));
  } finally {
    removeOnInterrupt();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchArticlePg(count: number, opts: ArticleOptions = {}): Promise<PgServeFigures> {
  return withSeed(count, (dir, dbPath, paths) => articleOnPostgres(dir, dbPath, paths, opts));
}

/** SQLite first, then PostgreSQL, on one seeded database. */
export function benchArticleEngines(count: number, opts: ArticleOptions = {}): Promise<{ sqlite: ServeFigures; postgres: PgServeFigures }> {
  return withSeed(count, async (dir, dbPath, paths) => {
    const sqlite = await articleOnSqlite(dbPath, paths, opts);
    const postgres = await articleOnPostgres(dir, dbPath, paths, opts);
    return { sqlite, postgres };
  });
}
