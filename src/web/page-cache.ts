// An in-process cache of whole responses (pages and feeds), so a repeated GET is
// answered without touching the store or rendering. Bounded by bytes, least recently
// used first out; each entry remembers its surrogate keys (./surrogate-keys.ts), and a
// change drops exactly the entries that carry one of the change's keys, on every node
// (the change bus carries the keys; see src/jobs/change-bus.ts).
import { EDITION_COOKIE, readCookie } from './edition-cookie.ts';
import { constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SITE_KEY, SURROGATE_KEY_HEADERS } from './surrogate-keys.ts';

export const PAGE_CACHE_MAX_BYTES = 256 * 1024 * 1024;
/** As long as a proxy may keep a page (PAGE_CACHE_CONTROL's max-age): the rail's latest and trending lag no longer. */
export const PAGE_CACHE_TTL_MS = 60_000;
/** Carried by every cached 404: any change may make a missing URL exist (a new story, an embargo lifted). */
export const NOT_FOUND_KEY = 'wiredesk-not-found';

const CACHED_STATUSES = new Set([200, 301, 404, 410]);
/** Per-request or per-connection headers: made afresh for each answer. */
const SKIPPED_HEADERS = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

export interface CachedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The body gzipped once when stored, for clients that accept it (smaller to write, and to send). */
  readonly gzip: Buffer | undefined;
  readonly keys: readonly string[];
  /** The route pattern and params that made it, for work a hit still owes (view counts). */
  readonly routeUrl: string | undefined;
  readonly params: unknown;
  readonly storedAt: number;
}

/** What changed: story ids and, when the publisher could compute them, the surrogate keys to drop. */
export interface PageChange {
  readonly storyIds: readonly number[];
  /** Absent: the keys are unknown, drop everything. */
  readonly keys?: readonly string[] | undefined;
}

export interface PageCacheOptions {
  readonly maxBytes?: number;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

export class PageCache {
  /** Map order is recency: the first entry is the least recently used. */
  private readonly entries = new Map<string, CachedResponse>();
  private readonly urlsByKey = new Map<string, Set<string>>();
  private bytes = 0;
  private gen = 0;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(opts: PageCacheOptions = {}) {
    this.maxBytes = opts.maxBytes ?? PAGE_CACHE_MAX_BYTES;
    this.ttlMs = opts.ttlMs ?? PAGE_CACHE_TTL_MS;
    this.now = opts.now ?? Date.now;
  }

  /** Moves on with every drop: a response rendered before a drop may hold what was dropped. */
  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  get(url: string): CachedResponse | undefined {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= this.ttlMs) {
      this.remove(url, entry);
      return undefined;
    }
    this.entries.delete(url);
    this.entries.set(url, entry);
    return entry;
  }

  /** Keeps `entry` unless a drop happened since `generation` was read (when the request began). */
  set(url: string, response: Omit<CachedResponse, 'storedAt'>, generation: number): boolean {
    if (generation !== this.gen) return false;
    const entry: CachedResponse = { ...response, storedAt: this.now() };
    const size = sizeOf(url, entry);
    // One page bigger than a tenth of the cache would push out most of the rest.
    if (size > this.maxBytes / 10) return false;
    const old = this.entries.get(url);
    if (old) this.remove(url, old);
    this.entries.set(url, entry);
    this.bytes += size;
    for (const key of entry.keys) {
      let urls = this.urlsByKey.get(key);
      if (!urls) this.urlsByKey.set(key, (urls = new Set()));
      urls.add(url);
    }
    for (const [oldest, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, e);
    }
    return true;
  }

  /** Drops every entry carrying one of `keys`; `site` (on every page) drops everything. */
  dropKeys(keys: Iterable<string>): number {
    this.gen++;
    let dropped = 0;
    for (const key of keys) {
      if (key === SITE_KEY) return dropped + this.clear();
      const urls = this.urlsByKey.get(key);
      if (!urls) continue;
      for (const url of [...urls]) {
        const entry = this.entries.get(url);
        if (entry) {
          this.remove(url, entry);
          dropped++;
        }
      }
    }
    return dropped;
  }

  /** What a change drops: its keys, each changed story, and every cached 404; everything when the keys are unknown. */
  dropChange(change: PageChange): number {
    if (change.keys === undefined || change.storyIds.length === 0) return this.clear();
    return this.dropKeys([...change.keys, ...change.storyIds.map((id) => `story-${id}`), NOT_FOUND_KEY]);
  }

  clear(): number {
    this.gen++;
    const dropped = this.entries.size;
    this.entries.clear();
    this.urlsByKey.clear();
    this.bytes = 0;
    return dropped;
  }

  private remove(url: string, entry: CachedResponse): void {
    this.entries.delete(url);
    this.bytes -= sizeOf(url, entry);
    for (const key of entry.keys) {
      const urls = this.urlsByKey.get(key);
      urls?.delete(url);
      if (urls?.size === 0) this.urlsByKey.delete(key);
    }
  }
}

/** Bodies, URL and a rough allowance for headers and keys. */
function sizeOf(url: string, entry: CachedResponse): number {
  return entry.body.length + (entry.gzip?.length ?? 0) + url.length + 512 + entry.keys.length * 16;
}

/** Below this, gzip's framing and the work outweigh the bytes saved. */
const GZIP_MIN_BYTES = 1_024;
const GZIP_TYPES = /^(text\/|application\/(?:[a-z+.-]*\+)?(?:xml|json))/;

