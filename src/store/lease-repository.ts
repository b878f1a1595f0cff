// Leases held by a node (see migrations/0002-leases.ts): released on a clean shutdown
// so other nodes need not wait for them to lapse; counted for the queue-depth gauge.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Clears every source and job lease `owner` holds; returns how many sources it held. */
export async function releaseLeases(db: Kysely<Database>, owner: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const sources = await trx.updateTable('sources').set({ lease_owner: null, lease_expires_at: null }).where('lease_owner', '=', owner).executeTakeFirst();
    await trx.updateTable('job_leases').set({ owner: null, expires_at: null }).where('owner', '=', owner).execute();
    return Number(sources.numUpdatedRows);
  });
}

/** Sources due at `now` that no live lease holds: what a node could claim right now. */
export async function countClaimableSources(db: Kysely<Database>, now: Date): Promise<number> {
  const at = now.toISOString();
  const row = await db
    .selectFrom('sources')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where((eb) => eb.or([eb('next_fetch_at', 'is', null), eb('next_fetch_at', '<=', at)]))
    .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', at)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
