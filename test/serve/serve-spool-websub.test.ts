// `serve` wiring, in a real process: a spool folder from WIREDESK_SPOOL_DIR is watched,
// what it publishes reaches the WebSub hub ping, and SIGTERM stops it all cleanly.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killAll, startServeNode, type ServeNode } from '../support/serve-node.ts';
import { startFakeHub, type FakeHub } from '../support/websub-hub.ts';

const WIRE = new URL('../../src/ingest/testdata/wire-v1.rss', import.meta.url);

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('serve with a spool folder and a WebSub hub', () => {
  let dir: string;
  let hub: FakeHub;
  const nodes: ServeNode[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wiredesk-serve-spool-'));
    hub = await startFakeHub(() => Promise.reject(new Error('no subscriptions here')));
  });
  afterEach(async () => {
    await killAll(nodes.splice(0));
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests a dropped file, pings the hub for the changed feeds, advertises the hub, and stops on SIGTERM', async () => {
    const spool = join(dir, 'spool');
    const node = await startServeNode({
      name: 'spool-node',
      env: { WIREDESK_DB: join(dir, 'site.db'), WIREDESK_SPOOL_DIR: `${spool}=PTI`, WIREDESK_WEBSUB_HUB: hub.url, WIREDESK_BASE_URL: 'https://news.example' },
    });
    nodes.push(node);
    copyFileSync(WIRE, join(spool, 'wire.rss'));
    await waitFor('the spool file to be ingested', () => node.logs.some((l) => l.msg === 'spool file ingested'));
    expect(node.logs.find((l) => l.msg === 'spool file ingested')).toMatchObject({ file: 'wire.rss', new: 2, rejected: 1 });
    expect(readdirSync(join(spool, 'done'))).toEqual(['wire.rss']);
    // Every format of the site feed, of both stories' sector feeds and of their agencies'
    // feeds; of their countries' and editions' feeds too (and tags', not listed here).
    const feeds = ['', '/news/science-environment', '/news/transport', '/source/pti', '/source/reuters', '/country/kenya', '/east-africa'].flatMap((base) =>
      ['rss.xml', 'atom.xml', 'feed.json'].map((file) => `https://news.example${base}/${file}`),
    );
    await waitFor('the hub pings', () => feeds.every((f) => hub.published.includes(f)));
    expect(new Set(hub.published).size).toBe(hub.published.length);
    const feed = await fetch(`${node.url}/rss.xml`);
    expect(feed.headers.get('link')).toBe(`<${hub.url}>; rel="hub", <https://news.example/rss.xml>; rel="self"`);
    expect(await feed.text()).toContain('Kenya opens new rail link to Naivasha');
    node.kill('SIGTERM');
    expect(await node.exited).toEqual({ code: 0, signal: null });
  });
});
