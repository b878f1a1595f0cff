// What a one-off command that publishes (ingest, roundups run) tells the rest of the
// site, as serve does after a publish: every serving node's page cache (over PostgreSQL
// NOTIFY; on the embedded store, a change note each serving process reads within a
// second), the caching proxies (WIREDESK_PURGE) and the WebSub hub (WIREDESK_WEBSUB_HUB).
// close() waits for all of it, so the command exits only once the news is out.
// An ingest tells the serving nodes inside its publish transaction (announceWithin), so
// a command killed right after a commit cannot leave the change untold.
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { Store } from '../store/store.ts';
import type { AnnounceWithin, PublishedItem } from '../ingest/publish/publish-drafts.ts';
import { createPostgresChangeBus, encodeEvent, notifyWithin, type ChangeEvent } from '../jobs/change-bus.ts';
import { noteChange } from '../jobs/change-notes.ts';
import { addChangeNote } from '../store/change-note-repository.ts';
import { createPurgers } from '../web/purge/create-purgers.ts';
import { createPublishPurger } from '../web/purge/publish-purge.ts';
import { createHubPinger } from '../websub/publisher.ts';
import { changedFeedUrls, SITE_FEED_PATH } from '../web/feeds/changed-feeds.ts';
import { absoluteUrl } from '../web/urls.ts';
import { changeFor } from '../web/change-keys.ts';

export interface Announcer {
  /** For what is published outside an ingest (roundups): everything told after the commit. */
  readonly onPublished: (items: readonly PublishedItem[]) => void;
  /** For an ingest: the serving nodes told inside each publish transaction, the proxies and the hub after it. */
  readonly ingest: { readonly announceWithin: AnnounceWithin; readonly onPublished: (items: readonly PublishedItem[]) => void };
  close(): Promise<void>;
}

/** The change a publish makes, told inside its transaction: a NOTIFY on PostgreSQL, a change note on the embedded store. */
export function announceWithin(engine: Store['engine'], logger: Logger): AnnounceWithin {
  return async (trx, changed) => {
    const change = await changeFor(trx, changed, (err) => logger.error({ event: 'change_lookup_failed', err }, 'changed stories could not be looked up; every page cache is emptied'));
    if (engine === 'postgres') await notifyWithin(trx, change);
    else await addChangeNote(trx, encodeEvent(change), new Date());
  };
}

export async function createAnnouncer(config: Config, store: Store, logger: Logger): Promise<Announcer> {
  const bus = config.databaseUrl ? await createPostgresChangeBus(config.databaseUrl, (err) => logger.error({ event: 'change_bus_error', err }, 'change bus connection failed')) : undefined;
  const purgers = createPurgers(config.purge);
  const purger = purgers.length > 0 ? createPublishPurger(store.db, purgers, logger) : undefined;
  const hub = config.websub.hub;
  const pinger = hub
    ? createHubPinger({ hub, logger, siteFeedUrl: absoluteUrl(config.site, SITE_FEED_PATH), feedUrls: (changes) => changedFeedUrls(store.db, config.site, changes) })
    : undefined;
  const pending: Promise<unknown>[] = [];
  const tell = bus ? (change: ChangeEvent) => bus.publish(change) : (change: ChangeEvent) => noteChange(store, change);
  const after = (items: readonly PublishedItem[], announced: Promise<unknown>) => {
    pinger?.announce(items);
    pending.push(announced.then(() => purger?.announce(items)));
  };
  return {
    onPublished(items) {
      if (items.length === 0) return;
      const announced = changeFor(store.db, items, (err) => logger.error({ event: 'change_lookup_failed', err }, 'changed stories could not be looked up; every page cache is emptied'))
        .then(tell)
        .catch((err: unknown) => logger.error({ event: 'change_bus_error', err }, 'change not announced'));
      after(items, announced);
    },
    ingest: {
      announceWithin: announceWithin(store.engine, logger),
      onPublished: (items) => {
        if (items.length > 0) after(items, Promise.resolve());
      },
    },
    async close() {
      await Promise.all(pending);
      await purger?.close();
      await pinger?.close();
      await bus?.close();
    },
  };
}
