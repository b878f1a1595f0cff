// The page cache across two app instances sharing one database and a change bus,
// wired as `serve` wires them: a push to one node, and what both then answer.
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { changeFor } from './change-keys.ts';
import { BROWSER_UA, storyRow, testConfig } from './testing/web-fixtures.ts';
import { insertStory } from '../store/story-repository.ts';
import { listMostViewed } from '../store/view-repository.ts';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { openStore, type Store } from '../store/store.ts';
import { insertSource } from '../store/source-repository.ts';
import { createLocalChangeBus, createPostgresChangeBus, type ChangeBus, type ChangeEvent } from '../jobs/change-bus.ts';
import type { Engine } from '../store/engine.ts';

const TOKEN = 'push-token-for-tests-0123456789';

// Each probe its own story: texts alike but for their number are one story re-sent to
// the duplicates stage (ingest/dedupe), and would be merged.
const PROBES = [
  ['parliament passes the water bill', 'Parliament on Monday passed the water supply bill after a long debate.'],
  ['sanitation drive reaches hill villages', 'A sanitation campaign brought new toilets and drainage to forty hill villages in Uttarakhand.'],
  ['drinking water plant opens in Chennai', 'A desalination plant supplying drinking water to two million residents opened in Chennai.'],
  ['handpump repairs cut queues for water', 'Volunteers repaired hundreds of handpumps across rural Bihar, cutting queues for drinking water.'],
] as const;

function ninjs(n: number, pubstatus: 'usable' | 'canceled' = 'usable', version = 1): string {
  const [title, lead] = PROBES[(n - 1) % PROBES.length]!;
  const at = new Date(Date.now() - 60_000 + n * 1000).toISOString();
  return JSON.stringify({
    uri: `urn:wiredesk:cache:${n}`,
    type: 'text',
    version: String(version),
    versioncreated: at,
    firstcreated: at,
    pubstatus,
    language: 'en',
    headline: `Cache probe ${n}: ${title}`,
    body_html: `<p>NEW DELHI: ${lead}</p>`,
  });
}

interface Node {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly bus: ChangeBus;
  /** Resolves with the next change this node hears of. */
  nextChange(): Promise<ChangeEvent>;
}

async function startNode(engine: Engine, t: TestStore, sharedBus: ChangeBus | undefined): Promise<Node> {
  const store = engine === 'sqlite' ? openStore({ kind: 'sqlite', path: t.url }) : openStore({ kind: 'postgres', url: t.url });
  const bus = sharedBus ?? (await createPostgresChangeBus(t.url, (err) => expect.unreachable(String(err))));
  const waiting: ((e: ChangeEvent) => void)[] = [];
  // As serve does: the changed stories' keys go out on the bus; every node drops what they name.
  const app = await buildApp({
    store,
    config: testConfig(),
    onPublished: (items) => void changeFor(store.db, items, () => undefined).then((change) => bus.publish(change)),
  });
  bus.subscribe((change) => {
    app.invalidateCaches(change);
    waiting.splice(0).forEach((w) => w(change));
  });
  return { app, store, bus, nextChange: () => new Promise((resolve) => waiting.push(resolve)) };
}

const get = (node: Node, url: string, headers: Record<string, string> = {}) => node.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA, ...headers } });

