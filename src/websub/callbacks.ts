// The hub's calls to our callback URL, `/websub/<source id>/<token>`:
// - GET, verification of intent (W3C WebSub §5.3): echo hub.challenge only for a pending
//   or active subscription of ours whose topic matches; 404 otherwise, so nobody can
//   subscribe or unsubscribe us in our name. A denial (§5.2) is recorded.
// - POST, content distribution (§7): accepted only with a valid X-Hub-Signature, answered
//   at once with 202, ingested after (the hub must not wait on our pipeline). A bad or
//   missing signature also gets 202, as §8 asks, and the body is dropped.
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import type { Sector } from '../domain/site.ts';
import type { PublishedItem, AnnounceWithin } from '../ingest/publish/publish-drafts.ts';
import { ingestBytes } from '../ingest/pipeline.ts';
import { findSubscribedSource, findSubscriptionByCallback, markSubscriptionDenied, markSubscriptionVerified } from '../store/websub-repository.ts';
import { isValidHubSignature } from './signature.ts';
import { DENIED_RETRY_SECONDS, renewalTime } from './subscriber.ts';

export interface CallbackDeps {
  readonly store: Store;
  readonly sectors: readonly Sector[];
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  readonly onPublished?: (items: readonly PublishedItem[]) => void;
  readonly announceWithin?: AnnounceWithin;
  readonly now?: () => Date;
}

export interface CallbackAnswer {
  readonly status: number;
  readonly body: string;
}

export interface WebsubCallbacks {
  verify(sourceId: number, token: string, query: Readonly<Record<string, unknown>>): Promise<CallbackAnswer>;
  receive(sourceId: number, token: string, body: Buffer, headers: { readonly contentType?: string; readonly signature?: string }): Promise<CallbackAnswer>;
  /** Waits for the distributions accepted so far to be ingested (tests, shutdown). */
  settle(): Promise<void>;
}

const NOT_OURS: CallbackAnswer = { status: 404, body: 'no such subscription' };

function param(query: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const v = query[name];
  return typeof v === 'string' ? v : undefined;
}

export function createWebsubCallbacks(deps: CallbackDeps): WebsubCallbacks {
  const now = deps.now ?? (() => new Date());
  const ingesting = new Set<Promise<void>>();

  async function ingest(sourceId: number, body: Buffer, contentType: string | undefined): Promise<void> {
    const source = await findSubscribedSource(deps.store.db, sourceId);
    const run = await ingestBytes(`websub:${source?.name ?? sourceId}`, body, contentType, {
      store: deps.store,
      sectors: deps.sectors,
      now,
      sourceId,
      ...(source?.agency ? { agency: source.agency } : {}),
      ...(source ? { kind: source.storyKind } : {}),
      ...(deps.onPublished ? { onPublished: deps.onPublished } : {}),
      ...(deps.announceWithin ? { announceWithin: deps.announceWithin } : {}),
    });
    if (run.error) deps.logger.warn({ event: 'websub_content_failed', source_id: sourceId, err: run.error }, 'websub content not ingested');
    else deps.logger.info({ source_id: sourceId, new: run.new, updated: run.updated, unchanged: run.unchanged, rejected: run.rejected }, 'websub content ingested');
  }

  return {
    async verify(sourceId, token, query) {
      const sub = await findSubscriptionByCallback(deps.store.db, sourceId, token);
      if (!sub) return NOT_OURS;
      const mode = param(query, 'hub.mode');
      const topic = param(query, 'hub.topic');
      if (mode === 'denied' && topic === sub.topic) {
        const reason = `websub: hub denied the subscription${param(query, 'hub.reason') ? `: ${param(query, 'hub.reason')}` : ''}`;
        deps.logger.warn({ event: 'websub_denied', source_id: sourceId, hub: sub.hub, err: reason }, 'websub subscription denied');
        await markSubscriptionDenied(deps.store.db, sub.id, { reason, retryAt: new Date(now().getTime() + DENIED_RETRY_SECONDS * 1000) });
        return { status: 200, body: '' };
      }
      const challenge = param(query, 'hub.challenge');
      // Only a subscribe of ours (a denied one is asked again a day later): an unsubscribe or another topic is not ours to confirm.
      if (mode !== 'subscribe' || topic !== sub.topic || !challenge) return NOT_OURS;
      const granted = Number(param(query, 'hub.lease_seconds'));
      const leaseSeconds = Number.isInteger(granted) && granted > 0 ? granted : (sub.leaseSeconds ?? 0) || 86_400;
      const at = now();
      await markSubscriptionVerified(deps.store.db, sub.id, { at, leaseSeconds, renewAt: renewalTime(at, leaseSeconds) });
      deps.logger.info({ source_id: sourceId, hub: sub.hub, lease_seconds: leaseSeconds }, 'websub subscription verified');
      return { status: 200, body: challenge };
    },

    async receive(sourceId, token, body, headers) {
      const sub = await findSubscriptionByCallback(deps.store.db, sourceId, token);
      // 410 tells a hub still delivering to a replaced callback to stop.
      if (!sub || sub.state !== 'active') return { status: 410, body: 'no such subscription' };
      if (!isValidHubSignature(headers.signature, body, sub.secret)) {
        deps.logger.warn({ event: 'websub_bad_signature', source_id: sourceId, signed: headers.signature !== undefined }, 'websub content with a missing or wrong signature dropped');
        return { status: 202, body: '' };
      }
      if (body.length > 0) {
        const p = ingest(sourceId, body, headers.contentType)
          .catch((err: unknown) => deps.logger.error({ event: 'websub_content_failed', source_id: sourceId, err }, 'websub content ingest crashed'))
          .finally(() => ingesting.delete(p));
        ingesting.add(p);
      }
      return { status: 202, body: '' };
    },

    async settle() {
      while (ingesting.size > 0) await Promise.all(ingesting);
    },
  };
}
