// Subscribing to the hubs our polled feeds advertise (W3C WebSub §5.1), and renewing
// before the lease ends. The first request follows the poll that found the hub; every
// later one (renewal, a retry after a failure or silence, a denied subscription tried
// again a day later) is due by renew_at and claimed through the database, so one node
// sends it.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import type { Source } from '../domain/source.ts';
import type { WebsubSubscription } from '../domain/websub.ts';
import { claimDueSubscriptions, findSubscriptionOfSource, putPendingSubscription, recordSubscribeRequest } from '../store/websub-repository.ts';
import { postToHub } from './hub-client.ts';

/** What we ask for; hubs choose (the verification says what they granted). */
export const REQUESTED_LEASE_SECONDS = 10 * 24 * 3600;
/** No verification this long after a request: ask again. */
export const VERIFY_WAIT_SECONDS = 3600;
export const RETRY_SECONDS = 15 * 60;
export const DENIED_RETRY_SECONDS = 24 * 3600;
/** A claimed renewal not finished in this long (its node died) is due again. */
const CLAIM_HOLD_SECONDS = 10 * 60;

/** When to renew a lease granted at `at`: at 90 % of it, so a slow or failed renewal has time to be retried. */
export function renewalTime(at: Date, leaseSeconds: number): Date {
  return new Date(at.getTime() + Math.max(leaseSeconds * 0.9, 1) * 1000);
}

export interface SubscriberDeps {
  readonly store: Store;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The site's public URL; hubs call `${baseUrl}/websub/<source id>/<token>`. */
  readonly baseUrl: string;
  readonly now?: () => Date;
  readonly leaseSeconds?: number;
}

export interface WebsubSubscriber {
  /** After a poll: subscribe when the feed names a hub we are not subscribed to for it. */
  noteFeed(source: Pick<Source, 'id'>, websub: { readonly hubs: readonly string[]; readonly topic: string }): Promise<void>;
  /** Sends the subscribe requests due now (renewals and retries); returns how many. */
  renewDue(): Promise<number>;
}

export function callbackUrl(baseUrl: string, sub: Pick<WebsubSubscription, 'sourceId' | 'callbackToken'>): string {
  return `${baseUrl}/websub/${sub.sourceId}/${sub.callbackToken}`;
}

export function createWebsubSubscriber(deps: SubscriberDeps): WebsubSubscriber {
  const now = deps.now ?? (() => new Date());
  const at = (seconds: number) => new Date(now().getTime() + seconds * 1000);

  async function requestSubscription(sub: WebsubSubscription): Promise<void> {
    const sentAt = now();
    const result = await postToHub(sub.hub, {
      'hub.mode': 'subscribe',
      'hub.topic': sub.topic,
      'hub.callback': callbackUrl(deps.baseUrl, sub),
      'hub.secret': sub.secret,
      'hub.lease_seconds': String(deps.leaseSeconds ?? REQUESTED_LEASE_SECONDS),
    });
    // Never the subscription itself in a log line: it carries the secret.
    const fields = { source_id: sub.sourceId, hub: sub.hub, topic: sub.topic };
    if (result.kind === 'ok') {
      deps.logger.info(fields, 'websub subscription requested');
      // The hub's verification sets the next renewal; without one, ask again after a while.
      await recordSubscribeRequest(deps.store.db, sub.id, { at: sentAt, renewAt: at(VERIFY_WAIT_SECONDS) });
    } else {
      deps.logger.warn({ ...fields, event: 'websub_subscribe_failed', err: result.error }, 'websub subscription request failed');
      await recordSubscribeRequest(deps.store.db, sub.id, { at: sentAt, error: result.error, renewAt: at(RETRY_SECONDS) });
    }
  }

  return {
    async noteFeed(source, websub) {
      const hub = websub.hubs[0];
      if (!hub) return;
      const current = await findSubscriptionOfSource(deps.store.db, source.id);
      // Same hub and topic: the renewal job looks after it, whatever its state.
      if (current && current.hub === hub && current.topic === websub.topic) return;
      const sub = await putPendingSubscription(deps.store.db, {
        sourceId: source.id,
        hub,
        topic: websub.topic,
        callbackToken: randomBytes(18).toString('base64url'),
        secret: randomBytes(32).toString('hex'),
        // Should this node die before recording the request, another sends it then.
        renewAt: at(CLAIM_HOLD_SECONDS),
      });
      await requestSubscription(sub);
    },

    async renewDue() {
      // Each subscription once per call: a hub granting a tiny lease makes it due again at once.
      const sent = new Set<number>();
      for (;;) {
        const due = await claimDueSubscriptions(deps.store.db, deps.store.engine, { now: now(), holdUntil: at(CLAIM_HOLD_SECONDS), limit: 8 });
        const fresh = due.filter((sub) => !sent.has(sub.id));
        if (fresh.length === 0) return sent.size;
        for (const sub of fresh) sent.add(sub.id);
        await Promise.all(fresh.map((sub) => requestSubscription(sub)));
      }
    },
  };
}

/** Runs renewDue every `intervalMs` (one at a time); stop() waits for the one under way. */
export function startWebsubRenewals(subscriber: WebsubSubscriber, logger: Pick<Logger, 'error'>, intervalMs = 60_000): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= subscriber
      .renewDue()
      .catch((err: unknown) => logger.error({ event: 'websub_renewal_failed', err }, 'websub renewals failed'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