function gzipped(body: Buffer, contentType: string | undefined): Buffer | undefined {
  if (body.length < GZIP_MIN_BYTES || !contentType || !GZIP_TYPES.test(contentType)) return undefined;
  const gz = gzipSync(body, { level: constants.Z_DEFAULT_COMPRESSION });
  return gz.length < body.length ? gz : undefined;
}

/** RFC 9110 §12.5.3: gzip listed and not refused with q=0. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding || !acceptEncoding.includes('gzip')) return false;
  return acceptEncoding.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'gzip') return false;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/** A GET or HEAD of a cacheable URL: what either way of answering from the cache looks up. */
export function isCacheableRequest(method: string | undefined, url: string | undefined): url is string {
  return (method === 'GET' || method === 'HEAD') && url !== undefined && isCacheableUrl(url);
}

/** The stored gzip body for a client that accepts it, else the plain one. */
export function bodyFor(entry: CachedResponse, acceptEncoding: string | undefined): { body: Buffer; gzip: boolean } {
  return entry.gzip !== undefined && acceptsGzip(acceptEncoding) ? { body: entry.gzip, gzip: true } : { body: entry.body, gzip: false };
}

const UNCACHED_PREFIXES = ['/api/', '/metrics', '/healthz', '/readyz', '/search', '/desk', '/websub/', '/assets/'];

/**
 * Pages and feeds only, and no query but `?page=N`: a query string is any client's to
 * invent, and each would be one more entry.
 */
export function isCacheableUrl(url: string): boolean {
  if (UNCACHED_PREFIXES.some((p) => url.startsWith(p))) return false;
  const q = url.indexOf('?');
  return q === -1 || /^page=[0-9]{1,5}$/.test(url.slice(q + 1));
}

function keysOf(reply: FastifyReply, status: number): string[] {
  const header = reply.getHeader(SURROGATE_KEY_HEADERS.xkey);
  const keys = typeof header === 'string' ? header.split(' ').filter((k) => k !== '') : [];
  if (status === 404) keys.push(NOT_FOUND_KEY);
  return keys;
}

function headersOf(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || SKIPPED_HEADERS.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The cache generation when this request missed; `-1` when it was answered from the cache or is not cacheable. */
    pageCacheGeneration: number;
  }
}

/**
 * The URL, plus the reader's edition cookie: `/` shows the remembered edition, so two
 * readers of one URL may get different pages (the only cookie any page depends on).
 */
export function cacheKey(request: FastifyRequest): string {
  return cacheKeyOf(request.url, request.headers.cookie);
}

export function cacheKeyOf(url: string, cookieHeader: string | undefined): string {
  if (cookieHeader === undefined) return url;
  const edition = readCookie(cookieHeader, EDITION_COOKIE);
  return edition !== undefined && /^[a-z0-9-]{1,40}$/.test(edition) ? `${url}\u0000edition=${edition}` : url;
}

/** Adds to Vary instead of replacing what the route set (`/` varies on Cookie too). */
function addVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  const fields = (typeof current === 'string' ? current.split(',') : []).map((f) => f.trim()).filter(Boolean);
  if (!fields.some((f) => f.toLowerCase() === field.toLowerCase())) fields.push(field);
  reply.header('vary', fields.join(', '));
}

export interface PageCacheHooks {
  /** Called from http-cache's onSend with the final body, before a 304 replaces it. */
  store(request: FastifyRequest, reply: FastifyReply, payload: string | Buffer): void;
}

/**
 * Answers a cached URL before routing does any work, and notes the generation on a
 * miss so the response can be stored by `store`. `onHit` does what a hit still owes.
 */
export function registerPageCache(
  app: FastifyInstance,
  cache: PageCache,
  opts: { onLookup?: (hit: boolean) => void; onHit?: (request: FastifyRequest, entry: CachedResponse) => void } = {},
): PageCacheHooks {
  app.decorateRequest('pageCacheGeneration', -1);
  app.addHook('onRequest', (request, reply, done) => {
    if (!isCacheableRequest(request.method, request.url)) return done();
    const entry = cache.get(cacheKey(request));
    opts.onLookup?.(entry !== undefined);
    if (!entry) {
      request.pageCacheGeneration = cache.generation;
      return done();
    }
    opts.onHit?.(request, entry);
    // The onSend hooks still run: http-cache answers a matching If-None-Match with 304.
    const { body, gzip } = bodyFor(entry, request.headers['accept-encoding']);
    reply.code(entry.status).headers(entry.headers);
    if (gzip) reply.header('content-encoding', 'gzip');
    reply.send(body);
  });
  return {
    store(request, reply, payload) {
      const generation = request.pageCacheGeneration;
      const status = reply.statusCode;
      if (generation < 0 || !CACHED_STATUSES.has(status) || reply.hasHeader('set-cookie') || reply.hasHeader('content-encoding')) return;
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      const gzip = gzipped(body, reply.getHeader('content-type') as string | undefined);
      // Hits may be gzipped: a shared cache must key this URL by Accept-Encoding.
      if (gzip) addVary(reply, 'accept-encoding');
      cache.set(
        cacheKey(request),
        {
          status,
          headers: headersOf(reply),
          body,
          gzip,
          keys: keysOf(reply, status),
          routeUrl: request.routeOptions.url,
          params: request.params,
        },
        generation,
      );
    },
  };
}
