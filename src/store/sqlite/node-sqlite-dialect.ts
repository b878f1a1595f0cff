// Kysely ships a SQLite dialect written for better-sqlite3's API. node:sqlite's
// DatabaseSync is close but not the same, so this bridges the few differences
// (statement kind, iterate, run result) instead of pulling in a native module.
// The published node:sqlite dialect packages are small and barely maintained;
// this bridge is ~40 lines we can test ourselves.
import { DatabaseSync, type StatementSync, type SQLInputValue } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

type Params = readonly unknown[];

function bind(params: Params): SQLInputValue[] {
  return params.map((p) => {
    if (typeof p === 'boolean') return p ? 1 : 0;
    if (p instanceof Date) return p.toISOString();
    return p as SQLInputValue;
  });
}

function wrapStatement(stmt: StatementSync): SqliteStatement {
  return {
    // A statement returns rows when it declares result columns (SELECT, RETURNING).
    reader: stmt.columns().length > 0,
    all: (params: Params) => stmt.all(...bind(params)),
    run: (params: Params) => {
      const r = stmt.run(...bind(params));
      return { changes: Number(r.changes), lastInsertRowid: Number(r.lastInsertRowid) };
    },
    iterate: (params: Params) => stmt.iterate(...bind(params)),
  };
}

export function openSqlite(path: string): DatabaseSync {
  const db = new DatabaseSync(path, { timeout: 5000 });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  // A checkpoint (WAL copied into the database, two fsyncs) runs at the commit that takes
  // the WAL past this many pages. At the default 1,000 (4 MB) every ingest batch of 500
  // items crossed it, so each batch paid a checkpoint; ~40 MB lets a checkpoint come every
  // several batches and copy a page written by each of them once. The WAL file is cut
  // back to 64 MB after a checkpoint that leaves it larger.
  db.exec('PRAGMA wal_autocheckpoint = 10000');
  db.exec('PRAGMA journal_size_limit = 67108864');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  // Reads dominate a news site: keep hot pages in memory rather than re-reading them.
  db.exec('PRAGMA cache_size = -65536');
  db.exec('PRAGMA mmap_size = 268435456');
  return db;
}

// Preparing is a large share of a simple query's cost; Kysely asks for a fresh
// statement every time, so keep the recently used ones (bounded: IN-lists vary).
const STATEMENT_CACHE_SIZE = 256;

export function createSqliteDialect(database: DatabaseSync): SqliteDialect {
  const cache = new Map<string, SqliteStatement>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql);
    } else {
      stmt = wrapStatement(database.prepare(sql));
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  const bridge: SqliteDatabase = {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare,
  };
  return new SqliteDialect({ database: bridge });
}
