// Rate limits on the routes that cost the most or can be abused: the push API (per
// source) and search (per client). Counted where every node sees the same numbers:
// in Redis when WIREDESK_REDIS_URL is set, else in the database — never in one
// node's memory. @fastify/rate-limit does the HTTP part (429, Retry-After and
// X-RateLimit-* headers); the database store below is ours (the plugin ships only
// in-memory and Redis stores).
import rateLimit, { type FastifyRateLimitStore, type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions, RouteShorthandOptions } from 'fastify';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { countHit, deleteEndedWindows } from '../store/rate-limit-repository.ts';

export interface RateLimitSettings {
  /** Searches per client per minute; 0 turns the limit off. */
  readonly searchPerMinute: number;
  /** Pushes per source per minute; 0 turns the limit off. */
  readonly pushPerMinute: number;
  readonly redisUrl?: string;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { searchPerMinute: 60, pushPerMinute: 600 };

const MINUTE_MS = 60_000;
// Ended windows are swept now and then by whichever node happens to count a hit.
const SWEEP_EVERY_HITS = 1000;

type StoreCallback = (err: Error | null, result?: { current: number; ttl: number }) => void;

/** A @fastify/rate-limit store class over the rate_limits table (both engines). */
function databaseStore(db: Kysely<Database>, onError: (err: unknown) => void) {
  let hits = 0;
  return class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: StoreCallback, timeWindow: number): void {
      const now = Date.now();
      countHit(db, this.prefix + key, timeWindow, now).then(
        (hit) => callback(null, { current: hit.hits, ttl: Math.max(0, hit.resetsAt - now) }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
      if (++hits % SWEEP_EVERY_HITS === 0) deleteEndedWindows(db, now).catch(onError);
    }

    // The plugin passes the route's options with `routeInfo` (its typings say RouteOptions).
    child(routeOptions: RouteOptions & { routeInfo?: { method: string; url: string } }): DatabaseStore {
      const route = routeOptions.routeInfo ?? routeOptions;
      return new DatabaseStore(undefined, `${String(route.method)}${route.url}:`);
    }
  };
}

/**
 * Registers the plugin (before the routes, which opt in through `limitedRoute`).
 * A store that fails lets requests through (logged): a database or Redis outage
 * must not turn into refusing every search.
 */
export async function registerRateLimits(app: FastifyInstance, db: Kysely<Database>, settings: RateLimitSettings): Promise<void> {
  const common: RateLimitPluginOptions = {
    global: false,
    skipOnError: true,
    errorResponseBuilder: (_request, context) => ({
      statusCode: context.statusCode,
      error: 'Too Many Requests',
      message: `rate limit: at most ${context.max} requests a minute; try again in ${context.after}`,
    }),
    onExceeded: (request, key) => request.log.warn({ event: 'rate_limited', key, url: request.url }, 'rate limit reached'),
  };
  if (settings.redisUrl) {
    // No offline queue: while Redis is away a hit fails at once and is let through.
    const redis = new Redis(settings.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false });
    let reported = false;
    redis.on('error', (err) => {
      if (!reported) app.log.error({ event: 'redis_error', err }, 'rate limits: Redis unavailable; requests are not limited until it is back');
      reported = true;
    });
    redis.on('ready', () => (reported = false));
    // Started with Redis down, the site still serves (ioredis keeps reconnecting).
    await redis.connect().catch(() => undefined);
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
    await app.register(rateLimit, { ...common, redis, nameSpace: 'wiredesk-rl:' });
    return;
  }
  const store = databaseStore(db, (err) => app.log.warn({ err }, 'rate limits: sweeping ended windows failed'));
  await app.register(rateLimit, { ...common, store });
}

/** Route options that limit a route to `perMinute` requests per key (default: the client's address). */
export function limitedRoute(perMinute: number, keyGenerator?: (request: FastifyRequest) => string): RouteShorthandOptions {
  if (perMinute <= 0) return {};
  return { config: { rateLimit: { max: perMinute, timeWindow: MINUTE_MS, ...(keyGenerator ? { keyGenerator } : {}) } } };
}
