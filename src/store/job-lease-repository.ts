// Named jobs shared by every node (the job_leases table of migration 0002): a node runs
// a job only while it holds the job's lease, and records when it last ran. The claim is
// one conditional UPDATE, so of several nodes asking at once exactly one gets it.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface JobState {
  readonly owner: string | null;
  readonly expiresAt: string | null;
  readonly lastRunAt: string | null;
}

export async function findJob(db: Db, name: string): Promise<JobState | undefined> {
  const row = await db.selectFrom('job_leases').select(['owner', 'expires_at', 'last_run_at']).where('name', '=', name).executeTakeFirst();
  return row ? { owner: row.owner, expiresAt: row.expires_at, lastRunAt: row.last_run_at } : undefined;
}

export interface JobClaim {
  readonly name: string;
  readonly owner: string;
  readonly now: Date;
  readonly leaseSeconds: number;
  /**
   * The last run this node saw when it decided the job was due: the claim fails if
   * another node ran it since (null: never ran). Undefined claims whatever the last run.
   */
  readonly lastRunAt?: string | null;
}

/** Takes the job's lease when nobody holds a live one; true when this node now holds it. */
export async function claimJob(db: Db, claim: JobClaim): Promise<boolean> {
  const at = claim.now.toISOString();
  await db.insertInto('job_leases').values({ name: claim.name, owner: null, expires_at: null, last_run_at: null }).onConflict((oc) => oc.column('name').doNothing()).execute();
  let q = db
    .updateTable('job_leases')
    .set({ owner: claim.owner, expires_at: new Date(claim.now.getTime() + claim.leaseSeconds * 1000).toISOString() })
    .where('name', '=', claim.name)
    .where((eb) => eb.or([eb('owner', 'is', null), eb('expires_at', 'is', null), eb('expires_at', '<', at)]));
  if (claim.lastRunAt === null) q = q.where('last_run_at', 'is', null);
  else if (claim.lastRunAt !== undefined) q = q.where('last_run_at', '=', claim.lastRunAt);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives the lease back and records the run (`ranAt`), or only gives it back (a failed run is tried again). */
export async function finishJob(db: Db, name: string, owner: string, ranAt?: Date): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ owner: null, expires_at: null, ...(ranAt ? { last_run_at: ranAt.toISOString() } : {}) })
    .where('name', '=', name)
    .where('owner', '=', owner)
    .execute();
}
