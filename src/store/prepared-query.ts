// Kysely builds, freezes and compiles a query tree on every call; for a primary-key
// lookup that costs more than SQLite's own work. A prepared query is compiled once
// per database with sentinel parameters and then re-run with the real values put in
// the sentinels' places. Dialect-agnostic: the compiled SQL is the database's own.
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';

const SENTINEL = '\u0000wiredesk-param-';

export function prepareQuery<D, A extends readonly unknown[], R>(
  build: (db: Kysely<D>, ...args: A) => Compilable<R>,
  arity: A['length'],
): (db: Kysely<D>, ...args: A) => Promise<R[]> {
  const compiled = new WeakMap<Kysely<D>, { query: CompiledQuery<R>; slots: (number | undefined)[] }>();
  return async (db, ...args) => {
    let entry = compiled.get(db);
    if (!entry) {
      const sentinels = Array.from({ length: arity }, (_, i) => `${SENTINEL}${i}`) as unknown as A;
      const query = build(db, ...sentinels).compile();
      const slots = query.parameters.map((p) => (typeof p === 'string' && p.startsWith(SENTINEL) ? Number(p.slice(SENTINEL.length)) : undefined));
      entry = { query, slots };
      compiled.set(db, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i];
      return slot === undefined ? p : args[slot];
    });
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  };
}

type Row = Readonly<Record<string, unknown>>;

/** What executeInsert needs of a Kysely instance or transaction, whatever its schema. */
interface Executes {
  getExecutor(): { readonly adapter: object };
  executeQuery<O>(query: CompiledQuery<O>): Promise<QueryResult<O>>;
}

// Per database (its adapter, which a transaction shares): compiled multi-row INSERTs by
// name, column list and row count. Bounded: the row counts of a chunked writer are few.
const compiledInserts = new WeakMap<object, Map<string, CompiledQuery<unknown>>>();
const MAX_COMPILED_INSERTS = 256;

/**
 * A multi-row INSERT, compiled by Kysely the first time this column list and row count
 * come to it, then re-run with the new rows' values bound. `name` stands for the query's
 * shape (table, RETURNING, ON CONFLICT): one name, one shape of `build`. Building and compiling a query
 * tree of thousands of values cost more than SQLite's insert of a story batch's tags.
 * `build` makes the query from the rows; the compiled form is reused only for rows of
 * plain values (strings, numbers, booleans, null: no expressions) in the same column order,
 * and only when its parameters were exactly the rows' values in that order.
 */
export async function executeInsert<R>(db: Executes, name: string, rows: readonly Row[], build: (rows: readonly Row[]) => Compilable<R>): Promise<R[]> {
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const uniform = rows.every((row) => sameColumns(row, columns));
  const flat = uniform ? rows.flatMap((row) => columns.map((c) => row[c])) : [];
  // Kysely binds a plain value as one parameter; anything else (an expression, a date) may compile otherwise.
  const values = uniform && flat.every(isPlainValue) ? flat : undefined;
  const adapter = db.getExecutor().adapter;
  let cache = compiledInserts.get(adapter);
  if (!cache) compiledInserts.set(adapter, (cache = new Map()));
  const key = `${name}\u0000${rows.length}\u0000${columns.join('\u0000')}`;
  const cached = values && (cache.get(key) as CompiledQuery<R> | undefined);
  if (cached && values) return (await db.executeQuery<R>({ ...cached, parameters: values })).rows;
  const query = build(rows).compile();
  if (values && isSameList(query.parameters, values)) {
    if (cache.size >= MAX_COMPILED_INSERTS) cache.clear();
    cache.set(key, query as CompiledQuery<unknown>);
  }
  return (await db.executeQuery<R>(query)).rows;
}

function isPlainValue(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean';
}

function sameColumns(row: Row, columns: readonly string[]): boolean {
  const keys = Object.keys(row);
  return keys.length === columns.length && keys.every((k, i) => k === columns[i]);
}

function isSameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
