// Embargoed stories appear at their time without anyone acting: every few seconds
// one UPDATE publishes what is due (several nodes may run it; each story flips once).
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import { releaseEmbargoes } from '../store/story-repository.ts';
import { insertAudits } from '../store/audit-repository.ts';
import type { AnnounceWithin, PublishedItem } from '../ingest/publish/publish-drafts.ts';

export interface EmbargoReleaseDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly onPublished: (items: readonly PublishedItem[]) => void;
  /** Told inside the release's transaction, as a publish tells (publish-drafts.ts: AnnounceWithin). */
  readonly announceWithin?: AnnounceWithin;
  readonly now?: () => Date;
}

/** Releases what is due now; returns the story ids published. */
export async function releaseDueEmbargoes(deps: EmbargoReleaseDeps): Promise<number[]> {
  const now = (deps.now ?? (() => new Date()))();
  // The release, its audit and (on PostgreSQL) the other nodes' news commit together.
  const ids = await deps.store.db.transaction().execute(async (trx) => {
    const released = await releaseEmbargoes(trx, now);
    if (released.length === 0) return released;
    await insertAudits(trx, released.map((id) => ({ story_id: id, action: 'embargo-released', detail: 'embargo time reached', at: now.toISOString() })));
    await deps.announceWithin?.(trx, asPublished(released));
    return released;
  });
  if (ids.length === 0) return ids;
  deps.logger.info({ event: 'embargo_released', story_ids: ids }, 'embargoed stories published');
  deps.onPublished(asPublished(ids));
  return ids;
}

function asPublished(ids: readonly number[]): PublishedItem[] {
  return ids.map((id) => ({ identity: '', outcome: 'updated', storyId: id, status: 'published' }));
}

export function startEmbargoReleases(deps: EmbargoReleaseDeps, intervalMs = 5000): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    releaseDueEmbargoes(deps)
      .catch((err: unknown) => deps.logger.error({ event: 'embargo_release_failed', err }, 'embargo release failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
