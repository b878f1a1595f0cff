import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../../config/config.ts';
import { openStore } from '../../store/store.ts';
import { createTestStore, testEngines } from '../../store/testing/test-stores.ts';
import { buildApp } from '../app.ts';
import { BROWSER_UA, startWeb, storyRow, testConfig, type WebHarness } from '../testing/web-fixtures.ts';
import { isAuthorized } from './ops.ts';

const TOKEN = 'test-token-0123456789abcdef';

/** The value of one exact series line (`name{labels}`), or undefined when absent. */
function seriesValue(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(testEngines())('operations endpoints on %s', (engine) => {
  let w: WebHarness | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('/healthz answers ok, never cached', async () => {
    w = await startWeb(engine);
    const res = await w.get('/healthz');
    expect([res.statusCode, res.body, res.headers['cache-control']]).toEqual([200, 'ok', 'no-store']);
  });

  it('/readyz is ready on a migrated store', async () => {
    w = await startWeb(engine);
    const res = await w.get('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('/readyz is 503 once the store is closed, and /healthz still answers', async () => {
    w = await startWeb(engine);
    await w.t.store.close();
    const res = await w.get('/readyz');
    expect(res.statusCode).toBe(503);
    // The driver's message (hosts, ports) stays in the log: the endpoint is public.
    expect(res.json()).toEqual({ status: 'not-ready', reason: 'database unavailable' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await w.get('/healthz')).statusCode).toBe(200);
  });

  it('counts requests by route pattern: two article URLs make one series', async () => {
    w = await startWeb(engine);
    await w.insert(storyRow(1), storyRow(2));
    for (const url of ['/article/politics/1-headline-number-1', '/article/politics/2-headline-number-2', '/healthz', '/no/such/page-123']) {
      await w.get(url);
    }
    const body = (await w.get('/metrics')).body;
    expect(seriesValue(body, 'wiredesk_http_requests_total{route="/article/:sector/:idSlug",status_class="2xx"}')).toBe(2);
    expect(seriesValue(body, 'wiredesk_http_request_duration_seconds_count{route="/article/:sector/:idSlug"}')).toBe(2);
    expect(seriesValue(body, 'wiredesk_http_requests_total{route="unmatched",status_class="4xx"}')).toBe(1);
    // Raw URLs never become labels, and probes are not traffic.
    expect(body).not.toContain('1-headline-number-1');
    expect(body).not.toContain('page-123');
    expect(body).not.toContain('route="/healthz"');
  });

  it('exposes cache lookups, ingest counters at zero and the process metrics', async () => {
    // The page cache would answer the second request before the home data is asked for.
    w = await startWeb(engine, testConfig({ WIREDESK_PAGE_CACHE: '0' }));
    await w.get('/');
    await w.get('/');
    const res = await w.get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body;
    expect(seriesValue(body, 'wiredesk_cache_requests_total{cache="home",result="miss"}')).toBe(1);
    expect(seriesValue(body, 'wiredesk_cache_requests_total{cache="home",result="hit"}')).toBe(1);
    expect(seriesValue(body, 'wiredesk_ingest_items_total{outcome="new"}')).toBe(0);
    expect(seriesValue(body, 'wiredesk_source_runs_total{result="failed"}')).toBe(0);
    expect(body).toMatch(/^wiredesk_process_cpu_user_seconds_total \d/m);
    expect(body).toMatch(/^wiredesk_nodejs_eventloop_lag_seconds \d/m);
  });

  it.each<[string, Record<string, string>, number]>([
    ['no header', {}, 401],
    ['a wrong token', { authorization: 'Bearer wrong-token-0123456789abc' }, 401],
    ['another scheme', { authorization: `Basic ${TOKEN}` }, 401],
    ['the token', { authorization: `Bearer ${TOKEN}` }, 200],
  ])('with WIREDESK_METRICS_TOKEN set, /metrics with %s answers %i', async (_name, headers, status) => {
    w = await startWeb(engine, testConfig({ WIREDESK_METRICS_TOKEN: TOKEN }));
    const res = await w.get('/metrics', headers);
    expect(res.statusCode).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
    if (status === 401) expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    else expect(res.body).toContain('wiredesk_http_requests_total');
  });
});

describe('readiness without migrations', () => {
  it('/readyz is 503 on a store whose migrations are not applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wiredesk-ops-'));
    const store = openStore({ kind: 'sqlite', path: join(dir, 'bare.db') });
    const app = await buildApp({ store, config: testConfig() });
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'not-ready', reason: 'migrations pending' });
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('request logs', () => {
  it('are one line per request with stable snake_case fields', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        cb();
      },
    });
    const t = await createTestStore('sqlite');
    const app = await buildApp({ store: t.store, config: testConfig(), logger: pino({ level: 'info' }, sink) });
    try {
      await app.inject({ method: 'GET', url: '/page/about?x=1', headers: { 'user-agent': BROWSER_UA } });
      await app.inject({ method: 'GET', url: '/healthz' });
    } finally {
      await app.close();
      await t.dispose();
    }
    const requests = lines.filter((l) => l.msg === 'request completed');
    expect(requests).toHaveLength(1); // probes log at debug
    expect(requests[0]).toMatchObject({ req_id: expect.any(String), method: 'GET', url: '/page/about?x=1', route: '/page/:slug', status_code: 200, duration_ms: expect.any(Number) });
    expect(lines.some((l) => 'reqId' in l || 'responseTime' in l)).toBe(false);
  });

  it('never carry the WebSub callback token, a credential in the path', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const t = await createTestStore('sqlite');
    const app = await buildApp({ store: t.store, config: testConfig(), logger: pino({ level: 'info' }, sink) });
    const token = 'cb-secret-token-5f1d2a';
    try {
      await app.inject({ method: 'GET', url: `/websub/1/${token}?hub.mode=subscribe&hub.topic=x&hub.challenge=c` });
      await app.inject({ method: 'POST', url: `/websub/1/${token}`, payload: '<rss/>' });
    } finally {
      await app.close();
      await t.dispose();
    }
    const completed = lines.filter((l) => l.includes('request completed'));
    expect(completed).toHaveLength(2);
    expect(completed.every((l) => l.includes('/websub/1/***'))).toBe(true);
    expect(lines.filter((l) => l.includes(token))).toEqual([]);
  });
});

describe('metrics token', () => {
  it.each<[string | undefined, boolean]>([
    [`Bearer ${TOKEN}`, true],
    [`bearer ${TOKEN}`, true],
    [`Bearer ${TOKEN}x`, false],
    [`Bearer ${TOKEN.slice(1)}`, false],
    ['Bearer ', false],
    [undefined, false],
  ])('%s is authorized: %s', (header, ok) => {
    expect(isAuthorized(header, TOKEN)).toBe(ok);
  });

  it.each(['short', 'has a space in it, long enough'])('config refuses %j', (value) => {
    expect(() => loadConfig({ WIREDESK_METRICS_TOKEN: value })).toThrow(ConfigError);
  });

  it('config takes a good token and leaves it unset by default', () => {
    expect(loadConfig({ WIREDESK_METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(loadConfig({}).metricsToken).toBeUndefined();
  });
});
