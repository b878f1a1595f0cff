import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchHttp } from './http-fetch.ts';
import { fetchFile } from './file-fetch.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/feed':
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Sat, 28 Nov 2026 10:00:00 GMT' }).end('<rss/>');
        return;
      case '/gzip':
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('<rss>zipped</rss>'));
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/hop':
        res.writeHead(301, { location: '/feed' }).end();
        return;
      case '/big':
        res.writeHead(200);
        res.end(Buffer.alloc(2048, 'a'));
        return;
      case '/stall':
        res.writeHead(200);
        res.write('<rss>');
        return; // never ends
      case '/ignores-validators':
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"${Math.random()}"`, 'cache-control': 'public, max-age=600' }).end('<rss>same</rss>');
        return;
      case '/unavailable':
        res.writeHead(503, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() }).end();
        return;
      case '/private':
        // Echoes the authorization it was sent, so the test sees what went over the wire.
        res.writeHead(req.headers.authorization === `Basic ${Buffer.from('alice:p@ss').toString('base64')}` ? 200 : 401).end(`<rss><auth>${req.headers.authorization ?? 'none'}</auth></rss>`);
        return;
      case '/to-other-origin':
        res.writeHead(302, { location: `${url.searchParams.get('to') ?? ''}/private` }).end();
        return;
      case '/busy':
        res.writeHead(429, { 'retry-after': '120' }).end();
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('fetchHttp', () => {
  it('sends credentials given in the URL as Basic auth, and never shows them', async () => {
    const withCreds = base.replace('http://', 'http://alice:p%40ss@');
    const ok = await fetchHttp(`${withCreds}/private`);
    expect(ok).toMatchObject({ kind: 'ok', location: `${base}/private` });
    const wrong = await fetchHttp(`${base.replace('http://', 'http://alice:nope@')}/private?apikey=k3y`);
    expect(wrong).toMatchObject({ kind: 'failed' });
    expect(wrong.kind === 'failed' && wrong.error).toBe(`fetch/http: ${base}/private?apikey=*** answered 401 Unauthorized`);
  });

  it('drops the credentials on a redirect to another origin', async () => {
    // 127.0.0.1 and localhost are different origins on the same server.
    const other = base.replace('127.0.0.1', 'localhost');
    const r = await fetchHttp(`${base.replace('http://', 'http://alice:p%40ss@')}/to-other-origin?to=${encodeURIComponent(other)}`);
    expect(r).toMatchObject({ kind: 'failed', error: `fetch/http: ${other}/private answered 401 Unauthorized` });
  });

  it('returns body, content type and validators', async () => {
    const r = await fetchHttp(`${base}/feed`);
    expect(r).toMatchObject({ kind: 'ok', contentType: 'application/rss+xml; charset=utf-8', etag: '"v1"', lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT' });
    expect(r.kind === 'ok' && Buffer.from(r.bytes).toString()).toBe('<rss/>');
  });

  it('sends stored validators and reports not-modified on 304', async () => {
    expect(await fetchHttp(`${base}/feed`, { etag: '"v1"' })).toEqual({ kind: 'not-modified', by: 'validators' });
  });

  it('reports an identical body as not-modified when the server ignores validators', async () => {
    const first = await fetchHttp(`${base}/ignores-validators`, { etag: '"whatever"' });
    expect(first.kind).toBe('ok');
    if (first.kind !== 'ok') return;
    expect(first.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await fetchHttp(`${base}/ignores-validators`, { bodyHash: first.bodyHash })).toEqual({ kind: 'not-modified', by: 'same-body', freshForSeconds: 600 });
    expect((await fetchHttp(`${base}/ignores-validators`, { bodyHash: 'f'.repeat(64) })).kind).toBe('ok');
  });

  it('passes the freshness lifetime on', async () => {
    expect(await fetchHttp(`${base}/ignores-validators`)).toMatchObject({ kind: 'ok', freshForSeconds: 600 });
    expect(await fetchHttp(`${base}/feed`)).not.toHaveProperty('freshForSeconds');
  });

  it('decompresses gzip', async () => {
    const r = await fetchHttp(`${base}/gzip`);
    expect(r.kind === 'ok' && Buffer.from(r.bytes).toString()).toBe('<rss>zipped</rss>');
  });

  it('follows a redirect and says where the bytes came from', async () => {
    expect(await fetchHttp(`${base}/hop`)).toMatchObject({ kind: 'ok', location: `${base}/feed` });
  });

  it.each([
    ['a redirect loop', '/loop', {}, /more than 5 redirects/],
    ['an oversized body', '/big', { maxBytes: 1024 }, /larger than 1024 bytes/],
    ['a server that stalls mid-body', '/stall', { timeoutMs: 300 }, /timed out/],
    ['a 404', '/missing', {}, /answered 404/],
  ])('fails clearly on %s', async (_name, path, opts, message) => {
    const r = await fetchHttp(`${base}${path}`, {}, opts);
    expect(r.kind).toBe('failed');
    expect(r.kind === 'failed' && r.error).toMatch(message);
  });

  it('passes Retry-After on 429', async () => {
    expect(await fetchHttp(`${base}/busy`)).toMatchObject({ kind: 'failed', retryAfterSeconds: 120 });
  });

  it('passes Retry-After given as an HTTP-date on 503', async () => {
    const r = await fetchHttp(`${base}/unavailable`);
    expect(r.kind === 'failed' && r.retryAfterSeconds).toBeGreaterThanOrEqual(88);
    expect(r.kind === 'failed' && r.retryAfterSeconds).toBeLessThanOrEqual(91);
  });

  it('fails clearly when nothing listens', async () => {
    const r = await fetchHttp('http://127.0.0.1:9/feed', {}, { timeoutMs: 2000 });
    expect(r.kind === 'failed' && r.error).toMatch(/^fetch\/http: http:\/\/127.0.0.1:9\/feed: /);
  });
});

describe('fetchFile', () => {
  it('says why a missing file fails', async () => {
    expect(await fetchFile('/nonexistent/feed.xml')).toEqual({ kind: 'failed', error: 'fetch/file: /nonexistent/feed.xml: no such file' });
  });
});
