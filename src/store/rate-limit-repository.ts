// Rate-limit counters in the database, so that every node counts against the same
// limit (see migrations/0009-rate-limits.ts). One statement per hit, atomic on both
// engines: the upsert starts a new window when the old one has ended.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface Hit {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  /** Epoch milliseconds when the window ends. */
  readonly resetsAt: number;
}

export async function countHit(db: Kysely<Database>, key: string, windowMs: number, now: number): Promise<Hit> {
  const ends = now + windowMs;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, resets_at: ends })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limits.resets_at <= ${now} then 1 else rate_limits.hits + 1 end`,
        resets_at: sql<number>`case when rate_limits.resets_at <= ${now} then ${ends} else rate_limits.resets_at end`,
      }),
    )
    .returning(['hits', 'resets_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetsAt: Number(row.resets_at) };
}

/** Drops windows that ended before `before`; returns how many. */
export async function deleteEndedWindows(db: Kysely<Database>, before: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('resets_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
