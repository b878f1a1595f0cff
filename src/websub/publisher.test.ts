import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { insertStory } from '../store/story-repository.ts';
import { storyRow, testConfig } from '../web/testing/web-fixtures.ts';
import { changedFeedUrls } from '../web/feeds/changed-feeds.ts';
import { startFakeHub, type FakeHub } from '../../test/support/websub-hub.ts';
import { createHubPinger, type HubPingerOptions } from './publisher.ts';
import { readFileSync } from 'node:fs';
import { buildApp } from '../web/app.ts';
import { insertSource } from '../store/source-repository.ts';

const site = testConfig().site;
const SITE_FEED = 'https://news.example/rss.xml';
const inEveryFormat = (...bases: string[]) => bases.flatMap((base) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => `https://news.example${base}/${file}`));

describe.each(testEngines())('WebSub hub pings on %s', (engine) => {
  let t: TestStore;
  let hub: FakeHub;
  const logs: { event?: string; feed?: string; attempts?: number }[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (c: Buffer, _e, done) => (logs.push(JSON.parse(c.toString()) as (typeof logs)[number]), done()) }));
  const pinger = (over: Partial<HubPingerOptions> = {}) =>
    createHubPinger({ hub: hub.url, logger, siteFeedUrl: SITE_FEED, feedUrls: (c) => changedFeedUrls(t.store.db, site, c), windowMs: 10, retryDelaysMs: [10, 10], ...over });

  beforeEach(async () => {
    t = await createTestStore(engine);
    hub = await startFakeHub(() => Promise.reject(new Error('no callbacks in these tests')));
    logs.length = 0;
  });
  afterEach(async () => {
    await hub.close();
    await t.dispose();
  });

  it('pings the site feeds and the sector and source feeds of each changed story, killed ones too, once per feed and window', async () => {
    const [a, b, c, d] = [
      await insertStory(t.store.db, storyRow(1, { sector: 'health' })),
      await insertStory(t.store.db, storyRow(2, { sector: 'sports' })),
      await insertStory(t.store.db, storyRow(3, { sector: 'health', status: 'killed' })),
      await insertStory(t.store.db, storyRow(4, { sector: 'astrology' })), // not a sector of the site: no feed
    ];
    const p = pinger();
    p.announce([{ storyId: a }, { storyId: b }, { storyId: c }, { storyId: d }]);
    await p.settle();
    // Every format of the site feed, of each listed sector's and of the agency's (storyRow's PTI).
    const feeds = inEveryFormat('', '/news/health', '/news/sports', '/source/pti');
    expect(hub.requests.map((r) => r.form.get('hub.mode'))).toEqual(feeds.map(() => 'publish'));
    expect([...hub.published].sort()).toEqual(feeds.sort());
  });

  it('retries a failing hub, then succeeds', async () => {
    hub.answer(503, 503, 202);
    const p = pinger({ feedUrls: async () => [SITE_FEED] });
    p.announce([{ storyId: 1 }]);
    await p.settle();
    expect(hub.requests).toHaveLength(3);
    expect(hub.published).toEqual([SITE_FEED]);
    expect(logs.some((l) => l.event === 'websub_ping_failed')).toBe(false);
  });

  it('gives up after the retries with one log line, and does not retry a 4xx', async () => {
    hub.answer(500);
    const p = pinger({ feedUrls: async () => [SITE_FEED] });
    p.announce([{ storyId: 1 }]);
    await p.settle();
    expect(hub.requests).toHaveLength(3);
    hub.answer(400);
    p.announce([{ storyId: 1 }]);
    await p.settle();
    expect(hub.requests).toHaveLength(4);
    expect(logs.filter((l) => l.event === 'websub_ping_failed').map((l) => [l.feed, l.attempts])).toEqual([
      [SITE_FEED, 3],
      [SITE_FEED, 1],
    ]);
  });

  it('announce returns at once; when the lookup fails the site feed is still pinged', async () => {
    const p = pinger({ feedUrls: () => Promise.reject(new Error('database down')) });
    const started = performance.now();
    p.announce([{ storyId: 1 }]);
    expect(performance.now() - started).toBeLessThan(5);
    expect(hub.requests).toHaveLength(0);
    await p.close();
    expect(hub.published).toEqual([SITE_FEED]);
    expect(logs.some((l) => l.event === 'websub_ping_lookup_failed')).toBe(true);
  });

  it('a publish and an update through the pipeline (here a push) ping the feeds they changed; an unchanged repeat does not', async () => {
    const p = pinger();
    const app = await buildApp({ store: t.store, config: testConfig({ WIREDESK_WEBSUB_HUB: hub.url }), onPublished: (items) => p.announce(items) });
    await insertSource(t.store.db, { name: 'wire', url: 'push:wire', intervalSeconds: 300, pushToken: 'tok-0123456789abcdef' }, new Date());
    const push = async (file: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/ingest/wire', payload: readFileSync(new URL(`../ingest/testdata/${file}`, import.meta.url)), headers: { authorization: 'Bearer tok-0123456789abcdef', 'content-type': 'application/rss+xml' } });
      expect(res.statusCode).toBe(200);
      await p.settle();
      return res.json<{ new: number; updated: number }>();
    };
    try {
      expect(await push('wire-v1.rss')).toMatchObject({ new: 2 });
      // Also the stories' country, edition and tag feeds (the Kenyan story's, for one).
      const feeds = inEveryFormat('', '/news/science-environment', '/news/transport', '/source/pti', '/source/reuters', '/country/kenya', '/east-africa');
      expect(hub.published).toEqual(expect.arrayContaining(feeds));
      expect(new Set(hub.published).size).toBe(hub.published.length);
      expect(hub.published.filter((url) => url.includes('/tag/')).length).toBeGreaterThan(0);
      hub.published.length = 0;
      expect(await push('wire-v1.rss')).toMatchObject({ new: 0, updated: 0 });
      expect(hub.published).toEqual([]);
      const v2 = await push('wire-v2.rss');
      expect(v2.updated).toBeGreaterThan(0);
      expect(hub.published).toContain(SITE_FEED);
    } finally {
      await app.close();
    }
  });
});
