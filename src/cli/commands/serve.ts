// Wiring only: config -> store -> web + jobs (+ the demo wire on a first start).
import { parseCommandArgs, parsePort } from '../args.ts';
import { configWithDb, openMigratedStore } from '../context.ts';
import { createLogger, type Logger } from '../../lib/logger.ts';
import { buildApp } from '../../web/app.ts';
import { startScheduler } from '../../jobs/scheduler.ts';
import { ingestInput, type IngestContext } from '../../ingest/pipeline.ts';
import { listDemoFiles } from '../../demo/demo-wire.ts';
import { listSources } from '../../store/source-repository.ts';
import { getSetting, putSetting } from '../../store/settings-repository.ts';
import type { Store } from '../../store/store.ts';
import type { PublishedItem } from '../../ingest/publish/publish-drafts.ts';
import { createLocalChangeBus, createPostgresChangeBus } from '../../jobs/change-bus.ts';

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
  const store = await openMigratedStore(config);
  const app = await buildApp({ store, config, logger });
  // Every node's caches follow every change, whichever node made it.
  const bus = config.databaseUrl
    ? await createPostgresChangeBus(config.databaseUrl, (err) => logger.error({ event: 'change_bus_error', err }, 'change bus connection failed'))
    : createLocalChangeBus();
  bus.subscribe(() => app.invalidateCaches());
  const onPublished = (items: readonly PublishedItem[]) => {
    bus.publish({ storyIds: items.map((i) => i.storyId) }).catch((err: unknown) => logger.error({ event: 'change_bus_error', err }, 'change not announced'));
  };
  const scheduler = startScheduler({ store, sectors: config.site.sectors, logger, onPublished });
  const address = await app.listen({ port: config.port, host: config.host });
  logger.info({ event: 'ready', address, ready_ms: Math.round(performance.now() - started) }, 'wiredesk is serving');

  if (!values['no-demo']) {
    void ingestDemoOnFirstStart(store, logger, { store, sectors: config.site.sectors, now: () => new Date(), onPublished });
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ event: 'shutdown', signal }, 'shutting down');
    await app.close();
    await scheduler.stop();
    await bus.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return new Promise<number>(() => undefined); // serve until a signal
}

/** The demo wire goes in once, on a site with no sources and no stories yet. */
async function ingestDemoOnFirstStart(store: Store, logger: Logger, ctx: IngestContext): Promise<void> {
  if ((await getSetting(store.db, 'demo_ingested_at')) !== undefined) return;
  if ((await listSources(store.db)).length > 0) return;
  for (const file of listDemoFiles()) {
    const run = await ingestInput(file.path, { ...ctx, ...(file.agency ? { agency: file.agency } : {}) });
    if (run.error) logger.error({ event: 'demo_ingest_failed', input: file.path, err: run.error }, 'demo wire file failed');
    else logger.info({ input: file.path, new: run.new, updated: run.updated, unchanged: run.unchanged, rejected: run.rejected }, 'demo wire ingested');
  }
  await putSetting(store.db, 'demo_ingested_at', new Date().toISOString());
}
