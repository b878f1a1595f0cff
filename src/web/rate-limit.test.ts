// Rate limits are counted where every node sees them: two apps (two nodes) on one
// database share a limit, as they do through Redis when it is configured.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { testConfig } from './testing/web-fixtures.ts';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { insertSource } from '../store/source-repository.ts';

const WIRE = readFileSync(new URL('../ingest/testdata/wire-v1.rss', import.meta.url));
const TOKEN = 'rate-limit-test-token-0123456789';
const REDIS_URL = process.env.WIREDESK_TEST_REDIS;
if (!REDIS_URL) console.log('src/web/rate-limit.test.ts: the Redis case is skipped; set WIREDESK_TEST_REDIS=redis://127.0.0.1:6379 (.ci/run does)');

type Backend = { readonly engine: (typeof ENGINES)[number]; readonly redis: boolean };
const ENGINES = testEngines();
const BACKENDS: Backend[] = [...ENGINES.map((engine) => ({ engine, redis: false })), ...(REDIS_URL ? [{ engine: 'sqlite' as const, redis: true }] : [])];

describe.each(BACKENDS)('push rate limit on $engine (redis: $redis)', ({ engine, redis }) => {
  let t: TestStore;
  let nodes: FastifyInstance[];
  // A fresh source name per test: Redis keeps counters between runs.
  let source: string;

  beforeEach(async () => {
    t = await createTestStore(engine);
    source = `wire-${randomBytes(4).toString('hex')}`;
    await insertSource(t.store.db, { name: source, url: `push:${source}`, intervalSeconds: 0, pushToken: TOKEN }, new Date());
    await insertSource(t.store.db, { name: `${source}-b`, url: `push:${source}-b`, intervalSeconds: 0, pushToken: TOKEN }, new Date());
    const config = testConfig({ WIREDESK_RATE_LIMIT_PUSH: '2', ...(redis && REDIS_URL ? { WIREDESK_REDIS_URL: REDIS_URL } : {}) });
    nodes = [await buildApp({ store: t.store, config }), await buildApp({ store: t.store, config })];
  });
  afterEach(async () => {
    for (const app of nodes) await app.close();
    await t.dispose();
  });

  const push = (app: FastifyInstance, name: string) =>
    app.inject({ method: 'POST', url: `/api/ingest/${name}`, payload: WIRE, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/rss+xml' } });

  it('counts one source across nodes and answers the third push in a minute with 429 and Retry-After', async () => {
    const [a, b] = nodes as [FastifyInstance, FastifyInstance];
    expect((await push(a, source)).statusCode).toBe(200);
    expect((await push(b, source)).statusCode).toBe(200);
    const third = await push(a, source);
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(third.json()).toMatchObject({ error: 'Too many requests', message: expect.stringMatching(/^rate limit: at most 2 requests a minute/) });
    // Another source has a limit of its own.
    expect((await push(b, `${source}-b`)).statusCode).toBe(200);
  });
});

describe.each(ENGINES)('search rate limit on %s', (engine) => {
  it('answers a client over the limit with a 429 page; another client still searches', async () => {
    const t = await createTestStore(engine);
    const app = await buildApp({ store: t.store, config: testConfig({ WIREDESK_RATE_LIMIT_SEARCH: '2', WIREDESK_TRUST_PROXY: '1' }) });
    try {
      const search = (ip: string) => app.inject({ method: 'GET', url: '/search?q=flood', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': ip } });
      expect((await search('198.51.100.1')).statusCode).toBe(200);
      expect((await search('198.51.100.1')).statusCode).toBe(200);
      const refused = await search('198.51.100.1');
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toMatch(/^[1-9][0-9]*$/);
      expect(refused.headers['content-type']).toMatch(/^text\/html/);
      expect(refused.body).toContain('<h1>Too many requests</h1>');
      expect((await search('198.51.100.2')).statusCode).toBe(200);
    } finally {
      await app.close();
      await t.dispose();
    }
  });
});

describe('Redis outage', () => {
  it('lets requests through (logged) rather than refusing every push', async () => {
    const t = await createTestStore('sqlite');
    try {
      await insertSource(t.store.db, { name: 'wire', url: 'push:wire', intervalSeconds: 0, pushToken: TOKEN }, new Date());
      // Nothing listens on port 1.
      const app = await buildApp({ store: t.store, config: testConfig({ WIREDESK_RATE_LIMIT_PUSH: '1', WIREDESK_REDIS_URL: 'redis://127.0.0.1:1' }) });
      try {
        const codes = [];
        for (let i = 0; i < 3; i++) codes.push((await app.inject({ method: 'POST', url: '/api/ingest/wire', payload: WIRE, headers: { authorization: `Bearer ${TOKEN}` } })).statusCode);
        expect(codes).toEqual([200, 200, 200]);
      } finally {
        await app.close();
      }
    } finally {
      await t.dispose();
    }
  });
});

describe('WIREDESK_TRUST_PROXY', () => {
  it.each([
    ['false', '203.0.113.9', '127.0.0.1'],
    ['1', '203.0.113.9', '203.0.113.9'],
    ['127.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['10.0.0.0/8', '203.0.113.9', '127.0.0.1'],
  ])('%s: a request from 127.0.0.1 forwarded for %s is from %s', async (setting, forwarded, expected) => {
    const t = await createTestStore('sqlite');
    const app = await buildApp({ store: t.store, config: testConfig({ WIREDESK_TRUST_PROXY: setting }) });
    try {
      app.get('/_ip', async (request) => request.ip);
      const res = await app.inject({ method: 'GET', url: '/_ip', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': forwarded } });
      expect(res.body).toBe(expected);
    } finally {
      await app.close();
      await t.dispose();
    }
  });
});

