// The scheduler over real HTTP (test/support/wire-server.ts) and a real store: when the
// next poll is due (learned interval, Cache-Control), what is stored after a 304, and
// how polls are spread over hosts.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { findSourceByName, insertSource } from '../store/source-repository.ts';
import { DEFAULT_SECTORS } from '../config/site-defaults.ts';
import { startWireServer, type WireRequest, type WireServer } from '../../test/support/wire-server.ts';
import { startScheduler, type Scheduler } from './scheduler.ts';

const WIRE_FILE = join(import.meta.dirname, '../ingest/testdata/wire-v1.rss');
const T0 = new Date('2026-11-29T00:00:00Z');
const secondsAfter = (iso: string | null, at: Date) => (Date.parse(iso ?? '') - at.getTime()) / 1000;

describe.each(testEngines())('scheduler on %s', (engine) => {
  let t: TestStore;
  let wires: WireServer[] = [];
  let scheduler: Scheduler | undefined;
  let clock: Date;

  function start(opts: { maxConcurrent?: number; perHost?: number } = {}): Scheduler {
    scheduler = startScheduler({ store: t.store, sectors: DEFAULT_SECTORS, logger: pino({ level: 'silent' }), now: () => clock }, { tickMs: 3_600_000, ...opts });
    return scheduler;
  }
  beforeEach(async () => {
    t = await createTestStore(engine);
    clock = T0;
  });
  afterEach(async () => {
    await scheduler?.stop();
    await Promise.all(wires.map((w) => w.close()));
    wires = [];
    await t.dispose();
  });

  it('learns the interval from the median gap between items, within its bounds', async () => {
    // wire-v1.rss: two items 30 min apart; configured 5 min -> clamp(1800, 150, 1200).
    await insertSource(t.store.db, { name: 'file', url: WIRE_FILE, intervalSeconds: 300 }, T0);
    await start().tick();
    const s = (await findSourceByName(t.store.db, 'file'))!;
    expect(s).toMatchObject({ pollIntervalSeconds: 1200, rhythm: { medianGapSeconds: 1800, lastItemAt: '2026-11-27T07:00:00.000Z' } });
    expect(secondsAfter(s.nextFetchAt, T0)).toBe(1200);
    expect(s.bodyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a blog source’s items become blog posts', async () => {
    await insertSource(t.store.db, { name: 'blog', url: WIRE_FILE, intervalSeconds: 300, storyKind: 'blog' }, T0);
    await start().tick();
    const stories = await t.store.db.selectFrom('stories').select('kind').execute();
    expect(stories.map((s) => s.kind)).toEqual(['blog', 'blog']);
  });

  it.each([
    ['max-age past the interval is honoured', 'public, max-age=900', 900],
    ['max-age shorter than the interval changes nothing', 'max-age=60', 300],
    ['a year-long max-age stops at the ceiling (4x)', 'max-age=31536000', 1200],
  ])('%s', async (_name, cacheControl, delay) => {
    const w = await startWireServer({ feeds: 1, initialItems: 1 });
    wires.push(w);
    w.setHeaders(0, { 'cache-control': cacheControl });
    await insertSource(t.store.db, { name: 'wire', url: w.feedUrl(0), intervalSeconds: 300 }, T0);
    await start().tick();
    expect(secondsAfter((await findSourceByName(t.store.db, 'wire'))!.nextFetchAt, T0)).toBe(delay);
  });

  it('keeps the validators and body hash of the last changed response across a 304', async () => {
    const w = await startWireServer({ feeds: 1, initialItems: 2 });
    wires.push(w);
    await insertSource(t.store.db, { name: 'wire', url: w.feedUrl(0), intervalSeconds: 300 }, T0);
    const s = start();
    await s.tick();
    const first = (await findSourceByName(t.store.db, 'wire'))!;
    clock = new Date(T0.getTime() + 3600_000);
    await s.tick();
    const second = (await findSourceByName(t.store.db, 'wire'))!;
    expect(w.requests().map((r) => r.outcome)).toEqual([200, 304]);
    expect(second).toMatchObject({ etag: first.etag, lastModified: first.lastModified, bodyHash: first.bodyHash, lastSuccessAt: clock.toISOString() });
    w.grow();
    clock = new Date(T0.getTime() + 7200_000);
    await s.tick();
    const third = (await findSourceByName(t.store.db, 'wire'))!;
    expect(third.etag).not.toBe(first.etag);
    expect(third.bodyHash).not.toBe(first.bodyHash);
  });

  it('holds at most perHost polls on a host, and a slow host delays no other', async () => {
    const slow = await startWireServer({ feeds: 4, host: '127.0.0.1' });
    const fast = await startWireServer({ feeds: 4, host: '127.0.0.2' });
    wires.push(slow, fast);
    // Long enough that the fast host's four polls (two rounds of two) end first even on a loaded box.
    slow.setSlow('all', 1500);
    for (let i = 0; i < 4; i++) {
      // The slow host's sources are the most overdue, so they are claimed first.
      await insertSource(t.store.db, { name: `slow-${i}`, url: slow.feedUrl(i), intervalSeconds: 300 }, new Date(T0.getTime() - 60_000));
      await insertSource(t.store.db, { name: `fast-${i}`, url: fast.feedUrl(i), intervalSeconds: 300 }, T0);
    }
    await start({ maxConcurrent: 4, perHost: 2 }).tick();
    const slowLog = slow.requests();
    const fastLog = fast.requests();
    expect(slowLog.map((r) => r.outcome)).toEqual([200, 200, 200, 200]);
    expect(fastLog.map((r) => r.outcome)).toEqual([200, 200, 200, 200]);
    expect(peakOverlap(slowLog)).toBe(2);
    // Every fast poll was over before the first slow one ended.
    const firstSlowEnd = Math.min(...slowLog.map((r) => r.endedAt));
    expect(Math.max(...fastLog.map((r) => r.endedAt))).toBeLessThan(firstSlowEnd);
  });
});

/** The most requests in flight at once. */
function peakOverlap(log: readonly WireRequest[]): number {
  const edges = log.flatMap((r) => [[r.startedAt, 1] as const, [r.endedAt, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, d] of edges) peak = Math.max(peak, (now += d));
  return peak;
}
