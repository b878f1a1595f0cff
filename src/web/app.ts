// The public website: one Fastify instance with every reader-facing route. Wiring
// only; no listen (main.ts does that, tests use app.inject).
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Store } from '../store/store.ts';
import { createSiteData } from './site-data.ts';
import { ViewCounter } from './view-counter.ts';
import { registerHttpCaching } from './http-cache.ts';
import type { WebContext } from './context.ts';
import { loadCssAsset, registerAssetRoutes } from './routes/assets.ts';
import { registerArticleRoutes } from './routes/article.ts';
import { registerHomeRoutes } from './routes/home.ts';
import { registerListRoutes } from './routes/lists.ts';
import { registerTagRoutes } from './routes/tags.ts';
import { registerPieceListRoutes } from './routes/piece-lists.ts';
import { registerCountryRoutes } from './routes/countries.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerStaticPageRoutes } from './routes/static-pages.ts';
import { registerErrorHandlers } from './routes/errors.ts';
import { registerFeedRoutes } from './feeds/feed-routes.ts';
import { registerPushRoutes } from './routes/push.ts';
import { registerSitemapRoutes } from './routes/sitemaps.ts';
import { registerWebsubRoutes } from './routes/websub.ts';
import { createWebsubCallbacks } from '../websub/callbacks.ts';
import type { PublishedItem } from '../ingest/publish/publish-drafts.ts';
import { registerOpsRoutes, RequestLogController } from './routes/ops.ts';
import { createMetrics, type Metrics } from '../lib/metrics.ts';
import { limitedRoute, registerRateLimits } from './rate-limit.ts';
import { PageCache, registerPageCache, type CachedResponse, type PageChange } from './page-cache.ts';
import { changeFor, immediateChangeKeys } from './change-keys.ts';
import { parseStoryId } from './routes/article.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Drops the cached sidebar, menu and home data, and the cached pages `change` touched
     * (every cached page without one); called on every node after each change.
     */
    invalidateCaches(change?: PageChange): void;
    /** The page cache, when WIREDESK_PAGE_CACHE is on (tests and metrics read it). */
    readonly pageCache: PageCache | undefined;
    /** Writes buffered view counts now (also runs every VIEW_FLUSH_MS and on close). */
    flushViews(): Promise<void>;
    /** Waits until the WebSub content accepted so far is ingested (tests). */
    settleWebsub(): Promise<void>;
    /** This app's Prometheus metrics (served at /metrics); the scheduler may report into it. */
    readonly metrics: Metrics;
  }
}

/** How long shared sidebar and home data are reused before a background refresh. */
export const SIDEBAR_TTL_MS = 5_000;
export const AGENCIES_TTL_MS = 60_000;
export const VIEW_FLUSH_MS = 2_000;

export interface BuildAppOptions {
  readonly store: Store;
  readonly config: Config;
  /** `true`/`false`, pino options, or a ready pino logger (the app logs through a child of it). */
  readonly logger?: boolean | object;
  /** Shared with the scheduler by `serve`; a fresh registry otherwise. */
  readonly metrics?: Metrics;
  /** Told about stories changed by a push, like the scheduler's runs (caches, purges, other nodes). */
  readonly onPublished?: (items: readonly PublishedItem[]) => void;
}

const ARTICLE_ROUTE = '/article/:sector/:idSlug';

/** A reader served from the page cache is still a reader: count the view the route would have. */
function countCachedView(ctx: WebContext, request: FastifyRequest, entry: CachedResponse): void {
  if (entry.status !== 200 || entry.routeUrl !== ARTICLE_ROUTE || request.method !== 'GET') return;
  const id = parseStoryId((entry.params as { idSlug?: string }).idSlug ?? '');
  if (id !== undefined) ctx.views.count(id, { address: request.ip, userAgent: request.headers['user-agent'] });
}

function isLoggerInstance(logger: unknown): logger is FastifyBaseLogger {
  const l = logger as Partial<Record<'child' | 'info' | 'error', unknown>> | null;
  return typeof l === 'object' && l !== null && typeof l.child === 'function' && typeof l.info === 'function' && typeof l.error === 'function';
}

