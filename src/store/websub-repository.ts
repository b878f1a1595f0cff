// WebSub subscriptions (migrations/0008-websub.ts): one per source, found by the
// callback's source id and token, renewed by whichever node claims it first.
import { isAssignableKind, type AssignableKind } from '../domain/story.ts';
import type { Kysely, Selectable } from 'kysely';
import type { Database, WebsubSubscriptionsTable } from './schema.ts';
import type { Engine } from './engine.ts';
import type { WebsubState, WebsubSubscription } from '../domain/websub.ts';

function toSubscription(r: Selectable<WebsubSubscriptionsTable>): WebsubSubscription {
  return {
    id: Number(r.id),
    sourceId: Number(r.source_id),
    hub: r.hub,
    topic: r.topic,
    callbackToken: r.callback_token,
    secret: r.secret,
    state: r.state as WebsubState,
    leaseSeconds: r.lease_seconds === null ? null : Number(r.lease_seconds),
    expiresAt: r.expires_at,
    renewAt: r.renew_at,
    requestedAt: r.requested_at,
    verifiedAt: r.verified_at,
    lastError: r.last_error,
  };
}

export async function findSubscriptionOfSource(db: Kysely<Database>, sourceId: number): Promise<WebsubSubscription | undefined> {
  const row = await db.selectFrom('websub_subscriptions').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
  return row ? toSubscription(row) : undefined;
}

export async function findSubscriptionByCallback(db: Kysely<Database>, sourceId: number, token: string): Promise<WebsubSubscription | undefined> {
  const row = await db.selectFrom('websub_subscriptions').selectAll().where('source_id', '=', sourceId).where('callback_token', '=', token).executeTakeFirst();
  return row ? toSubscription(row) : undefined;
}

export interface NewSubscription {
  readonly sourceId: number;
  readonly hub: string;
  readonly topic: string;
  readonly callbackToken: string;
  readonly secret: string;
  readonly renewAt: Date;
}

/** Starts a pending subscription for the source, replacing one to another hub or topic. */
export async function putPendingSubscription(db: Kysely<Database>, s: NewSubscription): Promise<WebsubSubscription> {
  const values = {
    hub: s.hub,
    topic: s.topic,
    callback_token: s.callbackToken,
    secret: s.secret,
    state: 'pending',
    lease_seconds: null,
    expires_at: null,
    renew_at: s.renewAt.toISOString(),
    requested_at: null,
    verified_at: null,
    last_error: null,
  };
  const row = await db
    .insertInto('websub_subscriptions')
    .values({ source_id: s.sourceId, ...values })
    .onConflict((oc) => oc.column('source_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSubscription(row);
}

/**
 * The outcome of a subscribe request sent at `at`; renewAt says when to send the next,
 * unless the hub verified it meanwhile (hubs may verify before they answer the request):
 * then the verification's renewal time stands.
 */
export async function recordSubscribeRequest(db: Kysely<Database>, id: number, r: { readonly at: Date; readonly error?: string; readonly renewAt: Date }): Promise<void> {
  const at = r.at.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('websub_subscriptions').set({ requested_at: at, last_error: r.error ?? null }).where('id', '=', id).execute();
    await trx
      .updateTable('websub_subscriptions')
      .set({ renew_at: r.renewAt.toISOString() })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('verified_at', 'is', null), eb('verified_at', '<', at)]))
      .execute();
  });
}

export async function markSubscriptionVerified(db: Kysely<Database>, id: number, v: { readonly at: Date; readonly leaseSeconds: number; readonly renewAt: Date }): Promise<void> {
  await db
    .updateTable('websub_subscriptions')
    .set({
      state: 'active',
      verified_at: v.at.toISOString(),
      lease_seconds: v.leaseSeconds,
      expires_at: new Date(v.at.getTime() + v.leaseSeconds * 1000).toISOString(),
      renew_at: v.renewAt.toISOString(),
      last_error: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function markSubscriptionDenied(db: Kysely<Database>, id: number, d: { readonly reason: string; readonly retryAt: Date }): Promise<void> {
  await db.updateTable('websub_subscriptions').set({ state: 'denied', last_error: d.reason, renew_at: d.retryAt.toISOString() }).where('id', '=', id).execute();
}

/**
 * Claims subscriptions whose subscribe request is due, by moving renew_at to `holdUntil`
 * in the same statement: another node sees them as not due. PostgreSQL skips rows another
 * node is claiming (FOR UPDATE SKIP LOCKED); SQLite has one writer.
 */
export async function claimDueSubscriptions(
  db: Kysely<Database>,
  engine: Engine,
  claim: { readonly now: Date; readonly holdUntil: Date; readonly limit: number },
): Promise<WebsubSubscription[]> {
  const now = claim.now.toISOString();
  let due = db.selectFrom('websub_subscriptions').select('id').where('renew_at', '<=', now).orderBy('renew_at').limit(claim.limit);
  if (engine === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('websub_subscriptions')
    .set({ renew_at: claim.holdUntil.toISOString() })
    .where('id', 'in', due)
    .where('renew_at', '<=', now)
    .returningAll()
    .execute();
  return rows.map(toSubscription);
}

/** The name and agency of a subscription's source, for ingesting what the hub sends. */
export async function findSubscribedSource(db: Kysely<Database>, sourceId: number): Promise<{ name: string; agency: string | null; storyKind: AssignableKind } | undefined> {
  const row = await db.selectFrom('sources').select(['name', 'agency', 'story_kind']).where('id', '=', sourceId).executeTakeFirst();
  return row ? { name: row.name, agency: row.agency, storyKind: isAssignableKind(row.story_kind) ? row.story_kind : 'wire' } : undefined;
}
