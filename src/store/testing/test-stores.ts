// One case list, every engine (the Kysely habit): tests call `eachEngine` and get a
// fresh, migrated store per engine. SQLite always runs; PostgreSQL runs when
// WIREDESK_TEST_PG (a postgres:// URL to a database we may create databases from)
// is set, as .ci/run does. Each store gets its own throw-away database or file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openStore, type Store } from '../store.ts';
import type { Engine } from '../engine.ts';

export interface TestStore {
  readonly store: Store;
  readonly url: string;
  dispose(): Promise<void>;
}

export function testEngines(): Engine[] {
  return process.env.WIREDESK_TEST_PG ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createTestStore(engine: Engine): Promise<TestStore> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'wiredesk-test-'));
    const path = join(dir, 'test.db');
    const store = openStore({ kind: 'sqlite', path });
    await migrate(store);
    return {
      store,
      url: path,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = process.env.WIREDESK_TEST_PG;
  if (!admin) throw new Error('WIREDESK_TEST_PG is not set');
  const name = `wiredesk_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = openStore({ kind: 'postgres', url: url.toString() });
  await migrate(store);
  return {
    store,
    url: url.toString(),
    async dispose() {
      await store.close();
      await withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Runs `fn` on a one-off client (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function withAdmin(url: string, fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A store with no migrations applied, for migration tests that build an older schema
 * first: a temporary SQLite file or a fresh PostgreSQL database; `dispose` removes it.
 */
export async function openEmptyStore(engine: Engine, label: string): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `wiredesk-${label}-`));
    const store = openStore({ kind: 'sqlite', path: join(dir, 'db.sqlite') });
    return { store, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = process.env.WIREDESK_TEST_PG ?? '';
  const name = `wiredesk_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = openStore({ kind: 'postgres', url: url.toString() });
  return { store, dispose: async () => { await store.close(); await withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)); } };
}
