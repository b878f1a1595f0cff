import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { insertStory } from '../store/story-repository.ts';
import { listMostViewed } from '../store/view-repository.ts';
import { MAX_STORIES_PER_WINDOW, ViewCounter, type Reader } from './view-counter.ts';
import { BROWSER_UA, disposeTestStore, storyRow } from './testing/web-fixtures.ts';

const reader = (n: number): Reader => ({ address: `198.51.100.${n}`, userAgent: BROWSER_UA });
const HOUR_AGO = () => new Date(Date.now() - 3600_000);

describe.each(testEngines())('ViewCounter on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await disposeTestStore(t, engine);
  });

  it('counts each reader once per story, buffering until a flush', async () => {
    const a = await insertStory(t.store.db, storyRow(1));
    const b = await insertStory(t.store.db, storyRow(2));
    const counter = new ViewCounter(t.store.db, () => {});
    for (let i = 0; i < 3; i++) counter.count(a, reader(1));
    counter.count(a, reader(2));
    counter.count(b, reader(1));
    expect(await listMostViewed(t.store.db, HOUR_AGO(), 10)).toEqual([]);
    await counter.flush();
    for (let n = 3; n <= 5; n++) counter.count(b, reader(n));
    await counter.stop();
    expect((await listMostViewed(t.store.db, HOUR_AGO(), 10)).map((v) => [v.storyId, v.score])).toEqual([
      [b, 4],
      [a, 2],
    ]);
  });

  it('counts a reader once per story per day across nodes (two counters on one database)', async () => {
    const a = await insertStory(t.store.db, storyRow(1));
    const nodes = [new ViewCounter(t.store.db, () => {}), new ViewCounter(t.store.db, () => {})];
    nodes[0]!.count(a, reader(1));
    nodes[1]!.count(a, reader(1));
    nodes[1]!.count(a, reader(2));
    await Promise.all(nodes.map((n) => n.flush()));
    expect((await listMostViewed(t.store.db, HOUR_AGO(), 10)).map((v) => v.score)).toEqual([2]);
  });

  it('counts the same reader again the next day', async () => {
    const a = await insertStory(t.store.db, storyRow(1));
    let now = new Date();
    const counter = new ViewCounter(t.store.db, () => {}, () => now);
    counter.count(a, reader(1));
    await counter.flush();
    now = new Date(now.getTime() + 86_400_000);
    expect(counter.count(a, reader(1))).toBe(true);
    await counter.flush();
    const rows = await t.store.db.selectFrom('story_views').select(['views']).execute();
    expect(rows.reduce((n, r) => n + Number(r.views), 0)).toBe(2);
  });

  it('ignores crawlers by user agent and scrapers by behaviour', async () => {
    const ids: number[] = [];
    for (let n = 1; n <= MAX_STORIES_PER_WINDOW + 5; n++) ids.push(await insertStory(t.store.db, storyRow(n % 59, { identity: `g${n}`, slug: `s${n}` })));
    const counter = new ViewCounter(t.store.db, () => {});
    expect(counter.count(ids[0]!, { address: '203.0.113.1', userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' })).toBe(false);
    expect(counter.count(ids[0]!, { address: '203.0.113.1', userAgent: undefined })).toBe(false);
    const counted = ids.map((id) => counter.count(id, reader(9)));
    expect(counted.filter(Boolean)).toHaveLength(MAX_STORIES_PER_WINDOW);
    await counter.flush();
    const total = (await t.store.db.selectFrom('story_views').select(['views']).execute()).reduce((n, r) => n + Number(r.views), 0);
    expect(total).toBe(MAX_STORIES_PER_WINDOW);
  });

  it('stores nothing personal: keys are salted hashes, and old days are forgotten', async () => {
    const a = await insertStory(t.store.db, storyRow(1));
    let now = new Date('2026-11-01T10:00:00Z');
    const counter = new ViewCounter(t.store.db, () => {}, () => now);
    counter.count(a, reader(7));
    await counter.flush();
    const rows = await t.store.db.selectFrom('view_readers').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toMatch(/198\.51\.100\.7|Mozilla/);
    expect(rows[0]?.reader_key).toMatch(/^[0-9a-f]{32}$/);
    now = new Date('2026-11-03T10:00:00Z');
    counter.count(a, reader(7));
    await counter.flush();
    expect((await t.store.db.selectFrom('view_readers').select('day').execute()).map((r) => r.day)).toEqual(['2026-11-03']);
    expect((await t.store.db.selectFrom('view_salts').select('day').execute()).map((r) => r.day)).toEqual(['2026-11-03']);
  });

  it('skips views of a story that is gone without losing the rest of the batch', async () => {
    const a = await insertStory(t.store.db, storyRow(1));
    const lost: number[] = [];
    const counter = new ViewCounter(t.store.db, (_err, n) => lost.push(n));
    counter.count(a, reader(1));
    counter.count(999_999, reader(1));
    counter.count(a, reader(2));
    await counter.flush();
    expect(lost).toEqual([]);
    expect((await listMostViewed(t.store.db, HOUR_AGO(), 10)).map((v) => [v.storyId, v.score])).toEqual([[a, 2]]);
  });

  it('reports the views it could not write and carries on', async () => {
    const a = await insertStory(t.store.db, storyRow(1));
    const lost: number[] = [];
    const counter = new ViewCounter(t.store.db, (_err, n) => lost.push(n));
    counter.count(a, reader(1));
    counter.count(a, reader(2));
    await t.store.db.schema.dropTable('story_views').execute();
    await counter.flush();
    expect(lost).toEqual([2]);
    counter.count(a, reader(3));
    await expect(counter.flush()).resolves.toBeUndefined();
    expect(lost).toEqual([2, 1]);
  });
});

describe.each(testEngines())('trending score on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await disposeTestStore(t, engine);
  });

  it('decays with a 6-hour half-life: 10 views now beat 15 views 6 hours ago', async () => {
    const now = new Date('2026-11-29T12:30:00Z');
    const old = await insertStory(t.store.db, storyRow(1));
    const fresh = await insertStory(t.store.db, storyRow(2));
    await t.store.db.insertInto('story_views').values([
      { story_id: old, hour: '2026-11-29T06', views: 15 },
      { story_id: fresh, hour: '2026-11-29T12', views: 10 },
    ]).execute();
    const ranked = await listMostViewed(t.store.db, new Date('2026-11-27T12:30:00Z'), 10, { now });
    expect(ranked.map((r) => r.storyId)).toEqual([fresh, old]);
    expect(ranked.map((r) => Number(r.score.toFixed(3)))).toEqual([10, 7.5]);
  });
});
