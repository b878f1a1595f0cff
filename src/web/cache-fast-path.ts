// Page-cache hits answered by the HTTP server itself, before Fastify builds a request
// and a reply, routes, and runs its hooks. A hit through Fastify cost about 34 µs of
// CPU; most of it was Fastify's per-request machinery, not the cache. Misses, and
// anything not a plain GET or HEAD of a cacheable URL, go to Fastify unchanged, where
// the onRequest hook in page-cache.ts answers hits too (that is the path `app.inject`
// takes, which has no server).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyServerOptions } from 'fastify';
import { bodyFor, cacheKeyOf, isCacheableRequest, type CachedResponse, type PageCache } from './page-cache.ts';
import { etagMatches } from './http-cache.ts';

export interface FastPathHooks {
  /** What a hit still owes (counting a view), with the client's address as Fastify would give it. */
  onHit(entry: CachedResponse, address: string | undefined, userAgent: string | undefined, method: string): void;
  /** After the answer is written: metrics and the request log. */
  onAnswered(request: IncomingMessage, entry: CachedResponse, status: number, startedAt: bigint): void;
}

type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

/** The client's address by the same rules as Fastify's `request.ip` (lib/request.js). */
export function clientAddress(trustProxy: TrustProxy): (request: IncomingMessage) => string | undefined {
  if (trustProxy === false) return (request) => request.socket.remoteAddress;
  const trust =
    trustProxy === true ? () => true : typeof trustProxy === 'string' ? proxyAddr.compile(trustProxy.split(',').map((v) => v.trim())) : trustProxy;
  return (request) => {
    const addresses = proxyAddr.all(request, trust);
    return addresses[addresses.length - 1];
  };
}

/** Answers `request` from `cache` if it holds it; false when Fastify must answer. */
export function answerFromCache(
  cache: PageCache,
  request: IncomingMessage,
  response: ServerResponse,
  hooks: FastPathHooks,
  addressOf: (request: IncomingMessage) => string | undefined,
): boolean {
  const { method, url } = request;
  if (!isCacheableRequest(method, url)) return false;
  const entry = cache.get(cacheKeyOf(url, request.headers.cookie));
  if (!entry) return false;
  const startedAt = process.hrtime.bigint();
  hooks.onHit(entry, addressOf(request), request.headers['user-agent'], method ?? 'GET');
  const etag = entry.headers['etag'];
  const ifNoneMatch = request.headers['if-none-match'];
  let status = entry.status;
  if (status === 200 && etag !== undefined && ifNoneMatch !== undefined && etagMatches(ifNoneMatch, etag)) {
    status = 304;
    const { 'content-type': _type, ...headers } = entry.headers;
    response.writeHead(304, headers).end();
  } else {
    const { body, gzip } = bodyFor(entry, request.headers['accept-encoding']);
    response.writeHead(status, gzip ? { ...entry.headers, 'content-encoding': 'gzip', 'content-length': body.length } : { ...entry.headers, 'content-length': body.length });
    if (method === 'HEAD') response.end();
    else response.end(body);
  }
  hooks.onAnswered(request, entry, status, startedAt);
  return true;
}

/**
 * A `serverFactory` for Fastify: the server Fastify would make (same timeouts), with
 * cache hits answered in front of it.
 */
export function fastPathServerFactory(
  cache: PageCache,
  hooks: FastPathHooks,
  trustProxy: TrustProxy,
): NonNullable<FastifyServerOptions['serverFactory']> {
  const addressOf = clientAddress(trustProxy);
  return (handler, options) => {
    const server: Server = createServer((request, response) => {
      let answered = false;
      try {
        answered = answerFromCache(cache, request, response, hooks, addressOf);
      } catch {
        // Never worse than no cache: Fastify answers (and logs) whatever went wrong.
        answered = response.headersSent;
      }
      if (!answered) handler(request, response);
    });
    const { keepAliveTimeout, requestTimeout, connectionTimeout } = options as { keepAliveTimeout?: unknown; requestTimeout?: unknown; connectionTimeout?: unknown };
    if (typeof keepAliveTimeout === 'number') server.keepAliveTimeout = keepAliveTimeout;
    if (typeof requestTimeout === 'number') server.requestTimeout = requestTimeout;
    if (typeof connectionTimeout === 'number') server.setTimeout(connectionTimeout);
    return server;
  };
}
