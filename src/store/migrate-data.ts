// Copies a whole site from one store into another: in practice the embedded SQLite file
// into PostgreSQL. The table list comes from the database itself, so tables added by later
// migrations are copied without touching this file. Copying is resumable: rows go in
// primary-key order, in batches, with explicit keys and ON CONFLICT DO NOTHING, so a run
// that was interrupted picks up where it stopped and never duplicates a row.
import { sql, type Kysely } from 'kysely';
import { DEFAULT_MIGRATION_TABLE } from 'kysely/migration';
import { migrate, type Store } from './store.ts';
import { migrationProvider } from './migrations/index.ts';

export interface TableCount {
  readonly table: string;
  readonly source: number;
  readonly target: number;
  /** Rows this run inserted; the rest were already in the target (a resumed run). */
  readonly copied: number;
}

export type MigrateDataProgress =
  | { readonly kind: 'batch'; readonly table: string; readonly done: number; readonly total: number }
  | { readonly kind: 'table-done'; readonly table: string; readonly copied: number; readonly present: number; readonly ms: number };

export interface MigrateDataOptions {
  readonly batchSize?: number;
  /** Called after every committed batch; throwing aborts the copy (a later run resumes). */
  readonly onProgress?: (p: MigrateDataProgress) => void;
}

export class MigrateDataError extends Error {
  constructor(
    readonly code: 'schema' | 'missing-table' | 'conflict' | 'count-mismatch',
    message: string,
    readonly counts: readonly TableCount[] = [],
  ) {
    super(message);
  }
}

/**
 * Parents before children, for the foreign keys we know (stories -> sources,
 * story_views -> stories). Tables not listed are copied after these, by name: a new table
 * that references another new table must be added here.
 */
export const TABLE_ORDER: readonly string[] = ['sources', 'stories', 'story_views', 'story_audit', 'settings', 'job_leases', 'websub_subscriptions'];

/** Counters that mean nothing a minute later, and desk sessions (editors sign in again): not copied (the target starts them afresh). */
export const TRANSIENT_TABLES: ReadonlySet<string> = new Set(['rate_limits', 'view_readers', 'view_salts', 'change_notes', 'desk_sessions']);

const DEFAULT_BATCH = 1000;
/** Bind parameters per INSERT stay well under SQLite's 32766 and PostgreSQL's 65535. */
const MAX_PARAMS = 30_000;
/** Composite keys are looked up as `(a = ? and b = ?) or …`; SQLite caps expression depth at 1000. */
const MAX_OR_TERMS = 200;

type Row = Record<string, unknown>;
type AnyDb = Kysely<Record<string, Row>>;

interface TablePlan {
  readonly name: string;
  readonly columns: readonly string[];
  readonly key: readonly string[];
  /** A single integer primary key: resume after the target's highest key. */
  readonly integerKey: boolean;
}

export async function migrateData(from: Store, to: Store, opts: MigrateDataOptions = {}): Promise<TableCount[]> {
  await checkSourceSchema(from);
  await migrate(to);
  const plans = await planTables(from, to);
  const present = new Map<string, number>();
  for (const plan of plans) present.set(plan.name, await verifyTargetRows(from, to, plan));
  const copied = new Map<string, number>();
  for (const plan of plans) copied.set(plan.name, await copyTable(from, to, plan, present.get(plan.name) ?? 0, opts));
  if (to.engine === 'postgres') await resetSequences(to, plans);
  const counts: TableCount[] = [];
  for (const plan of plans) {
    counts.push({ table: plan.name, source: await countRows(from, plan.name), target: await countRows(to, plan.name), copied: copied.get(plan.name) ?? 0 });
  }
  const bad = counts.filter((c) => c.source !== c.target);
  if (bad.length > 0) {
    const list = bad.map((c) => `${c.table} (source ${c.source}, target ${c.target})`).join(', ');
    throw new MigrateDataError('count-mismatch', `migrate-data: row counts differ after copying: ${list}`, counts);
  }
  return counts;
}

