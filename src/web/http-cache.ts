// Caching headers for every response (RFC 9111) and conditional GET (RFC 9110 §13):
// pages may be reused for a minute and served stale for five while revalidating; a
// weak ETag over the body answers If-None-Match with 304 and no body, for rendered
// and page-cached responses alike.
import { hash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultPageKeys, hasSurrogateKeys, setSurrogateKeys } from './surrogate-keys.ts';

export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

function cacheControlFor(status: number): string {
  if (status === 200) return PAGE_CACHE_CONTROL;
  if (status === 301 || status === 404) return 'public, max-age=60';
  return 'no-store';
}

/** RFC 9110 §13.1.2: weak comparison, a list of tags, or `*`. */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

/** `onCacheable` sees each GET/HEAD response's final body before a 304 replaces it (the page cache keeps it). */
export function registerHttpCaching(app: FastifyInstance, onCacheable?: (request: FastifyRequest, reply: FastifyReply, payload: string | Buffer) => void): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    const status = reply.statusCode;
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', cacheControlFor(status));
    const method = request.method;
    const isRead = method === 'GET' || method === 'HEAD';
    // Whatever a shared cache may keep carries surrogate keys, at least `site`.
    if (isRead && !hasSurrogateKeys(reply) && /\bpublic\b/.test(String(reply.getHeader('cache-control')))) {
      setSurrogateKeys(reply, defaultPageKeys(request.routeOptions.url, request.params));
    }
    if (!isRead || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      done(null, payload);
      return;
    }
    let etag = reply.getHeader('etag');
    if (status === 200 && typeof etag !== 'string') {
      etag = `W/"${hash('sha1', payload, 'base64url')}"`;
      reply.header('etag', etag);
    }
    onCacheable?.(request, reply, payload);
    const ifNoneMatch = request.headers['if-none-match'];
    if (status === 200 && typeof etag === 'string' && ifNoneMatch && etagMatches(ifNoneMatch, etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      done(null, null);
      return;
    }
    done(null, payload);
  });
}
