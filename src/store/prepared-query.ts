// Kysely builds, freezes and compiles a query tree on every call; for a primary-key
// lookup that costs more than SQLite's own work. A prepared query is compiled once
// per database with sentinel parameters and then re-run with the real values put in
// the sentinels' places. Dialect-agnostic: the compiled SQL is the database's own.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

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