/** The source must be at exactly this code's schema: not behind, and nothing we don't know. */
async function checkSourceSchema(from: Store): Promise<void> {
  const known = Object.keys(await migrationProvider(from.engine).getMigrations());
  const tables = await from.db.introspection.getTables({ withInternalKyselyTables: true });
  const applied = tables.some((t) => t.name === DEFAULT_MIGRATION_TABLE)
    ? (await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} order by name`.execute(from.db)).rows.map((r) => r.name)
    : [];
  if (applied.length === 0) throw new MigrateDataError('schema', 'migrate-data: the source is not a Wiredesk database (no migrations applied)');
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new MigrateDataError('schema', `migrate-data: the source has migrations this version does not know (${unknown.join(', ')}); upgrade Wiredesk first`);
  }
  const pending = known.filter((name) => !applied.includes(name));
  if (pending.length > 0) {
    throw new MigrateDataError('schema', `migrate-data: the source schema is behind (missing ${pending.join(', ')}); run "wiredesk migrate" on it first`);
  }
}

async function planTables(from: Store, to: Store): Promise<TablePlan[]> {
  const [source, target] = await Promise.all([listTables(from), listTables(to)]);
  const missing = [...source.keys()].filter((name) => !target.has(name));
  if (missing.length > 0) throw new MigrateDataError('missing-table', `migrate-data: table(s) ${missing.join(', ')} exist in the source but not in the target`);
  const names = [...source.keys()].filter((name) => !TRANSIENT_TABLES.has(name)).sort((a, b) => orderOf(a) - orderOf(b) || (a < b ? -1 : a > b ? 1 : 0));
  const plans: TablePlan[] = [];
  for (const name of names) {
    const columns = source.get(name) ?? [];
    const targetColumns = new Set((target.get(name) ?? []).map((c) => c.name));
    const absent = columns.filter((c) => !targetColumns.has(c.name)).map((c) => c.name);
    if (absent.length > 0) throw new MigrateDataError('missing-table', `migrate-data: ${name}.${absent.join(', ')} exist in the source but not in the target`);
    const key = await primaryKey(from, name);
    const targetKey = await primaryKey(to, name);
    if (key.length === 0) throw new MigrateDataError('schema', `migrate-data: table ${name} has no primary key, so it cannot be copied resumably`);
    if (key.join() !== targetKey.join()) throw new MigrateDataError('schema', `migrate-data: ${name} has primary key (${key.join(', ')}) in the source but (${targetKey.join(', ')}) in the target`);
    const keyType = columns.find((c) => c.name === key[0])?.dataType ?? '';
    plans.push({ name, columns: columns.map((c) => c.name), key, integerKey: key.length === 1 && /int/i.test(keyType) });
  }
  return plans;
}

function orderOf(table: string): number {
  const i = TABLE_ORDER.indexOf(table);
  return i === -1 ? TABLE_ORDER.length : i;
}

async function listTables(store: Store): Promise<Map<string, { name: string; dataType: string }[]>> {
  const schema = store.engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]?.s : undefined;
  const tables = await store.db.introspection.getTables();
  // SQLite's full-text index (stories_fts and its shadow tables) is derived data: the
  // target builds its own from the copied stories (triggers, or PostgreSQL's generated
  // search_vector), so only ordinary tables are copied.
  const ordinary =
    store.engine === 'sqlite' ? new Set((await sql<{ name: string }>`select name from pragma_table_list where schema = 'main' and type = 'table'`.execute(store.db)).rows.map((r) => r.name)) : undefined;
  return new Map(
    tables
      .filter((t) => !t.isView && t.schema === schema && (!ordinary || ordinary.has(t.name)))
      .map((t) => [t.name, t.columns.map((c) => ({ name: c.name, dataType: c.dataType }))]),
  );
}

async function primaryKey(store: Store, table: string): Promise<string[]> {
  const query =
    store.engine === 'sqlite'
      ? sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`
      : sql<{ name: string }>`select a.attname as name from pg_index i
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
          where i.indrelid = quote_ident(${table})::regclass and i.indisprimary
          order by array_position(i.indkey::int2[], a.attnum)`;
  return (await query.execute(store.db)).rows.map((r) => r.name);
}

/**
 * Rows already in the target must be the source's rows, unchanged (what an interrupted run
 * leaves); anything else is someone's data we would silently mix with ours, so refuse
 * before writing anything. Returns how many rows the target holds.
 */
async function verifyTargetRows(from: Store, to: Store, plan: TablePlan): Promise<number> {
  let present = 0;
  for await (const rows of scanInKeyOrder(dynamic(to), plan, batchSizeFor(plan, DEFAULT_BATCH), undefined)) {
    present += rows.length;
    const sourceRows = await findByKeys(dynamic(from), plan, rows);
    for (const row of rows) {
      const theirs = sourceRows.get(keyOf(plan, row));
      const where = plan.key.map((c) => `${c}=${String(row[c])}`).join(', ');
      if (!theirs) throw conflict(plan, `holds a row (${where}) that is not in the source`);
      const differs = plan.columns.find((c) => comparable(row[c]) !== comparable(theirs[c]));
      if (differs) throw conflict(plan, `holds different data for ${where} (column ${differs})`);
    }
  }
  return present;
}

function conflict(plan: TablePlan, what: string): MigrateDataError {
  return new MigrateDataError('conflict', `migrate-data: the target's ${plan.name} ${what}; refusing to mix data: migrate into an empty database`);
}

