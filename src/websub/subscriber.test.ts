import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWeb, type WebHarness } from '../web/testing/web-fixtures.ts';
import { testEngines } from '../store/testing/test-stores.ts';
import { insertSource } from '../store/source-repository.ts';
import { listStories } from '../store/story-lists.ts';
import { findSubscriptionOfSource } from '../store/websub-repository.ts';
import { startScheduler } from '../jobs/scheduler.ts';
import { DEFAULT_SECTORS } from '../config/site-defaults.ts';
import type { Source } from '../domain/source.ts';
import { startFakeHub, type Deliver, type FakeHub } from '../../test/support/websub-hub.ts';
import { createWebsubSubscriber, type WebsubSubscriber } from './subscriber.ts';

const WIRE = readFileSync(new URL('../ingest/testdata/wire-v1.rss', import.meta.url));
const TOPIC = 'https://wire.example/pti.xml';

/** A logger whose lines the test can read (to prove the secret never appears). */
function capturingLogger(lines: string[]) {
  return pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
}

describe.each(testEngines())('WebSub subscriber on %s', (engine) => {
  let w: WebHarness;
  let hub: FakeHub;
  let source: Source;
  let dir: string;
  let clock: Date;
  const lines: string[] = [];
  const subscriber = (): WebsubSubscriber =>
    createWebsubSubscriber({ store: w.t.store, logger: capturingLogger(lines), baseUrl: 'https://news.example', now: () => clock, leaseSeconds: 3600 });

  beforeEach(async () => {
    w = await startWeb(engine);
    // The hub reaches the in-process app: the callback URL's path and query, through inject.
    const deliver: Deliver = async (req) => {
      const url = new URL(req.url);
      const res = await w.app.inject({ method: req.method, url: url.pathname + url.search, headers: req.headers, ...(req.body ? { payload: req.body } : {}) });
      return { status: res.statusCode, body: res.body };
    };
    hub = await startFakeHub(deliver);
    dir = mkdtempSync(join(tmpdir(), 'wiredesk-websub-'));
    // The app's callbacks keep real time; the subscriber's clock starts there and moves on in steps.
    clock = new Date();
    lines.length = 0;
    const feed = join(dir, 'feed.xml');
    writeFileSync(feed, `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>PTI</title><atom:link rel="hub" href="${hub.url}"/><atom:link rel="self" href="${TOPIC}"/><item><title>Polled story</title><guid>p-1</guid></item></channel></rss>`);
    source = await insertSource(w.t.store.db, { name: 'pti', url: feed, intervalSeconds: 300, agency: 'PTI' }, clock);
  });
  afterEach(async () => {
    await hub.close();
    await w.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Polls the source once through the scheduler, which hands the run to the subscriber. */
  async function pollWith(sub: WebsubSubscriber): Promise<void> {
    const pending: Promise<void>[] = [];
    const scheduler = startScheduler(
      { store: w.t.store, sectors: DEFAULT_SECTORS, logger: pino({ level: 'silent' }), now: () => clock, onPolled: (s, run) => run.websub && pending.push(sub.noteFeed(s, run.websub)) },
      { tickMs: 60_000 },
    );
    await scheduler.tick();
    await scheduler.stop();
    await Promise.all(pending);
    await hub.settle();
  }

  it('a poll that finds a hub subscribes; the hub verifies intent; signed content is ingested for that source', async () => {
    await pollWith(subscriber());
    expect(hub.requests).toHaveLength(1);
    const form = hub.requests[0]!.form;
    expect(form.get('hub.mode')).toBe('subscribe');
    expect(form.get('hub.topic')).toBe(TOPIC);
    expect(form.get('hub.callback')).toMatch(new RegExp(`^https://news\\.example/websub/${source.id}/[A-Za-z0-9_-]{24}$`));
    expect(form.get('hub.secret')).toMatch(/^[0-9a-f]{64}$/);
    expect(form.get('hub.lease_seconds')).toBe('3600');
    expect(hub.subscriptions[0]).toMatchObject({ verified: true });
    const row = await findSubscriptionOfSource(w.t.store.db, source.id);
    expect(row).toMatchObject({ state: 'active', leaseSeconds: 3600 });
    const verifiedAt = Date.parse(row!.verifiedAt!);
    expect([Date.parse(row!.expiresAt!) - verifiedAt, Date.parse(row!.renewAt) - verifiedAt]).toEqual([3600_000, 3240_000]);

    const answers = await hub.distribute(TOPIC, WIRE);
    expect(answers).toEqual([{ status: 202, body: '' }]);
    await w.app.settleWebsub();
    const stories = await listStories(w.t.store.db, {}, { limit: 10 });
    expect(stories.map((s) => s.headline).sort()).toEqual(['Flood warnings issued along the Brahmaputra', 'Kenya opens new rail link to Naivasha', 'Polled story']);
    // A second poll of the same feed does not subscribe again.
    clock = new Date(clock.getTime() + 600_000);
    await pollWith(subscriber());
    expect(hub.requests).toHaveLength(1);
    expect(lines.join('')).not.toContain(form.get('hub.secret'));
  });

  it.each([
    ['a wrong signature', { secret: 'not-the-secret' }],
    ['no signature', { unsigned: true }],
  ])('content with %s is answered 202 and dropped', async (_name, opts) => {
    await pollWith(subscriber());
    const before = await listStories(w.t.store.db, {}, { limit: 10 });
    expect(await hub.distribute(TOPIC, WIRE, opts)).toEqual([{ status: 202, body: '' }]);
    await w.app.settleWebsub();
    expect(await listStories(w.t.store.db, {}, { limit: 10 })).toEqual(before);
  });

  it('accepts an sha1 signature', async () => {
    await pollWith(subscriber());
    await hub.distribute(TOPIC, WIRE, { method: 'sha1' });
    await w.app.settleWebsub();
    expect(await listStories(w.t.store.db, {}, { limit: 10 })).toHaveLength(3);
  });

  it('verification is refused (404) for another topic, an unknown token or source, an unsubscribe', async () => {
    await pollWith(subscriber());
    const callback = new URL(hub.requests[0]!.form.get('hub.callback')!);
    const get = (path: string, query: Record<string, string>) => w.get(`${path}?${new URLSearchParams(query)}`);
    const ok = { 'hub.mode': 'subscribe', 'hub.topic': TOPIC, 'hub.challenge': 'c-123', 'hub.lease_seconds': '60' };
    expect((await get(callback.pathname, ok)).body).toBe('c-123');
    expect((await get(callback.pathname, { ...ok, 'hub.topic': 'https://evil.example/feed' })).statusCode).toBe(404);
    expect((await get(callback.pathname, { ...ok, 'hub.mode': 'unsubscribe' })).statusCode).toBe(404);
    expect((await get(callback.pathname.replace(/[^/]+$/, 'wrong-token'), ok)).statusCode).toBe(404);
    expect((await get(callback.pathname.replace(`/${source.id}/`, '/999/'), ok)).statusCode).toBe(404);
    expect((await get('/websub/abc/def', ok)).statusCode).toBe(404);
    // And content to a callback that is not ours: 410, so a hub stops sending.
    expect((await w.app.inject({ method: 'POST', url: '/websub/999/x', payload: WIRE })).statusCode).toBe(410);
  });

  it('renews before the lease ends, through a claim only one node wins', async () => {
    await pollWith(subscriber());
    expect(await subscriber().renewDue()).toBe(0);
    const first = await findSubscriptionOfSource(w.t.store.db, source.id);
    clock = new Date(clock.getTime() + 55 * 60_000); // past 90 % of the one-hour lease
    const sent = await Promise.all([subscriber().renewDue(), subscriber().renewDue()]);
    expect(sent.sort()).toEqual([0, 1]);
    await hub.settle();
    expect(hub.requests).toHaveLength(2);
    expect(hub.requests[1]!.form.get('hub.callback')).toBe(hub.requests[0]!.form.get('hub.callback'));
    const renewed = await findSubscriptionOfSource(w.t.store.db, source.id);
    expect(renewed).toMatchObject({ state: 'active', callbackToken: first!.callbackToken });
    expect(Date.parse(renewed!.requestedAt!)).toBe(clock.getTime());
    expect(Date.parse(renewed!.renewAt)).toBeGreaterThan(Date.parse(first!.renewAt));
  });

  it('a hub that fails is asked again later, not at once', async () => {
    hub.answer(503, 202);
    await pollWith(subscriber());
    const retryAt = new Date(clock.getTime() + 15 * 60_000);
    expect(await findSubscriptionOfSource(w.t.store.db, source.id)).toMatchObject({ state: 'pending', lastError: 'websub: hub answered HTTP 503', renewAt: retryAt.toISOString() });
    expect(await subscriber().renewDue()).toBe(0);
    clock = retryAt;
    expect(await subscriber().renewDue()).toBe(1);
    await hub.settle();
    expect(await findSubscriptionOfSource(w.t.store.db, source.id)).toMatchObject({ state: 'active', lastError: null });
  });

  it('a denial is recorded and the hub asked again a day later', async () => {
    await pollWith(subscriber());
    const callback = new URL(hub.requests[0]!.form.get('hub.callback')!);
    const denied = await w.get(`${callback.pathname}?${new URLSearchParams({ 'hub.mode': 'denied', 'hub.topic': TOPIC, 'hub.reason': 'not allowed' })}`);
    expect(denied.statusCode).toBe(200);
    const row = await findSubscriptionOfSource(w.t.store.db, source.id);
    expect(row).toMatchObject({ state: 'denied', lastError: 'websub: hub denied the subscription: not allowed' });
    expect(await hub.distribute(TOPIC, WIRE)).toEqual([{ status: 410, body: 'no such subscription' }]);
    clock = new Date(Date.parse(row!.renewAt));
    expect(await subscriber().renewDue()).toBe(1);
    await hub.settle();
    expect(await findSubscriptionOfSource(w.t.store.db, source.id)).toMatchObject({ state: 'active' });
  });
});
