// Throw-away PostgreSQL databases for the benchmarks, made from an admin URL the way
// src/store/testing/test-stores.ts does: WIREDESK_BENCH_PG, else WIREDESK_TEST_PG,
// else the local server's `test` database (trust auth, as .ci/run sets it up).
import { randomBytes } from 'node:crypto';
import { withAdmin } from '../src/store/testing/test-stores.ts';
import { openStore } from '../src/store/store.ts';
import { migrateData } from '../src/store/migrate-data.ts';

export function adminUrl(): string {
  return process.env.WIREDESK_BENCH_PG ?? process.env.WIREDESK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  /** Runs one statement in it on a short-lived connection (VACUUM cannot run inside the pool's transactions anyway). */
  query(text: string): Promise<void>;
  /** Drops it, closing whatever connections are left. Safe to call twice: the second call waits for the first. */
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const admin = adminUrl();
  const name = `wiredesk_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  let dropping: Promise<void> | undefined;
  return {
    name,
    url: url.toString(),
    query: (text) => withAdmin(url.toString(), (c) => c.query(text)),
    // One drop, whoever asks (a `finally` and the Ctrl-C cleanup may both): all wait for it.
    drop: () => (dropping ??= withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

/**
 * Copies a seeded SQLite file into the bench database with migrate-data, then VACUUM
 * ANALYZE: fresh statistics and visibility map, as after any bulk load (autovacuum
 * would get there within a minute or so; a run should not depend on when).
 */
export async function copySqliteInto(db: BenchDatabase, sqlitePath: string): Promise<void> {
  const from = openStore({ kind: 'sqlite', path: sqlitePath });
  const to = openStore({ kind: 'postgres', url: db.url });
  try {
    await migrateData(from, to);
  } finally {
    await from.close();
    await to.close();
  }
  await db.query('VACUUM ANALYZE');
}
