// Embargoed stories appear at their time without anyone acting: every few seconds
// one UPDATE publishes what is due (several nodes may run it; each story flips once).
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import { releaseEmbargoes } from '../store/story-repository.ts';
import { insertAudits } from '../store/audit-repository.ts';
import type { PublishedItem } from '../ingest/publish/publish-drafts.ts';

export interface EmbargoReleaseDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly onPublished: (items: readonly PublishedItem[]) => void;
  readonly now?: () => Date;
}

/** Releases what is due now; returns the story ids published. */
export async function releaseDueEmbargoes(deps: EmbargoReleaseDeps): Promise<number[]> {
  const now = (deps.now ?? (() => new Date()))();
  const ids = await releaseEmbargoes(deps.store.db, now);
  if (ids.length === 0) return ids;
  await insertAudits(deps.store.db, ids.map((id) => ({ story_id: id, action: 'embargo-released', detail: 'embargo time reached', at: now.toISOString() })));
  deps.logger.info({ event: 'embargo_released', story_ids: ids }, 'embargoed stories published');
  deps.onPublished(ids.map((id) => ({ identity: '', outcome: 'updated', storyId: id, status: 'published' })));
  return ids;
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
