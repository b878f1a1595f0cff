// Wiring only: config -> store -> web + jobs (+ the demo wire on a first start).
import { parseCommandArgs, parsePort } from '../args.ts';
import { configWithDb, openMigratedStore } from '../context.ts';
import { createLogger, type Logger } from '../../lib/logger.ts';
import { buildApp } from '../../web/app.ts';
import { startScheduler } from '../../jobs/scheduler.ts';
import { ingestInput, type IngestContext, type IngestRun } from '../../ingest/pipeline.ts';
import type { Source } from '../../domain/source.ts';
import { listDemoFiles } from '../../demo/demo-wire.ts';
import { listSources } from '../../store/source-repository.ts';
import { getSetting, putSetting } from '../../store/settings-repository.ts';
import type { Store } from '../../store/store.ts';
import type { PublishedItem } from '../../ingest/publish/publish-drafts.ts';
import { createLocalChangeBus, createPostgresChangeBus, type ChangeEvent } from '../../jobs/change-bus.ts';
import { createPurgers } from '../../web/purge/create-purgers.ts';
import { createPublishPurger } from '../../web/purge/publish-purge.ts';
import { announceWithin } from '../announcer.ts';
import { createMetrics } from '../../lib/metrics.ts';
import { releaseLeases } from '../../store/lease-repository.ts';
import { nodeId } from '../../jobs/node-id.ts';
import { startEmbargoReleases } from '../../jobs/embargo-release.ts';
import { startRoundups } from '../../jobs/roundups.ts';
import { articlePath } from '../../web/urls.ts';
import { startPruning } from '../../jobs/prune.ts';
import { watchChangeNotes } from '../../jobs/change-notes.ts';
import cluster from 'node:cluster';
import { runClusterPrimary, workerIndex } from '../cluster.ts';
import { createClusterChangeBus, onShutdownRequest, withClusterScrape } from '../cluster-worker.ts';
import { startSpoolWatcher, type SpoolWatcher } from '../../ingest/spool/spool-watcher.ts';
import { createWebsubSubscriber, startWebsubRenewals } from '../../websub/subscriber.ts';
import { createHubPinger } from '../../websub/publisher.ts';
import { changedFeedUrls, SITE_FEED_PATH } from '../../web/feeds/changed-feeds.ts';
import { absoluteUrl } from '../../web/urls.ts';
import { changeFor } from '../../web/change-keys.ts';