/** Fastify 5 takes a logger instance as `loggerInstance` and options as `logger`. */
function loggerOptions(logger: BuildAppOptions['logger']): FastifyServerOptions {
  const logController = new RequestLogController();
  return isLoggerInstance(logger) ? { logController, loggerInstance: logger } : { logController, logger: (logger ?? false) as FastifyServerOptions['logger'] };
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ ...loggerOptions(opts.logger), trustProxy: opts.config.trustProxy });
  const site = opts.config.site;
  const metrics = opts.metrics ?? createMetrics();
  const css = loadCssAsset();
  const siteData = createSiteData(opts.store, site, {
    ttlMs: SIDEBAR_TTL_MS,
    agenciesTtlMs: AGENCIES_TTL_MS,
    onError: (err) => app.log.error({ err, stage: 'web' }, 'web: sidebar refresh failed'),
    onCacheLookup: (cache, hit) => metrics.recordCache(cache, hit),
  });
  const views = new ViewCounter(opts.store.db, (err, lost) =>
    app.log.warn({ err, lost_views: lost, event: 'views_lost' }, 'web: view counts could not be written'),
  );
  views.start(VIEW_FLUSH_MS);
  const ctx: WebContext = { store: opts.store, site, siteData, views, cssHref: css.href };

  const pageCache = opts.config.pageCache ? new PageCache() : undefined;
  app.decorate('invalidateCaches', (change?: PageChange) => {
    siteData.invalidate();
    if (!pageCache) return;
    if (change) pageCache.dropChange(change);
    else pageCache.clear();
  });
  app.decorate('pageCache', pageCache);
  // After a push: what is known now, before the push is answered (a kill drops every
  // page); the new stories' sector and agency lists once the store says which those
  // are. Other nodes hear of it through serve's change bus.
  const dropPublished = (items: readonly PublishedItem[]) => {
    app.invalidateCaches({ storyIds: items.map((i) => i.storyId), keys: immediateChangeKeys(items) });
    if (!pageCache) return;
    const onLookupError = (err: unknown) => app.log.error({ err, stage: 'web' }, 'web: changed stories could not be looked up; dropping every cached page');
    void changeFor(opts.store.db, items, onLookupError).then((change) => pageCache.dropChange(change));
  };
  app.decorate('flushViews', () => views.flush());
  app.decorate('metrics', metrics);
  app.addHook('onClose', async () => {
    await views.stop();
  });

  // Before the routes: the plugin finds the limited ones as they are added.
  await registerRateLimits(app, opts.store.db, opts.config.rateLimits);
  const cacheHooks = pageCache
    ? registerPageCache(app, pageCache, { onLookup: (hit) => metrics.recordCache('page', hit), onHit: (request, entry) => countCachedView(ctx, request, entry) })
    : undefined;
  registerHttpCaching(app, cacheHooks?.store);
  registerOpsRoutes(app, { store: opts.store, metrics, ...(opts.config.metricsToken ? { metricsToken: opts.config.metricsToken } : {}) });
  registerErrorHandlers(app, ctx);
  registerAssetRoutes(app, css);
  registerHomeRoutes(app, ctx);
  registerArticleRoutes(app, ctx);
  registerListRoutes(app, ctx);
  registerTagRoutes(app, ctx);
  registerPieceListRoutes(app, ctx);
  registerCountryRoutes(app, ctx);
  // Per client address (see WIREDESK_TRUST_PROXY behind a proxy): a search is the costliest page.
  registerSearchRoutes(app, ctx, limitedRoute(opts.config.rateLimits.searchPerMinute));
  registerStaticPageRoutes(app, ctx);
  registerFeedRoutes(app, ctx, { fullContent: opts.config.feedFullContent, ...(opts.config.websub.hub ? { hub: opts.config.websub.hub } : {}) });
  registerSitemapRoutes(app, ctx);
  const onPublished = (items: readonly PublishedItem[]) => {
    if (items.length > 0) dropPublished(items);
    opts.onPublished?.(items);
  };
  registerPushRoutes(app, {
    store: opts.store,
    sectors: site.sectors,
    // Per source, not per address: one agency may push from many.
    limit: limitedRoute(opts.config.rateLimits.pushPerMinute, (request) => `push:${(request.params as { source?: string }).source ?? ''}`),
    onPublished,
  });
  const websub = createWebsubCallbacks({ store: opts.store, sectors: site.sectors, logger: app.log, onPublished });
  registerWebsubRoutes(app, websub);
  app.decorate('settleWebsub', () => websub.settle());
  // Distributions accepted before close are ingested before the store closes.
  app.addHook('onClose', () => websub.settle());
  return app;
}
