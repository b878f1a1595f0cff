import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { pruneDedupeBands, pruneOldViews, startPruning } from './prune.ts';
import { hourOf } from '../store/cluster-repository.ts';
import { listMostViewed, recordView } from '../store/view-repository.ts';
import { insertStory } from '../store/story-repository.ts';
import { storyRow } from '../web/testing/web-fixtures.ts';

describe.each(testEngines())('pruning on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('deletes bands and shingles older than twice the window, keeps the rest', async () => {
    const db = t.store.db;
    const old = '2026-11-20T00:00:00.000Z';
    const recent = '2026-11-27T00:00:00.000Z';
    await db.insertInto('story_bands').values([{ band: 1, story_id: 1, hour: hourOf(old) }, { band: 2, story_id: 2, hour: hourOf(recent) }]).execute();
    await db.insertInto('story_signatures').values([{ story_id: 1, shingles: '', names: '', at: old }, { story_id: 2, shingles: '', names: '', at: recent }]).execute();
    expect(await pruneDedupeBands(t.store, new Date('2026-11-28T00:00:00.000Z'))).toBe(1);
    expect((await db.selectFrom('story_bands').select('story_id').execute()).map((r) => Number(r.story_id))).toEqual([2]);
    expect((await db.selectFrom('story_signatures').select('story_id').execute()).map((r) => Number(r.story_id))).toEqual([2]);
  });

  it('deletes hourly views older than twice the trending window; trending is unchanged', async () => {
    const db = t.store.db;
    const now = new Date('2026-11-28T12:30:00.000Z');
    const a = await insertStory(db, storyRow(1));
    const b = await insertStory(db, storyRow(2));
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    for (const h of [0, 1, 5, 47]) await recordView(db, a, hoursAgo(h));
    for (const h of [2, 95, 96, 97, 300]) await recordView(db, b, hoursAgo(h));
    const trendingBefore = await listMostViewed(db, hoursAgo(48), 10, { now });
    // 96 hours back is the cut: that hour's bucket and anything later stay.
    expect(await pruneOldViews(t.store, now)).toBe(2);
    expect(await pruneOldViews(t.store, now)).toBe(0);
    const left = await db.selectFrom('story_views').select(['story_id', 'hour']).orderBy('hour').execute();
    expect(left.map((r) => r.hour)).toEqual([hoursAgo(96), hoursAgo(95), hoursAgo(47), hoursAgo(5), hoursAgo(2), hoursAgo(1), hoursAgo(0)].map((d) => d.toISOString().slice(0, 13)));
    expect(await listMostViewed(db, hoursAgo(48), 10, { now })).toEqual(trendingBefore);
    expect(trendingBefore.map((v) => v.storyId)).toEqual([a, b]);
  });
});

describe('the pruning runner', () => {
  it('runs every task, logs what each deleted, and a failing task does not stop the next', async () => {
    vi.useFakeTimers();
    try {
      const lines: { event?: string; rows?: number }[] = [];
      const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as { event?: string; rows?: number }) });
      const ran: string[] = [];
      const tasks = [
        { what: 'first', prune: async () => (ran.push('first'), Promise.reject(new Error('disk full'))) },
        { what: 'second', prune: async () => (ran.push('second'), 3) },
        { what: 'third', prune: async () => (ran.push('third'), 0) },
      ];
      const pruning = startPruning({ store: {} as never, logger }, tasks, 120_000);
      // First a minute after start, then every interval.
      await vi.advanceTimersByTimeAsync(59_999);
      expect(ran).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(ran).toEqual(['first', 'second', 'third']);
      expect(lines.map((l) => [l.event, l.rows])).toEqual([
        ['first_prune_failed', undefined],
        ['second_pruned', 3],
      ]);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(ran).toHaveLength(6);
      pruning.stop();
      await vi.advanceTimersByTimeAsync(600_000);
      expect(ran).toHaveLength(6);
    } finally {
      vi.useRealTimers();
    }
  });
});
