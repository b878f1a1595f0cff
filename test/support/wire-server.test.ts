import { afterEach, describe, expect, it } from 'vitest';
import { startWireServer, type WireServer } from './wire-server.ts';
import { fetchHttp } from '../../src/ingest/fetch/http-fetch.ts';
import { parseFeed } from '../../src/ingest/parse/index.ts';

let wire: WireServer | undefined;
afterEach(async () => {
  await wire?.close();
  wire = undefined;
});

async function start(...args: Parameters<typeof startWireServer>): Promise<WireServer> {
  wire = await startWireServer(...args);
  return wire;
}

async function guidsOf(url: string): Promise<string[]> {
  const fetched = await fetchHttp(url);
  if (fetched.kind !== 'ok') throw new Error(`expected a body, got ${fetched.kind}`);
  const parsed = parseFeed(fetched.bytes, fetched.contentType ? { contentType: fetched.contentType } : {});
  if (parsed.kind !== 'ok') throw new Error(parsed.error);
  return parsed.feed.items.map((i) => i.guid ?? '');
}

describe('wire server', () => {
  it('serves feeds that grow with stable guids, newest first, and a top window across feeds', async () => {
    const w = await start({ feeds: 2, initialItems: 2, topSize: 3 });
    expect(await guidsOf(w.feedUrl(1))).toEqual(['wire-1-2', 'wire-1-1']);
    w.grow();
    expect(await guidsOf(w.feedUrl(1))).toEqual(['wire-1-3', 'wire-1-2', 'wire-1-1']);
    expect(await guidsOf(w.feedUrl('top'))).toEqual(['wire-1-3', 'wire-0-3', 'wire-1-2']);
    expect(w.items()).toHaveLength(6);
    expect((await fetch(`${w.url}/feeds/2.xml`)).status).toBe(404);
  });

  it('grows by itself every growEveryMs until stopped', async () => {
    const w = await start({ feeds: 1, initialItems: 0, growEveryMs: 20 });
    await expect.poll(() => w.items().length, { timeout: 2000 }).toBeGreaterThanOrEqual(3);
    w.stopGrowing();
    const n = w.items().length;
    await new Promise((r) => setTimeout(r, 60));
    expect(w.items()).toHaveLength(n);
  });

  it('answers conditional GETs per RFC 9110: If-None-Match first, else If-Modified-Since', async () => {
    const w = await start({ feeds: 1 });
    const first = await fetch(w.feedUrl(0));
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    await first.arrayBuffer();
    expect((await fetch(w.feedUrl(0), { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(w.feedUrl(0), { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    w.grow();
    // Same second, so Last-Modified may not have moved; the new ETag must still win.
    const after = await fetch(w.feedUrl(0), { headers: { 'if-none-match': etag, 'if-modified-since': lastModified } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('counts an item served only once a complete 200 body carried it', async () => {
    const w = await start({ feeds: 2, initialItems: 1 });
    w.setFault(0, { kind: 'truncated', bytes: 50 });
    await expect(fetch(w.feedUrl(0)).then((r) => r.text())).rejects.toThrow();
    await (await fetch(w.feedUrl(1))).text();
    expect([...w.served()]).toEqual(['wire-1-1']);
    await expect.poll(() => w.requests().map((r) => r.outcome)).toEqual(['truncated', 200]);
  });

  it('holds back half of a slow body', async () => {
    const w = await start({ feeds: 1 });
    w.setSlow('all', 300);
    const started = performance.now();
    const res = await fetch(w.feedUrl(0));
    expect(res.status).toBe(200);
    await res.text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('names a slow answer as mid-body between its halves, and not after', async () => {
    const w = await start({ feeds: 2 });
    w.setSlow(0, 300);
    const res = await fetch(w.feedUrl(0));
    expect([...w.midBody()]).toEqual(['/feeds/0.xml']);
    await (await fetch(w.feedUrl(1))).text();
    expect([...w.midBody()]).toEqual(['/feeds/0.xml']);
    await res.text();
    await expect.poll(() => w.midBody().size).toBe(0);
  });

  it.each([
    { fault: { kind: 'status', status: 500 } as const, want: { status: 500, retryAfterSeconds: undefined } },
    { fault: { kind: 'rate-limited', retryAfterSeconds: 7 } as const, want: { status: 429, retryAfterSeconds: 7 } },
  ])('injects $fault.kind', async ({ fault, want }) => {
    const w = await start({ feeds: 1 });
    w.setFault(0, fault);
    const outcome = await fetchHttp(w.feedUrl(0));
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.error).toContain(`answered ${want.status}`);
    expect(outcome.retryAfterSeconds).toBe(want.retryAfterSeconds);
    w.setFault(0, { kind: 'none' });
    expect((await fetchHttp(w.feedUrl(0))).kind).toBe('ok');
    expect(w.served().size).toBe(3);
  });

  it('reports a truncated body as a failed fetch', async () => {
    const w = await start({ feeds: 1 });
    w.setFault(0, { kind: 'truncated', bytes: 100 });
    expect((await fetchHttp(w.feedUrl(0))).kind).toBe('failed');
    expect(w.served().size).toBe(0);
  });

  it('churns ETags and ignores validators, redirects for ever, serves raw bytes, stalls, adds headers', async () => {
    const w = await start({ feeds: 4 });
    w.setFault(0, { kind: 'etag-churn' });
    const a = await fetch(w.feedUrl(0));
    const b = await fetch(w.feedUrl(0), { headers: { 'if-none-match': a.headers.get('etag') ?? '' } });
    expect(b.status).toBe(200);
    expect(b.headers.get('etag')).not.toBe(a.headers.get('etag'));
    expect(await b.text()).toBe(await a.text());

    w.setFault(1, { kind: 'redirect-loop' });
    const loop = await fetch(w.feedUrl(1), { redirect: 'manual' });
    expect([loop.status, loop.headers.get('location')]).toEqual([302, '/feeds/1.xml']);

    w.setFault(2, { kind: 'raw', body: Buffer.from('{"x":'), headers: { 'content-type': 'application/json' } });
    const raw = await fetch(w.feedUrl(2));
    expect([raw.headers.get('content-type'), await raw.text()]).toEqual(['application/json', '{"x":']);

    w.setFault(3, { kind: 'stall', bytes: 20 });
    expect((await fetchHttp(w.feedUrl(3), {}, { timeoutMs: 200 })).kind).toBe('failed');
    await expect.poll(() => w.requests().at(-1)?.outcome).toBe('stalled');

    w.setHeaders(0, { 'cache-control': 'max-age=60' });
    expect((await fetch(w.feedUrl(0))).headers.get('cache-control')).toBe('max-age=60');
  });
});
