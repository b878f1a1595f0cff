import type { Kysely } from 'kysely';
import type { Database, SourceRow } from './schema.ts';
import type { Source, SourceRhythm } from '../domain/source.ts';
import { isAssignableKind, type AssignableKind } from '../domain/story.ts';
import type { Engine } from './engine.ts';

function toSource(r: SourceRow): Source {
  return {
    id: Number(r.id),
    name: r.name,
    kind: r.kind === 'push' ? 'push' : 'poll',
    url: r.url,
    intervalSeconds: r.interval_seconds,
    agency: r.agency,
    storyKind: isAssignableKind(r.story_kind) ? r.story_kind : 'wire',
    createdAt: r.created_at,
    lastFetchedAt: r.last_fetched_at,
    lastError: r.last_error,
    lastSuccessAt: r.last_success_at,
    consecutiveFailures: Number(r.consecutive_failures),
    nextFetchAt: r.next_fetch_at,
    etag: r.etag,
    lastModified: r.last_modified,
    bodyHash: r.body_hash,
    lastErrorAt: r.last_error_at,
    rhythm: {
      itemsPerDay: r.items_per_day === null ? null : Number(r.items_per_day),
      medianGapSeconds: r.median_gap_seconds === null ? null : Number(r.median_gap_seconds),
      lastItemAt: r.last_item_at,
    },
    pollIntervalSeconds: r.poll_interval_seconds === null ? null : Number(r.poll_interval_seconds),
  };
}

export interface NewSource {
  readonly name: string;
  readonly url: string;
  readonly intervalSeconds: number;
  readonly agency?: string;
  /** Makes a push source: never polled, authenticated by this token. */
  readonly pushToken?: string;
  /** What its items become; wire when absent. */
  readonly storyKind?: AssignableKind;
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
      next_fetch_at: s.pushToken ? null : now.toISOString(),
      kind: s.pushToken ? 'push' : 'poll',
      push_token: s.pushToken ?? null,
      story_kind: s.storyKind ?? 'wire',
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

/** Changes what a source's items become from now on (stories already in keep theirs); false when there is no such source. */
export async function setSourceStoryKind(db: Kysely<Database>, name: string, kind: AssignableKind): Promise<boolean> {
  const r = await db.updateTable('sources').set({ story_kind: kind }).where('name', '=', name).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface FetchRecord {
  readonly at: Date;
  readonly error?: string;
  readonly nextAt: Date;
  /** Only given when the response really changed; a 304 or a same-body 200 keeps the old ones. */
  readonly validators?: { readonly etag: string | null; readonly lastModified: string | null; readonly bodyHash: string | null };
  /** After a success: the source's rhythm and the interval learned from it. */
  readonly rhythm?: SourceRhythm;
  readonly pollIntervalSeconds?: number;
}

/** Ends a poll: health, validators and the next due time, and releases the claim. */
export async function recordFetch(db: Kysely<Database>, id: number, result: FetchRecord): Promise<void> {
  const at = result.at.toISOString();
  const v = result.validators;
  const r = result.rhythm;
  await db
    .updateTable('sources')
    .set((eb) =>
      result.error === undefined
        ? {
            last_fetched_at: at,
            last_success_at: at,
            last_error: null,
            consecutive_failures: 0,
            next_fetch_at: result.nextAt.toISOString(),
            lease_owner: null,
            lease_expires_at: null,
            ...(v ? { etag: v.etag, last_modified: v.lastModified, body_hash: v.bodyHash } : {}),
            ...(r ? { items_per_day: r.itemsPerDay, median_gap_seconds: r.medianGapSeconds, last_item_at: r.lastItemAt } : {}),
            ...(result.pollIntervalSeconds === undefined ? {} : { poll_interval_seconds: result.pollIntervalSeconds }),
          }
        : {
            // The last error stays next to last_success_at, so both stories are told.
            last_fetched_at: at,
            last_error: result.error,
            last_error_at: at,
            consecutive_failures: eb('consecutive_failures', '+', 1),
            next_fetch_at: result.nextAt.toISOString(),
            lease_owner: null,
            lease_expires_at: null,
          },
    )
    .where('id', '=', id)
    .execute();
}

/** Times of a source's newest stories (not dated in the future), newest first: its rhythm. */
export async function listRecentItemTimes(db: Kysely<Database>, sourceId: number, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('stories')
    .select('created_at')
    .where('source_id', '=', sourceId)
    .where('created_at', '<=', now.toISOString())
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.created_at);
}

/** Gives a claimed source back unpolled (its host was busy): due as before, claimable by any node. */
export async function releaseClaim(db: Kysely<Database>, id: number, owner: string): Promise<void> {
  await db.updateTable('sources').set({ lease_owner: null, lease_expires_at: null }).where('id', '=', id).where('lease_owner', '=', owner).execute();
}

/**
 * Claims up to `limit` due sources for `owner` until now + leaseSeconds, atomically:
 * PostgreSQL with FOR UPDATE SKIP LOCKED (nodes never wait on each other), SQLite by
 * its single writer. A lease that has lapsed (its node died) is claimable again.
 */
export async function claimDueSources(
  db: Kysely<Database>,
  engine: Engine,
  claim: { readonly owner: string; readonly now: Date; readonly leaseSeconds: number; readonly limit: number; readonly exclude?: readonly number[] },
): Promise<Source[]> {
  const now = claim.now.toISOString();
  const expires = new Date(claim.now.getTime() + claim.leaseSeconds * 1000).toISOString();
  let due = db
    .selectFrom('sources')
    .select('id')
    .where('kind', '=', 'poll')
    .where((eb) => eb.or([eb('next_fetch_at', 'is', null), eb('next_fetch_at', '<=', now)]))
    .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now)]))
    .$if((claim.exclude?.length ?? 0) > 0, (q) => q.where('id', 'not in', claim.exclude ?? []))
    .orderBy('next_fetch_at')
    .limit(claim.limit);
  if (engine === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('sources')
    .set({ lease_owner: claim.owner, lease_expires_at: expires })
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.map(toSource);
}

/** A push source and its token, for authenticating a POST; undefined for poll sources. */
export async function findPushSource(db: Kysely<Database>, name: string): Promise<{ source: Source; token: string } | undefined> {
  const row = await db.selectFrom('sources').selectAll().where('name', '=', name).where('kind', '=', 'push').executeTakeFirst();
  return row?.push_token ? { source: toSource(row), token: row.push_token } : undefined;
}
