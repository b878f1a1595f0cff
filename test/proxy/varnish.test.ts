// The caching proxy for real: deploy/varnish/wiredesk.vcl in a real varnishd in front
// of the app (in-process, on a loopback port, over a temporary SQLite store). Proves
// that pages are cached, that a change published through the real ingest path is
// served within a second once the purge lands, and that the proxy keeps serving
// cached pages when the app is down. Skips (saying why) where varnishd is missing,
// except in CI, where it must run: scripts/ensure-varnish.sh installs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../../src/web/app.ts';
import { testConfig } from '../../src/web/testing/web-fixtures.ts';
import { createTestStore, type TestStore } from '../../src/store/testing/test-stores.ts';
import { findStoryById } from '../../src/store/story-repository.ts';
import { ingestInput } from '../../src/ingest/pipeline.ts';
import type { PublishedItem } from '../../src/ingest/publish/publish-drafts.ts';
import { articlePath } from '../../src/web/urls.ts';
import { createVarnishPurger } from '../../src/web/purge/varnish-purger.ts';
import { createPublishPurger, type PublishPurger } from '../../src/web/purge/publish-purge.ts';
import { startVarnish, varnishUnavailable, type VarnishProcess } from './varnish-process.ts';

const missing = varnishUnavailable();
if (missing && process.env.CI) throw new Error(`proxy test cannot run in CI: ${missing}`);
if (missing) console.warn(`proxy test skipped: ${missing}`);

/** How soon after a publish the proxy must serve the change. */
const FRESH_WITHIN_MS = 1_000;

interface NinjsVersion {
  readonly uri: string;
  readonly version: number;
  readonly headline: string;
  readonly body: string;
  readonly pubstatus?: 'usable' | 'canceled';
}

function ninjs(items: readonly NinjsVersion[]): string {
  return JSON.stringify(
    items.map((i) => ({
      uri: i.uri,
      type: 'text',
      version: String(i.version),
      language: 'en',
      firstcreated: '2024-03-01T10:00:00Z',
      versioncreated: `2024-03-01T1${i.version}:00:00Z`,
      pubstatus: i.pubstatus ?? 'usable',
      headline: i.headline,
      description_text: `${i.headline}: the lead.`,
      body_html: `<p>${i.body}</p>`,
    })),
  );
}

