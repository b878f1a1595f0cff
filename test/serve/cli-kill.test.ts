// A story published and then killed from the command line (`wiredesk ingest FILE`)
// while a real `serve` runs on the same embedded store, with its in-process caches on:
// the serving process has no NOTIFY to hear, so it reads the command's change notes
// (src/jobs/change-notes.ts) and drops the pages each names within about a second.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { killAll, startServeNode, type ServeNode } from '../support/serve-node.ts';
import { ninjsItem, statusOf, whereListed } from '../support/push-site.ts';
import { runCli } from '../../src/cli/index.ts';
import { openStore } from '../../src/store/store.ts';
import { listStories } from '../../src/store/story-lists.ts';
import { articlePath } from '../../src/web/urls.ts';

describe('a kill filed from the command line against a running serve (embedded store)', () => {
  let dir: string;
  let db: string;
  let node: ServeNode;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wiredesk-cli-kill-'));
    db = join(dir, 'site.db');
    node = await startServeNode({ name: 'cli-kill', env: { WIREDESK_DB: db, WIREDESK_PAGE_CACHE: '1' } });
  }, 60_000);

  afterAll(async () => {
    if (node) await killAll([node]);
    rmSync(dir, { recursive: true, force: true });
  });

  async function ingestFile(name: string, body: string): Promise<void> {
    const file = join(dir, name);
    writeFileSync(file, body);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await runCli(['ingest', '--db', db, file])).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
  }

  it('the serving process lists the story within seconds, then answers 410 and lists it nowhere', async () => {
    const base = node.url;
    // Fill the caches first, so the changes have stale pages to beat.
    expect(await statusOf(base, '/')).toBe(200);
    expect(await statusOf(base, '/rss.xml')).toBe(200);

    await ingestFile('v1.json', ninjsItem(7));
    const store = openStore({ kind: 'sqlite', path: db });
    let path = '';
    try {
      const [story] = await listStories(store.db, {}, { limit: 5 });
      expect(story?.headline).toBe('Latency probe 7: parliament passes the water bill');
      path = articlePath(story!);
    } finally {
      await store.close();
    }
    await expect.poll(() => whereListed(base, path), { timeout: 5_000, interval: 100 }).toEqual(['home', 'sector', 'feed', 'news-sitemap']);
    expect(await statusOf(base, path)).toBe(200);
    expect(await statusOf(base, path)).toBe(200);

    await ingestFile('v2.json', ninjsItem(7, { version: 2, pubstatus: 'canceled' }));
    await expect.poll(() => statusOf(base, path), { timeout: 5_000, interval: 100 }).toBe(410);
    expect(await whereListed(base, path)).toEqual([]);
  }, 60_000);
});
