import type { Kysely } from 'kysely';
import type { Database, SourceRow } from './schema.ts';
import type { Source } from '../domain/source.ts';

function toSource(r: SourceRow): Source {
  return {
    id: Number(r.id),
    name: r.name,
    url: r.url,
    intervalSeconds: r.interval_seconds,
    agency: r.agency,
    createdAt: r.created_at,
    lastFetchedAt: r.last_fetched_at,
    lastError: r.last_error,
    nextFetchAt: r.next_fetch_at,
  };
}

export interface NewSource {
  readonly name: string;
  readonly url: string;
  readonly intervalSeconds: number;
  readonly agency?: string;
}

export async function insertSource(db: Kysely<Database>, s: NewSource, now: Date): Promise<Source> {
  const row = await db
    .insertInto('sources')
    .values({
      name: s.name,
      url: s.url,
      interval_seconds: s.intervalSeconds,
      agency: s.agency ?? null,
      created_at: now.toISOString(),
      next_fetch_at: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSource(row);
}

export async function listSources(db: Kysely<Database>): Promise<Source[]> {
  const rows = await db.selectFrom('sources').selectAll().orderBy('name').execute();
  return rows.map(toSource);
}

export async function findSourceByName(db: Kysely<Database>, name: string): Promise<Source | undefined> {
  const row = await db.selectFrom('sources').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toSource(row) : undefined;
}

export async function listDueSources(db: Kysely<Database>, now: Date): Promise<Source[]> {
  const rows = await db
    .selectFrom('sources')
    .selectAll()
    .where((eb) => eb.or([eb('next_fetch_at', 'is', null), eb('next_fetch_at', '<=', now.toISOString())]))
    .orderBy('next_fetch_at')
    .execute();
  return rows.map(toSource);
}

export async function recordFetch(
  db: Kysely<Database>,
  id: number,
  result: { readonly at: Date; readonly error?: string; readonly nextAt: Date },
): Promise<void> {
  const at = result.at.toISOString();
  await db
    .updateTable('sources')
    .set((eb) =>
      result.error === undefined
        ? { last_fetched_at: at, last_success_at: at, last_error: null, consecutive_failures: 0, next_fetch_at: result.nextAt.toISOString() }
        : {
            last_fetched_at: at,
            last_error: result.error,
            consecutive_failures: eb('consecutive_failures', '+', 1),
            next_fetch_at: result.nextAt.toISOString(),
          },
    )
    .where('id', '=', id)
    .execute();
}