async function copyTable(from: Store, to: Store, plan: TablePlan, present: number, opts: MigrateDataOptions): Promise<number> {
  const started = Date.now();
  const total = await countRows(from, plan.name);
  const resumeAfter = await resumePoint(from, to, plan, present);
  // Resuming after the highest key skips the rows already copied; otherwise every source
  // row is offered again and ON CONFLICT DO NOTHING drops the ones already there.
  let done = resumeAfter === undefined ? 0 : present;
  let copied = 0;
  const target = dynamic(to);
  const batches = scanInKeyOrder(dynamic(from), plan, batchSizeFor(plan, opts.batchSize ?? DEFAULT_BATCH), resumeAfter);
  let next = batches.next();
  for (;;) {
    const { value: rows, done: end } = await next;
    if (end) break;
    // Read the next batch while the target writes this one; handled here so that a failed
    // insert does not leave the read's rejection unobserved.
    next = batches.next();
    void next.catch(() => undefined);
    const result = await target
      .insertInto(plan.name)
      .values(rows)
      .onConflict((oc) => oc.columns([...plan.key]).doNothing())
      .executeTakeFirst();
    copied += Number(result.numInsertedOrUpdatedRows ?? 0n);
    done += rows.length;
    opts.onProgress?.({ kind: 'batch', table: plan.name, done, total });
  }
  opts.onProgress?.({ kind: 'table-done', table: plan.name, copied, present, ms: Date.now() - started });
  return copied;
}

/** The target's highest integer key, when the target holds exactly the source's rows up to it. */
async function resumePoint(from: Store, to: Store, plan: TablePlan, present: number): Promise<unknown[] | undefined> {
  const column = plan.key[0];
  if (!plan.integerKey || present === 0 || column === undefined) return undefined;
  const max = (await dynamic(to).selectFrom(plan.name).select((eb) => eb.fn.max(column).as('max')).executeTakeFirst())?.max;
  const upTo = await dynamic(from)
    .selectFrom(plan.name)
    .select((eb) => eb.fn.countAll().as('n'))
    .where(column, '<=', max)
    .executeTakeFirst();
  return Number(upTo?.n) === present ? [max] : undefined;
}

/** Keyset pagination: `where (key) > (last key) order by key limit n`, never OFFSET. */
async function* scanInKeyOrder(db: AnyDb, plan: TablePlan, batchSize: number, after: unknown[] | undefined): AsyncGenerator<Row[]> {
  let last = after;
  for (;;) {
    let query = db.selectFrom(plan.name).select([...plan.columns]);
    if (last) query = query.where(sql<boolean>`(${sql.join(plan.key.map((c) => sql.ref(c)))}) > (${sql.join(last)})`);
    for (const c of plan.key) query = query.orderBy(c);
    const rows = await query.limit(batchSize).execute();
    if (rows.length === 0) return;
    yield rows;
    const end = rows[rows.length - 1] ?? {};
    last = plan.key.map((c) => end[c]);
    if (rows.length < batchSize) return;
  }
}

async function findByKeys(db: AnyDb, plan: TablePlan, rows: readonly Row[]): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  const [single] = plan.key;
  const chunk = plan.key.length === 1 ? rows.length : MAX_OR_TERMS;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    let query = db.selectFrom(plan.name).select([...plan.columns]);
    query =
      plan.key.length === 1 && single !== undefined
        ? query.where(single, 'in', part.map((r) => r[single]))
        : query.where((eb) => eb.or(part.map((r) => eb.and(plan.key.map((c) => eb(c, '=', r[c]))))));
    for (const r of await query.execute()) found.set(keyOf(plan, r), r);
  }
  return found;
}

/** PostgreSQL identity sequences do not move when ids are inserted explicitly. */
async function resetSequences(to: Store, plans: readonly TablePlan[]): Promise<void> {
  for (const plan of plans) {
    const [column] = plan.key;
    if (plan.key.length !== 1 || column === undefined) continue;
    const quoted = `"${plan.name.replaceAll('"', '""')}"`;
    const seq = (await sql<{ seq: string | null }>`select pg_get_serial_sequence(${quoted}, ${column}) as seq`.execute(to.db)).rows[0]?.seq;
    if (!seq) continue;
    await sql`select setval(${seq}::regclass, coalesce((select max(${sql.ref(column)}) from ${sql.table(plan.name)}), 0) + 1, false)`.execute(to.db);
  }
}

async function countRows(store: Store, table: string): Promise<number> {
  const row = await dynamic(store).selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

function batchSizeFor(plan: TablePlan, requested: number): number {
  return Math.max(1, Math.min(requested, Math.floor(MAX_PARAMS / Math.max(plan.columns.length, 1))));
}

function keyOf(plan: TablePlan, row: Row): string {
  return JSON.stringify(plan.key.map((c) => comparable(row[c])));
}

/** One spelling per value across drivers: pg returns int8 as text, SQLite booleans as 0/1. */
function comparable(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return String(value);
}

function dynamic(store: Store): AnyDb {
  // Tables are discovered at run time, so the typed schema cannot describe them.
  return store.db as unknown as AnyDb;
}
