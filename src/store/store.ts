import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Database } from './schema.ts';
import type { Engine } from './engine.ts';
import { createSqliteDialect, openSqlite } from './sqlite/node-sqlite-dialect.ts';
import { createPostgresDialect } from './postgres/postgres-dialect.ts';
import { migrationProvider } from './migrations/index.ts';

export class StoreError extends Error {
  constructor(
    readonly code: 'migrate' | 'conflict' | 'not-found' | 'open',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface Store {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  close(): Promise<void>;
}

export type StoreLocation = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

export function openStore(location: StoreLocation, onError: (err: Error) => void = () => undefined): Store {
  if (location.kind === 'postgres') {
    const { dialect, pool } = createPostgresDialect(location.url, onError);
    const db = new Kysely<Database>({ dialect });
    let closing: Promise<void> | undefined;
    // Kysely's destroy ends the pool; wait until every client has really gone so that
    // a database dropped right after (tests) or a restart sees no half-closed sockets.
    const close = () =>
      (closing ??= db.destroy().then(async () => {
        while (pool.totalCount > 0) await new Promise((r) => setTimeout(r, 10));
      }));
    return { db, engine: 'postgres', close };
  }
  if (location.path !== ':memory:') mkdirSync(dirname(location.path), { recursive: true });
  let raw;
  try {
    raw = openSqlite(location.path);
  } catch (cause) {
    throw new StoreError('open', `store: cannot open ${location.path}`, { cause });
  }
  const db = new Kysely<Database>({ dialect: createSqliteDialect(raw) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new StoreError('migrate', `store: migration failed: ${String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied (for /readyz). */
export async function isMigrated(store: Store): Promise<boolean> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.engine) });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