async function push(node: Node, body: string): Promise<string> {
  const res = await node.app.inject({ method: 'POST', url: '/api/ingest/wire', payload: body, headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
  expect(res.statusCode).toBe(200);
  const url = res.json<{ items: { url: string }[] }>().items[0]?.url;
  if (!url) throw new Error(`push stored nothing: ${res.body}`);
  return url;
}

async function canonical(node: Node, shortUrl: string): Promise<string> {
  const res = await get(node, shortUrl);
  expect(res.statusCode).toBe(301);
  return res.headers.location as string;
}

describe.each(testEngines())('page cache on two nodes sharing %s and a change bus', (engine) => {
  let t: TestStore;
  let a: Node;
  let b: Node;
  beforeEach(async () => {
    t = await createTestStore(engine);
    await insertSource(t.store.db, { name: 'wire', url: 'push:wire', intervalSeconds: 300, agency: 'PTI', pushToken: TOKEN }, new Date());
    const shared = engine === 'sqlite' ? createLocalChangeBus() : undefined;
    a = await startNode(engine, t, shared);
    b = await startNode(engine, t, shared);
  });
  afterEach(async () => {
    for (const node of [a, b]) {
      await node.app.close();
      await node.bus.close();
      await node.store.close();
    }
    if (engine === 'postgres') await new Promise((r) => setTimeout(r, 100));
    await t.dispose();
  });

  /**
   * Reads the pages on both nodes until each has them cached (a read that overlaps a
   * drop, such as the pushing node's own lookup finishing, is rightly not kept).
   */
  async function warm(...urls: string[]): Promise<void> {
    for (const node of [a, b]) {
      for (const url of urls) {
        for (let i = 0; i < 5 && !node.app.pageCache?.get(url); i++) await get(node, url);
        expect(node.app.pageCache?.get(url), url).toBeDefined();
      }
    }
  }

  it('a kill pushed to one node: both answer 410 and no list, feed or rail names the story', async () => {
    // The older story's page names the newer one in its rail's latest and, same sector, in
    // its related stories: it carries the newer one's key for the latter (ingest/dedupe).
    const otherHeard = Promise.all([a.nextChange(), b.nextChange()]);
    const other = await canonical(a, await push(a, ninjs(1)));
    await otherHeard;
    const heard = Promise.all([a.nextChange(), b.nextChange()]);
    const path = await canonical(a, await push(a, ninjs(2)));
    await heard;
    const sector = /^\/article\/([^/]+)\//.exec(path)?.[1] ?? '';
    const lists = ['/', `/news/${sector}`, '/rss.xml', '/latest', '/news-sitemap.xml'];
    await warm(path, other, ...lists);
    for (const node of [a, b]) expect((await get(node, path)).body).toContain('Cache probe 2');
    for (const node of [a, b]) for (const url of ['/', other]) expect((await get(node, url)).body, url).toContain(path);
    expect(a.app.pageCache?.get(other)?.keys).toContain(`story-${/\/(\d+)-/.exec(path)?.[1] ?? ''}`);

    const killHeard = Promise.all([a.nextChange(), b.nextChange()]);
    await push(a, ninjs(2, 'canceled', 2));
    // The pushing node is fresh at once, before any bus delivery.
    expect((await get(a, path)).statusCode).toBe(410);
    await killHeard;
    for (const node of [a, b]) {
      expect((await get(node, path)).statusCode).toBe(410);
      for (const url of lists) {
        const res = await get(node, url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, `${url} still names the killed story`).not.toContain(path);
      }
      // The page whose rail listed it as latest is rendered afresh too.
      const rest = await get(node, other);
      expect(rest.statusCode).toBe(200);
      expect(rest.body).not.toContain(path);
    }
  });

  it('a new story drops the lists and its own 404 on both nodes, and leaves other articles cached', async () => {
    const firstHeard = Promise.all([a.nextChange(), b.nextChange()]);
    const first = await canonical(a, await push(a, ninjs(1)));
    await firstHeard;
    const sector = /^\/article\/([^/]+)\//.exec(first)?.[1] ?? '';
    await warm(first, '/', `/news/${sector}`, '/rss.xml', '/article/999');
    expect((await get(b, '/article/999')).statusCode).toBe(404);

    const heard = Promise.all([a.nextChange(), b.nextChange()]);
    const second = await canonical(a, await push(a, ninjs(2)));
    await heard;
    for (const node of [a, b]) {
      // Untouched by the change: still the cached entry.
      expect(node.app.pageCache?.get(first)).toBeDefined();
      for (const url of ['/', `/news/${sector}`, '/rss.xml', '/article/999']) expect(node.app.pageCache?.get(url), url).toBeUndefined();
      for (const url of ['/', `/news/${sector}`]) expect((await get(node, url)).body, url).toContain(second);
    }
  });
});

describe.each(testEngines())('page cache on one node (%s)', (engine) => {
  let t: TestStore;
  let app: FastifyInstance;
  afterEach(async () => {
    await app.close();
    if (engine === 'postgres') await new Promise((r) => setTimeout(r, 100));
    await t.dispose();
  });

  async function start(pageCache: '0' | '1'): Promise<void> {
    t = await createTestStore(engine);
    app = await buildApp({ store: t.store, config: testConfig({ WIREDESK_PAGE_CACHE: pageCache }) });
  }

  const inject = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA, ...headers } });

  it('answers a repeat from memory, 304 included, until told of a change', async () => {
    await start('1');
    const first = await inject('/page/about');
    expect(first.statusCode).toBe(200);
    const again = await inject('/page/about');
    expect(again.body).toBe(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers.xkey).toBe(first.headers.xkey);
    expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
    const revalidated = await inject('/page/about', { 'if-none-match': first.headers.etag as string });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/wiredesk_cache_requests_total\{cache="page",result="hit"\} 2/);
    expect(res.body).toMatch(/wiredesk_cache_requests_total\{cache="page",result="miss"\} 1/);
  });

  it("still counts a reader's view when the article comes from the cache, and not a bot's", async () => {
    await start('1');
    const id = await insertStory(t.store.db, storyRow(1, { created_at: new Date().toISOString() }));
    const path = `/article/politics/${id}-headline-number-1`;
    // Two readers (one view a day each counts), the second served from the cache.
    const as = (address: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: path, remoteAddress: address, headers: { 'user-agent': BROWSER_UA, ...headers } });
    expect((await as('198.51.100.1')).statusCode).toBe(200);
    expect(app.pageCache?.get(path)).toBeDefined();
    expect((await as('198.51.100.2')).statusCode).toBe(200);
    await as('198.51.100.3', { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
    await app.flushViews();
    expect((await listMostViewed(t.store.db, new Date(Date.now() - 3600_000), 5)).map((v) => [v.storyId, v.score])).toEqual([[id, 2]]);
  });

  it('answers a hit gzipped to a client that accepts it, the same page as unzipped', async () => {
    await start('1');
    const plain = await inject('/page/about');
    expect(plain.headers.vary).toBe('accept-encoding');
    const zipped = await inject('/page/about', { 'accept-encoding': 'br;q=1, gzip;q=0.8' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    const refused = await inject('/page/about', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });

  it('WIREDESK_PAGE_CACHE=0 keeps nothing', async () => {
    await start('0');
    expect(app.pageCache).toBeUndefined();
    await inject('/page/about');
    await inject('/page/about');
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).not.toMatch(/cache="page"/);
  });
});
