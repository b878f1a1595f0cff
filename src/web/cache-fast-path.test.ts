// The fast path only exists on a listening server (app.inject has none): these tests
// listen on a free port and speak HTTP to it.
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { clientAddress } from './cache-fast-path.ts';
import { createTestStore, type TestStore } from '../store/testing/test-stores.ts';
import { insertStory } from '../store/story-repository.ts';
import { listMostViewed } from '../store/view-repository.ts';
import { BROWSER_UA, storyRow, testConfig } from './testing/web-fixtures.ts';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { 'user-agent': BROWSER_UA, ...headers } }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('page-cache hits answered in front of Fastify', () => {
  let t: TestStore;
  let app: FastifyInstance;
  let port: number;
  let logLines: Record<string, unknown>[];
  let path: string;

  beforeEach(async () => {
    t = await createTestStore('sqlite');
    logLines = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n')) if (line) logLines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    app = await buildApp({ store: t.store, config: testConfig(), logger: pino({ level: 'info' }, sink) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
    const id = await insertStory(t.store.db, storyRow(1, { headline: 'Monsoon reaches Kerala', slug: 'monsoon' }));
    path = `/article/politics/${id}-monsoon`;
  });
  afterEach(async () => {
    await app.close();
    await t.dispose();
  });

  const hitLines = () => logLines.filter((l) => l['cache'] === 'hit');

  it('answers the second request from the cache with the same body and headers, logged and counted', async () => {
    const first = await get(port, path);
    expect(first.status).toBe(200);
    expect(hitLines()).toEqual([]);
    const second = await get(port, path);
    expect(second.status).toBe(200);
    expect(second.body.equals(first.body)).toBe(true);
    for (const name of ['etag', 'cache-control', 'content-type', 'xkey', 'surrogate-key', 'vary']) expect(second.headers[name]).toBe(first.headers[name]);
    expect(Number(second.headers['content-length'])).toBe(second.body.length);
    expect(hitLines()).toMatchObject([{ url: path, route: '/article/:sector/:idSlug', status_code: 200, msg: 'request completed' }]);
    const metrics = (await get(port, '/metrics')).body.toString();
    expect(metrics).toMatch(/wiredesk_cache_requests_total\{cache="page",result="hit"\} 1\b/);
  });

  it('answers If-None-Match with 304, gzip when accepted, HEAD without a body', async () => {
    const first = await get(port, path);
    const etag = String(first.headers['etag']);
    const notModified = await get(port, path, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers['etag']).toBe(etag);
    const gzipped = await get(port, path, { 'accept-encoding': 'gzip, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(first.body)).toBe(true);
    expect(String(gzipped.headers['vary'])).toMatch(/accept-encoding/i);
    const head = await get(port, path, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(first.body.length);
    expect(hitLines().length).toBe(3);
  });

  it('still counts a reader for trending, and a change drops the page at once', async () => {
    await get(port, path);
    await get(port, path, { 'user-agent': `${BROWSER_UA} reader-two` });
    expect(hitLines().length).toBe(1);
    await app.flushViews();
    expect((await listMostViewed(t.store.db, new Date(Date.now() - 3600_000), 5)).map((v) => v.score)).toEqual([2]);
    app.invalidateCaches();
    await get(port, path);
    expect(hitLines().length).toBe(1);
  });

  it("keeps each edition reader's front page apart", async () => {
    await get(port, '/');
    const edition = await get(port, '/', { cookie: 'edition=south-asia' });
    expect(hitLines()).toEqual([]);
    expect(edition.body.toString()).toContain('South Asia');
    const again = await get(port, '/', { cookie: 'edition=south-asia' });
    expect(again.body.equals(edition.body)).toBe(true);
    expect(hitLines().length).toBe(1);
  });
});

describe('clientAddress', () => {
  const req = (remote: string, forwarded?: string) =>
    ({ socket: { remoteAddress: remote }, connection: { remoteAddress: remote }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage;

  it('believes X-Forwarded-For exactly as far as the trust setting says', () => {
    expect(clientAddress(false)(req('10.0.0.2', '203.0.113.9'))).toBe('10.0.0.2');
    expect(clientAddress(true)(req('10.0.0.2', '198.51.100.1, 203.0.113.9'))).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.0/8')(req('10.0.0.2', '198.51.100.1, 203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.0/8')(req('192.0.2.7', '203.0.113.9'))).toBe('192.0.2.7');
    expect(clientAddress((_a, hop) => hop < 1)(req('10.0.0.2', '198.51.100.1, 203.0.113.9'))).toBe('203.0.113.9');
  });
});
