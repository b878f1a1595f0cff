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
import { registerRoundupRoutes } from './routes/roundups.ts';
import { registerDevShotsRoutes } from './routes/devshots.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerStaticPageRoutes } from './routes/static-pages.ts';
import { registerDeskRoutes } from './routes/desk.tsx';
import { registerErrorHandlers } from './routes/errors.ts';
import { registerFeedRoutes } from './feeds/feed-routes.ts';
import { registerPushRoutes } from './routes/push.ts';
import { registerSitemapRoutes } from './routes/sitemaps.ts';
import { registerWebsubRoutes } from './routes/websub.ts';
import { createWebsubCallbacks } from '../websub/callbacks.ts';
import type { PublishedItem, AnnounceWithin } from '../ingest/publish/publish-drafts.ts';
import { registerOpsRoutes, RequestLogController, UNMATCHED_ROUTE } from './routes/ops.ts';
import { createMetrics, type Metrics } from '../lib/metrics.ts';
import { limitedRoute, registerRateLimits } from './rate-limit.ts';
import { PageCache, registerPageCache, type CachedResponse, type PageChange } from './page-cache.ts';
import { changeFor, immediateChangeKeys } from './change-keys.ts';
import { parseStoryId } from './routes/article.ts';
import { fastPathServerFactory } from './cache-fast-path.ts';
import type { IncomingMessage } from 'node:http';

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
  /** Told inside each ingest's publish transaction (serve: PostgreSQL NOTIFY); onPublished follows the commit. */
  readonly announceWithin?: AnnounceWithin;
  /** Told what an editor changed at the desk (this node's caches are already emptied): other nodes, caching proxies. */
  readonly onEdited?: (change: PageChange & { readonly keys: readonly string[] }) => void;
}

// Sign-in attempts at the desk, a minute per address: enough for typos, too few to guess a token.
const DESK_LOGINS_PER_MINUTE = 10;

const ARTICLE_ROUTE = '/article/:sector/:idSlug';

/** A reader served from the page cache is still a reader: count the view the route would have. */
function countCachedView(views: ViewCounter, entry: CachedResponse, method: string, address: string | undefined, userAgent: string | undefined): void {
  if (entry.status !== 200 || entry.routeUrl !== ARTICLE_ROUTE || method !== 'GET') return;
  const id = parseStoryId((entry.params as { idSlug?: string }).idSlug ?? '');
  if (id !== undefined) views.count(id, { address: address ?? '', userAgent });
}

const INFO_OR_LOWER = new Set(['trace', 'debug', 'info']);

/** What Fastify's hooks would have done for a hit the fast path answered: the cache and request metrics, the request log line. */
function answeredFromCache(app: FastifyInstance | undefined, metrics: Metrics, request: IncomingMessage, entry: CachedResponse, status: number, startedAt: bigint): void {
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const route = entry.routeUrl ?? UNMATCHED_ROUTE;
  metrics.recordCache('page', true);
  metrics.observeRequest(route, status, seconds);
  if (app && INFO_OR_LOWER.has(app.log.level)) {
    app.log.info({ method: request.method, url: request.url, route, status_code: status, duration_ms: Math.round(seconds * 1e4) / 10, cache: 'hit' }, 'request completed');
  }
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
  const metrics = opts.metrics ?? createMetrics();
  const pageCache = opts.config.pageCache ? new PageCache() : undefined;
  // Set once the app exists: the fast path answers only after listen.
  let late: { app: FastifyInstance; views: ViewCounter } | undefined;
  const fastPath = pageCache
    ? fastPathServerFactory(
        pageCache,
        {
          onHit: (entry, address, userAgent, method) => {
            if (late) countCachedView(late.views, entry, method, address, userAgent);
          },
          onAnswered: (request, entry, status, startedAt) => answeredFromCache(late?.app, metrics, request, entry, status, startedAt),
        },
        opts.config.trustProxy,
      )
    : undefined;
  const app = Fastify({ ...loggerOptions(opts.logger), trustProxy: opts.config.trustProxy, ...(fastPath ? { serverFactory: fastPath } : {}) });
  const site = opts.config.site;
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
  late = { app, views };
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
    ? registerPageCache(app, pageCache, { onLookup: (hit) => metrics.recordCache('page', hit), onHit: (request, entry) => countCachedView(views, entry, request.method, request.ip, request.headers['user-agent']) })
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
  registerRoundupRoutes(app, ctx);
  registerDevShotsRoutes(app, ctx);
  // Per client address (see WIREDESK_TRUST_PROXY behind a proxy): a search is the costliest page.
  registerSearchRoutes(app, ctx, limitedRoute(opts.config.rateLimits.searchPerMinute));
  registerStaticPageRoutes(app, ctx);
  registerDeskRoutes(app, ctx, {
    loginPerMinute: DESK_LOGINS_PER_MINUTE,
    secureCookie: site.baseUrl.startsWith('https:'),
    ...(opts.onEdited ? { onEdited: opts.onEdited } : {}),
  });
  registerFeedRoutes(app, ctx, { fullContent: opts.config.feedFullContent, ...(opts.config.websub.hub ? { hub: opts.config.websub.hub } : {}) });
  registerSitemapRoutes(app, ctx);
  const within = opts.announceWithin ? { announceWithin: opts.announceWithin } : {};
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
    ...within,
  });
  const websub = createWebsubCallbacks({ store: opts.store, sectors: site.sectors, logger: app.log, onPublished, ...within });
  registerWebsubRoutes(app, websub);
  app.decorate('settleWebsub', () => websub.settle());
  // Distributions accepted before close are ingested before the store closes.
  app.addHook('onClose', () => websub.settle());
  return app;
}
