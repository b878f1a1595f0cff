// One push and one kill through HTTP against a real `serve` process, with its in-process
// caches on: the pushed story is listed everywhere, and once the agency cancels it the
// article answers 410 and the home page, its sector, the RSS feed and the news sitemap
// drop it. Not timed: `npm run bench -- wire-latency` measures this path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, startServeNode, type ServeNode } from '../support/serve-node.ts';
import { addPushSource, canonicalPath, ninjsItem, pushItem, statusOf, whereListed } from '../support/push-site.ts';

describe('push then kill against a real serve', () => {
  let dir: string;
  let node: ServeNode;
  let token: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wiredesk-push-kill-'));
    const db = join(dir, 'site.db');
    token = await addPushSource(db, 'wire');
    node = await startServeNode({ name: 'push-kill', env: { WIREDESK_DB: db, WIREDESK_PAGE_CACHE: '1' } });
  }, 60_000);

  afterAll(async () => {
    if (node) await killAll([node]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a pushed story is listed everywhere; its kill answers 410 and empties every listing', async () => {
    const base = node.url;
    // A first page view fills the caches, so the kill has something stale to beat.
    expect(await statusOf(base, '/')).toBe(200);

    const pushed = await pushItem(base, 'wire', token, ninjsItem(1));
    expect(pushed.outcomes).toEqual(['new published']);
    const path = await canonicalPath(base, pushed.urls[0]!);
    expect(await statusOf(base, path)).toBe(200);
    expect(await whereListed(base, path)).toEqual(['home', 'sector', 'feed', 'news-sitemap']);

    const killed = await pushItem(base, 'wire', token, ninjsItem(1, { version: 2, pubstatus: 'canceled' }));
    expect(killed.outcomes).toEqual(['updated killed']);
    expect(await statusOf(base, path)).toBe(410);
    expect(await whereListed(base, path)).toEqual([]);
  }, 60_000);
});