describe.skipIf(missing !== undefined)('Varnish in front of the app', () => {
  let dir: string;
  let t: TestStore;
  let app: FastifyInstance;
  let varnish: VarnishProcess;
  let purger: PublishPurger;
  /** Requests that reached the app, by path (probes not counted). */
  const backendHits = new Map<string, number>();
  /** Set to shorten every page's freshness for the grace check. */
  let cacheControlOverride: string | undefined;

  const onPublished = (items: readonly PublishedItem[]) => {
    // What serve does: tell this node's caches (the change bus), then purge from here.
    app.invalidateCaches();
    purger.announce(items);
  };

  /** Ingests one ninjs file through the real pipeline; returns what was published. */
  async function ingest(name: string, versions: readonly NinjsVersion[]): Promise<PublishedItem[]> {
    const path = join(dir, name);
    writeFileSync(path, ninjs(versions));
    const published: PublishedItem[] = [];
    const run = await ingestInput(path, {
      store: t.store,
      sectors: testConfig().site.sectors,
      now: () => new Date(),
      agency: 'PTI',
      onPublished: (items) => {
        published.push(...items);
        onPublished(items);
      },
    });
    if (run.error) throw new Error(run.error);
    return published;
  }

  const get = (path: string) => fetch(`${varnish.url}${path}`, { redirect: 'manual' });

  async function pathOf(storyId: number): Promise<string> {
    const story = await findStoryById(t.store.db, storyId);
    if (!story) throw new Error(`no story ${storyId}`);
    return articlePath(story);
  }

  /** Polls the proxy until `ok` holds; resolves with the time it took, or fails after `limitMs`. */
  async function timeUntil(path: string, ok: (res: Response, body: string) => boolean, since: number, limitMs: number): Promise<number> {
    for (;;) {
      const res = await get(path);
      const body = await res.text();
      const elapsed = performance.now() - since;
      if (ok(res, body)) return elapsed;
      if (elapsed > limitMs) throw new Error(`${path} still stale after ${Math.round(elapsed)} ms (status ${res.status}, X-Cache ${res.headers.get('x-cache')})`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  let storyA = 0;
  let storyB = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wiredesk-proxy-'));
    t = await createTestStore('sqlite');
    app = await buildApp({ store: t.store, config: testConfig() });
    app.addHook('onRequest', async (request) => {
      if (request.url !== '/healthz') backendHits.set(request.url, (backendHits.get(request.url) ?? 0) + 1);
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      if (cacheControlOverride && reply.statusCode === 200) reply.header('cache-control', cacheControlOverride);
      return payload;
    });
    // The VCL probes /healthz (src/web/routes/ops.ts); a stand-in if this tree lacks it.
    if (!app.hasRoute({ method: 'GET', url: '/healthz' })) app.get('/healthz', async (_req, reply) => reply.header('cache-control', 'no-store').send('ok'));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appPort = (app.server.address() as AddressInfo).port;
    varnish = await startVarnish(appPort);
    purger = createPublishPurger(t.store.db, [createVarnishPurger(varnish.url)], pino({ level: 'warn' }));

    const first = await ingest('v1.json', [
      { uri: 'urn:a', version: 1, headline: 'Parliament passes the water bill', body: 'Version one of the water bill story.' },
      { uri: 'urn:b', version: 1, headline: 'Monsoon arrives early in Kerala', body: 'The monsoon story.' },
    ]);
    storyA = first.find((p) => p.identity.includes('urn:a'))?.storyId ?? 0;
    storyB = first.find((p) => p.identity.includes('urn:b'))?.storyId ?? 0;
    expect([storyA > 0, storyB > 0]).toEqual([true, true]);
    // The seeding publish's purge is sent after a short window: let it land now, not in
    // the middle of a test (under load it purged the front page between two requests).
    await purger.settle();
  });

  afterAll(async () => {
    await purger?.close();
    await varnish?.stop();
    await app?.close();
    await t?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('caches a page: the second request is a hit and never reaches the app', async () => {
    const path = await pathOf(storyA);
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(await first.text()).toContain('Version one of the water bill story.');
    const second = await get(path);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(backendHits.get(path)).toBe(1);
    // The proxy keeps its own keys to itself.
    expect(second.headers.get('xkey')).toBeNull();
  });

  it("caches the front page once per chosen edition, and ignores every other cookie", async () => {
    const home = (cookie?: string) => fetch(`${varnish.url}/`, { headers: cookie ? { cookie } : {} });
    const heading = (body: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(body)?.[1];
    const global = await home('_ga=GA1.2.3');
    expect(heading(await global.text())).toMatch(/top stories$/);
    const southAsia = await home('_ga=GA1.2.3; edition=south-asia; theme=dark');
    expect(heading(await southAsia.text())).toMatch(/South Asia edition$/);
    expect(southAsia.headers.get('x-cache')).toBe('MISS');
    const again = await home('edition=south-asia');
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(heading(await again.text())).toMatch(/South Asia edition$/);
    const plain = await home();
    expect(plain.headers.get('x-cache')).toBe('HIT');
    expect(heading(await plain.text())).toMatch(/top stories$/);
    expect(backendHits.get('/')).toBe(2);
    // A cookie on any other page is dropped: the page is cached as for everyone.
    const path = await pathOf(storyB);
    await get(path);
    const withCookie = await fetch(`${varnish.url}${path}`, { headers: { cookie: 'edition=south-asia' } });
    expect(withCookie.headers.get('x-cache')).toBe('HIT');
  });

  it('serves an update published through ingest within a second of the publish, and only purges what it touched', async () => {
    const pathA = await pathOf(storyA);
    const pathB = await pathOf(storyB);
    // Warm each page. The setup's own publish is purged asynchronously and may land
    // during the warm-up (a MISS then), so warm until a request is a hit, for up to 3 s.
    for (const path of [pathA, pathB, '/latest', '/']) {
      const until = performance.now() + 3000;
      let cache: string | null = null;
      while (cache !== 'HIT' && performance.now() < until) {
        await get(path);
        cache = (await get(path)).headers.get('x-cache');
      }
      expect(cache, path).toBe('HIT');
    }
    const hitsB = backendHits.get(pathB);

    const published = performance.now();
    const items = await ingest('v2.json', [{ uri: 'urn:a', version: 2, headline: 'Parliament passes the water bill', body: 'Version two: the bill now covers groundwater.' }]);
    expect(items.map((i) => i.outcome)).toEqual(['updated']);

    const article = await timeUntil(pathA, (res, body) => res.status === 200 && body.includes('Version two'), published, FRESH_WITHIN_MS);
    const latest = await timeUntil('/latest', (res) => res.headers.get('x-cache') === 'MISS', published, FRESH_WITHIN_MS);
    console.info(`proxy: update served fresh ${Math.round(article)} ms after publish (article), ${Math.round(latest)} ms (/latest)`);
    expect(article).toBeLessThan(FRESH_WITHIN_MS);

    // The other story's page was not purged.
    const other = await get(pathB);
    expect(other.headers.get('x-cache')).toBe('HIT');
    expect(backendHits.get(pathB)).toBe(hitsB);
  });

  it('takes a killed story down within a second, by the same purge', async () => {
    const pathA = await pathOf(storyA);
    await get(pathA);
    expect((await get(pathA)).headers.get('x-cache')).toBe('HIT');

    const published = performance.now();
    const items = await ingest('v3.json', [{ uri: 'urn:a', version: 3, headline: 'Parliament passes the water bill', body: 'Withdrawn.', pubstatus: 'canceled' }]);
    expect(items.map((i) => [i.outcome, i.status])).toEqual([['updated', 'killed']]);

    const gone = await timeUntil(pathA, (res) => res.status === 410, published, FRESH_WITHIN_MS);
    console.info(`proxy: kill served (410) ${Math.round(gone)} ms after publish`);
    expect(gone).toBeLessThan(FRESH_WITHIN_MS);
  });

  it('serves cached pages from grace while the app is down', { timeout: 25_000 }, async () => {
    // Pages fresh for 1 s and stale-while-revalidate 1 s, so they expire during the test.
    cacheControlOverride = 'public, max-age=1, stale-while-revalidate=1';
    const path = '/page/about';
    const cached = await get(path);
    expect(cached.status).toBe(200);
    const aboutHtml = await cached.text();
    expect(aboutHtml).toContain('Devdiscourse is a news site');

    await app.close();
    // Past max-age and stale-while-revalidate, before the probes notice: the refresh
    // fails and the proxy falls back to its copy.
    await new Promise((r) => setTimeout(r, 2_500));
    const justDown = await get(path);
    expect([justDown.status, justDown.headers.get('x-cache')]).toEqual([200, 'HIT-STALE']);
    expect(await justDown.text()).toBe(aboutHtml);

    // Once the probes have marked every node sick, stale copies are served directly.
    const deadline = Date.now() + 15_000;
    while (!/sick/.test(varnish.backendList()) || /healthy/i.test(varnish.backendList())) {
      if (Date.now() > deadline) throw new Error(`backends never marked sick:\n${varnish.backendList()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const sick = await get(path);
    expect([sick.status, sick.headers.get('x-cache')]).toEqual([200, 'HIT-STALE']);
    expect(Number(sick.headers.get('age'))).toBeGreaterThanOrEqual(2);
    expect(await sick.text()).toBe(aboutHtml);

    // A page that was never cached has nothing to fall back on.
    expect((await get('/page/terms')).status).toBe(503);
  });
});
