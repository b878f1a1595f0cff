import { appendFile, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from '../../store/testing/test-stores.ts';
import { listStories } from '../../store/story-lists.ts';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import { startSpoolWatcher, type SpoolFileResult, type SpoolTiming, type SpoolWatcher } from './spool-watcher.ts';

const silent = pino({ level: 'silent' });

/** An RSS document of `n` items whose guids start with `tag`. */
function wire(tag: string, n: number): string {
  const items = Array.from({ length: n }, (_, i) =>
    `<item><title>${tag} story ${i} about the monsoon</title><guid isPermaLink="false">${tag}-${i}</guid><pubDate>Fri, 27 Nov 2026 06:30:00 GMT</pubDate><description>NEW DELHI, Nov 27 (PTI) - Story ${i} of ${tag}.</description></item>`,
  ).join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Drop</title>${items}</channel></rss>`;
}

async function waitFor(check: () => Promise<boolean> | boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ls = (path: string) => readdir(path).then((names) => names.sort());

describe.each(testEngines())('spool watcher on %s', (engine) => {
  let t: TestStore;
  let dir: string;
  const watchers: SpoolWatcher[] = [];
  const results: SpoolFileResult[] = [];

  const start = (timing: Partial<SpoolTiming> = {}) =>
    startSpoolWatcher(
      { dir, store: t.store, sectors: DEFAULT_SECTORS, logger: silent, agency: 'PTI', onFile: (r) => results.push(r) },
      { stableMs: 150, rescanMs: 100, recoverAfterMs: 60_000, ...timing },
    ).then((w) => {
      watchers.push(w);
      return w;
    });

  beforeEach(async () => {
    t = await createTestStore(engine);
    dir = await mkdtemp(join(tmpdir(), 'wiredesk-spool-'));
    results.length = 0;
  });
  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((w) => w.stop()));
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves a file alone while it grows and while it has a temporary name, then takes it once complete', async () => {
    await start();
    const doc = wire('grow', 3);
    const cut = Math.floor(doc.length / 4);
    await writeFile(join(dir, 'a.xml'), doc.slice(0, cut));
    await writeFile(join(dir, 'b.xml.part'), doc);
    await writeFile(join(dir, '.c.xml'), doc);
    // Appending every 80 ms keeps a.xml changing for longer than stableMs several times over.
    for (const part of [doc.slice(cut, 2 * cut), doc.slice(2 * cut, 3 * cut), doc.slice(3 * cut)]) {
      await new Promise((r) => setTimeout(r, 80));
      expect(results).toEqual([]);
      await appendFile(join(dir, 'a.xml'), part);
    }
    await waitFor(() => results.length === 1);
    expect(results[0]).toMatchObject({ kind: 'done', name: 'a.xml', run: { new: 3, rejected: 0 } });
    expect(await ls(join(dir, 'done'))).toEqual(['a.xml']);
    expect(await readFile(join(dir, 'done', 'a.xml'), 'utf8')).toBe(doc);
    expect(await ls(dir)).toEqual(['.c.xml', 'b.xml.part', 'done', 'failed', 'processing']);
    // The upload finishes by renaming the .part file: now it is taken.
    await writeFile(join(dir, 'b.xml'), await readFile(join(dir, 'b.xml.part')));
    await rm(join(dir, 'b.xml.part'));
    await waitFor(() => results.length === 2);
    expect(results[1]).toMatchObject({ kind: 'done', name: 'b.xml', run: { new: 0, unchanged: 3 } });
    const stories = await listStories(t.store.db, {}, { limit: 10 });
    expect(stories.map((s) => s.headline).sort()).toEqual(['grow story 0 about the monsoon', 'grow story 1 about the monsoon', 'grow story 2 about the monsoon']);
    expect(stories.every((s) => s.agency === 'PTI')).toBe(true);
  });

  it('moves a file that is not a feed to failed/ with the reason beside it, and one of only bad items too', async () => {
    await start();
    await writeFile(join(dir, 'bad.xml'), '<rss><channel><item><title>cut');
    await writeFile(join(dir, 'empty-items.xml'), '<rss version="2.0"><channel><item><title></title></item></channel></rss>');
    await writeFile(join(dir, 'good.xml'), wire('good', 1));
    await waitFor(() => results.length === 3);
    expect(await ls(join(dir, 'failed'))).toEqual(['bad.xml', 'bad.xml.error.txt', 'empty-items.xml', 'empty-items.xml.error.txt']);
    expect(await readFile(join(dir, 'failed', 'bad.xml'), 'utf8')).toBe('<rss><channel><item><title>cut');
    expect(await readFile(join(dir, 'failed', 'bad.xml.error.txt'), 'utf8')).toMatch(/^parse\/rss: .*truncated/);
    expect(await readFile(join(dir, 'failed', 'empty-items.xml.error.txt'), 'utf8')).toBe('spool: every item was rejected\nitem 0: item has no title, content or link\n');
    expect(await ls(join(dir, 'done'))).toEqual(['good.xml']);
    expect(await ls(join(dir, 'processing'))).toEqual([]);
  });

  it('a second file of the same name never overwrites the first in done/', async () => {
    await start();
    await writeFile(join(dir, 'same.xml'), wire('one', 1));
    await waitFor(() => results.length === 1);
    await writeFile(join(dir, 'same.xml'), wire('two', 1));
    await waitFor(() => results.length === 2);
    const done = await ls(join(dir, 'done'));
    expect(done).toHaveLength(2);
    expect(done[done.length - 1]).toBe('same.xml');
    const bodies = await Promise.all(done.map((n) => readFile(join(dir, 'done', n), 'utf8')));
    expect(bodies.sort()).toEqual([wire('one', 1), wire('two', 1)].sort());
  });

  it('two watchers racing on one folder ingest each file exactly once', async () => {
    await Promise.all([start({ rescanMs: 40 }), start({ rescanMs: 40 })]);
    const names = Array.from({ length: 12 }, (_, i) => `drop-${String(i).padStart(2, '0')}.xml`);
    await Promise.all(names.map((n, i) => writeFile(join(dir, n), wire(`race${i}`, 2))));
    await waitFor(() => results.length >= names.length);
    await new Promise((r) => setTimeout(r, 300)); // room for a double take to show
    expect(results.map((r) => r.name).sort()).toEqual(names);
    expect(results.every((r) => r.kind === 'done' && r.run.new === 2)).toBe(true);
    expect(await ls(join(dir, 'done'))).toEqual(names);
    expect(await listStories(t.store.db, {}, { limit: 100 })).toHaveLength(24);
  });

  it('on start, takes back a file a dead node left in processing/ past the timeout, and leaves a fresh claim alone', async () => {
    await mkdir(join(dir, 'processing'), { recursive: true });
    const hourAgo = Date.now() - 3_600_000;
    await writeFile(join(dir, 'processing', `${hourAgo}~0a0b0c0d~orphan.xml`), wire('orphan', 2));
    await writeFile(join(dir, 'processing', `${Date.now()}~01020304~busy.xml`), wire('busy', 1));
    await start({ recoverAfterMs: 60_000 });
    await waitFor(() => results.length === 1);
    expect(results[0]).toMatchObject({ kind: 'done', name: 'orphan.xml', run: { new: 2 } });
    expect(await ls(join(dir, 'done'))).toEqual(['orphan.xml']);
    expect((await ls(join(dir, 'processing'))).map((n) => n.split('~')[2])).toEqual(['busy.xml']);
  });
});