export async function runServe(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs('serve', args, {
    db: { type: 'string' },
    port: { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
  });
  const started = performance.now();
  const base = configWithDb(values.db);
  const port = parsePort(values.port) ?? base.port;
  const config = { ...base, port, site: values.port && !process.env.WIREDESK_BASE_URL ? { ...base.site, baseUrl: `http://localhost:${port}` } : base.site };
  const logger = createLogger(config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) {
    // Migrated once, here, before any worker opens the store.
    await (await openMigratedStore(config)).close();
    return runClusterPrimary({ workers: config.workers, logger, started });
  }
  const inCluster = cluster.isWorker;
  const store = await openMigratedStore(config);
  // One registry for the app and the scheduler: /metrics shows both (and, in a cluster, every worker's).
  const metrics = inCluster ? withClusterScrape(createMetrics()) : createMetrics();
  const opened: { close(): Promise<unknown> }[] = [store];
  try {
    // Every node's caches follow every change, whichever node made it.
    const bus = config.databaseUrl
      ? await createPostgresChangeBus(config.databaseUrl, (err) => logger.error({ event: 'change_bus_error', err }, 'change bus connection failed'))
      : inCluster
        ? createClusterChangeBus()
        : createLocalChangeBus();
    opened.unshift(bus);
    // Caching proxies and CDNs are purged by the node that made the change only: the bus
    // reaches every node, and each would send the same purge.
    const purgers = createPurgers(config.purge);
    const purger = purgers.length > 0 ? createPublishPurger(store.db, purgers, logger) : undefined;
    if (purger) {
      opened.unshift(purger);
      logger.info({ purge_targets: purgers.map((p) => p.name) }, 'caches will be purged after each publish');
    }
    const hub = config.websub.hub;
    const pinger = hub
      ? createHubPinger({ hub, logger, siteFeedUrl: absoluteUrl(config.site, SITE_FEED_PATH), feedUrls: (changes) => changedFeedUrls(store.db, config.site, changes) })
      : undefined;
    if (pinger) opened.unshift(pinger);
    const onPublished = (items: readonly PublishedItem[]) => {
      if (items.length === 0) return;
      // Like purges, by the node that made the change only.
      pinger?.announce(items);
      // With the surrogate keys it touched, so each node's page cache drops exactly those pages.
      const announced = changeFor(store.db, items, (err) => logger.error({ event: 'change_lookup_failed', err }, 'changed stories could not be looked up; every page cache is emptied'))
        .then((change) => bus.publish(change))
        .catch((err: unknown) => logger.error({ event: 'change_bus_error', err }, 'change not announced'));
      // After the announcement, so that other nodes have dropped their in-process caches when the proxy asks them again.
      if (purger) void announced.then(() => purger.announce(items));
    };
    // Ingest and embargo releases on PostgreSQL tell the other nodes inside their transaction
    // (a NOTIFY delivered on commit), so a node killed right after a commit cannot leave the
    // change untold; the WebSub hub and the proxies follow the commit. The embedded store's
    // own process keeps its caches in memory: a kill takes them with it.
    const announce = config.databaseUrl
      ? {
          announceWithin: announceWithin('postgres', logger),
          onPublished: (items: readonly PublishedItem[]) => {
            if (items.length === 0) return;
            pinger?.announce(items);
            purger?.announce(items);
          },
        }
      : { onPublished };
    // An editor's change at the desk: every node's page cache (over the bus), then the proxies.
    const onEdited = (change: ChangeEvent & { readonly keys: readonly string[] }) => {
      void bus
        .publish(change)
        .catch((err: unknown) => logger.error({ event: 'change_bus_error', err }, 'desk change not announced'))
        .then(() => Promise.all(purgers.map((p) => p.purge(change.keys))))
        .then((results) => {
          for (const [i, r] of (results ?? []).entries()) if (r.kind === 'failed') logger.error({ event: 'purge_failed', target: purgers[i]?.name, error: r.error }, 'desk change not purged');
        });
    };
    const app = await buildApp({ store, config, logger, metrics, ...announce, onEdited });
    opened.unshift(app);
    bus.subscribe((change) => app.invalidateCaches(change));
    // On the embedded store, what another process changed (a command-line ingest or
    // editor's command) arrives as change notes: each process reads them itself.
    if (store.engine === 'sqlite') {
      const notes = await watchChangeNotes({ store, logger, onChange: (change) => app.invalidateCaches(change) });
      opened.unshift({ close: async () => notes.stop() });
    }
    // Feeds that advertise a WebSub hub are subscribed to after a poll; the hub then pushes.
    const subscriber = config.websub.subscribe ? createWebsubSubscriber({ store, logger, baseUrl: config.site.baseUrl }) : undefined;
    const onPolled = (source: Source, run: IngestRun) => {
      if (subscriber && run.websub) void subscriber.noteFeed(source, run.websub).catch((err: unknown) => logger.error({ event: 'websub_subscribe_failed', source_id: source.id, err }, 'websub subscription not started'));
    };
    const renewals = subscriber ? startWebsubRenewals(subscriber, logger) : undefined;
    if (renewals) opened.unshift({ close: () => renewals.stop() });
    const scheduler = startScheduler({ store, sectors: config.site.sectors, logger, ...announce, metrics, onPolled });
    opened.unshift({ close: () => scheduler.stop() });
    const embargoes = startEmbargoReleases({ store, logger, ...announce });
    // Roundups publish like any story: the same onPublished (caches, purges, other nodes, WebSub).
    const roundups = startRoundups({ store, site: config.site, logger, owner: nodeId(), articleUrl: (b) => absoluteUrl(config.site, articlePath(b)), onPublished }, config.roundups);
    opened.unshift({ close: () => roundups.stop() });
    const pruning = startPruning({ store, logger });
    opened.unshift({ close: async () => pruning.stop() });
    const spools: SpoolWatcher[] = [];
    opened.unshift({ close: () => Promise.all(spools.map((s) => s.stop())) });
    for (const spool of config.spools) {
      spools.push(await startSpoolWatcher({ ...spool, store, sectors: config.site.sectors, logger, ...announce }));
      logger.info({ spool_dir: spool.dir, agency: spool.agency }, 'watching spool folder');
    }
    const address = await app.listen({ port: config.port, host: config.host });
    // In a cluster the primary says `ready` once every worker listens.
    logger.info({ event: inCluster ? 'worker_ready' : 'ready', address, worker: workerIndex(), ready_ms: Math.round(performance.now() - started) }, 'wiredesk is serving');
    const skipDemo = values['no-demo'] === true || (workerIndex() ?? 1) !== 1;
    return await serveUntilSignal({ store, logger, app, scheduler, embargoes, background: renewals ? [...spools, roundups, renewals] : [...spools, roundups], bus, purger, pinger, demo: startDemo(skipDemo, store, logger, { store, sectors: config.site.sectors, now: () => new Date(), ...announce }) });
  } catch (err) {
    // A failed start (port taken, bad setting) must not leave pools and listeners open.
    for (const resource of opened) await resource.close().catch(() => undefined);
    throw err;
  }
}

function startDemo(skip: boolean | undefined, store: Store, logger: Logger, ctx: IngestContext): Promise<void> {
  if (skip) return Promise.resolve();
  return ingestDemoOnFirstStart(store, logger, ctx).catch((err: unknown) => logger.error({ event: 'demo_ingest_failed', err }, 'demo wire not ingested'));
}

interface Running {
  readonly store: Store;
  readonly logger: Logger;
  readonly app: { close(): Promise<unknown> };
  readonly scheduler: { stop(): Promise<void> };
  readonly embargoes: { stop(): void };
  /** Spool watchers and WebSub renewals: stopped with the scheduler. */
  readonly background: readonly { stop(): Promise<void> }[];
  readonly bus: { close(): Promise<void> };
  readonly purger: { close(): Promise<void> } | undefined;
  readonly pinger: { close(): Promise<void> } | undefined;
  readonly demo: Promise<void>;
}

function serveUntilSignal(r: Running): Promise<number> {
  const { store, logger, app, scheduler, embargoes, background, bus, purger, pinger, demo } = r;
  const shutdown = async (signal: string, since: number): Promise<void> => {
    logger.info({ event: 'shutdown', signal }, 'shutting down');
    // Stop accepting connections and let in-flight requests finish (Fastify answers 503
    // meanwhile), while the scheduler and spool watchers finish what they have started and claim no more.
    embargoes.stop();
    await Promise.all([app.close(), scheduler.stop(), ...background.map((b) => b.stop())]);
    await demo;
    // Other nodes may poll our sources at once instead of waiting for the leases to lapse.
    const released = await releaseLeases(store.db, nodeId());
    await purger?.close();
    await pinger?.close();
    await bus.close();
    await store.close();
    logger.info({ event: 'stopped', released_leases: released, shutdown_ms: Math.round(performance.now() - since) }, 'wiredesk stopped');
  };
  let stopping: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping !== undefined) {
      // A second signal: the operator does not want to wait.
      logger.warn({ event: 'shutdown_forced', signal }, 'second signal, exiting now');
      process.exit(1);
    }
    stopping = performance.now();
    shutdown(signal, stopping).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ event: 'shutdown_failed', err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A worker is told by its primary; it may have had the terminal's SIGINT already.
  onShutdownRequest(() => {
    if (stopping === undefined) onSignal('SIGTERM');
  });
  return new Promise<number>(() => undefined); // serve until a signal
}

/** The demo wire goes in once, on a site with no sources and no stories yet. */
async function ingestDemoOnFirstStart(store: Store, logger: Logger, ctx: IngestContext): Promise<void> {
  if ((await getSetting(store.db, 'demo_ingested_at')) !== undefined) return;
  if ((await listSources(store.db)).length > 0) return;
  for (const file of listDemoFiles()) {
    const run = await ingestInput(file.path, { ...ctx, ...(file.agency ? { agency: file.agency } : {}), ...(file.kind ? { kind: file.kind } : {}) });
    if (run.error) logger.error({ event: 'demo_ingest_failed', input: file.path, err: run.error }, 'demo wire file failed');
    else logger.info({ input: file.path, new: run.new, updated: run.updated, unchanged: run.unchanged, rejected: run.rejected }, 'demo wire ingested');
  }
  await putSetting(store.db, 'demo_ingested_at', new Date().toISOString());
}
