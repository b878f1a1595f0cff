import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { insertStory } from '../store/story-repository.ts';
import { listMostViewed } from '../store/view-repository.ts';
import { ViewCounter } from './view-counter.ts';
import { disposeTestStore, storyRow } from './testing/web-fixtures.ts';

describe.each(testEngines())('ViewCounter on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await disposeTestStore(t, engine);
  });

  it('buffers views and adds them up on each flush', async () => {
    const a = await insertStory(t.store.db, storyRow(1));
    const b = await insertStory(t.store.db, storyRow(2));
    const counter = new ViewCounter(t.store.db, () => {});
    for (let i = 0; i < 3; i++) counter.count(a);
    counter.count(b);
    expect(await listMostViewed(t.store.db, new Date(Date.now() - 3600_000), 10)).toEqual([]);
    await counter.flush();
    counter.count(b);
    counter.count(b);
    counter.count(b);
    await counter.stop();
    expect(await listMostViewed(t.store.db, new Date(Date.now() - 3600_000), 10)).toEqual([
      { storyId: b, views: 4 },
      { storyId: a, views: 3 },
    ]);
  });

  it('skips views of a story that is gone without losing the rest of the batch', async () => {
    const a = await insertStory(t.store.db, storyRow(1));
    const lost: number[] = [];
    const counter = new ViewCounter(t.store.db, (_err, n) => lost.push(n));
    counter.count(a);
    counter.count(999_999);
    counter.count(a);
    await counter.flush();
    expect(lost).toEqual([]);
    expect(await listMostViewed(t.store.db, new Date(Date.now() - 3600_000), 10)).toEqual([{ storyId: a, views: 2 }]);
  });

  it('reports the views it could not write and carries on', async () => {
    const a = await insertStory(t.store.db, storyRow(1));
    const lost: number[] = [];
    const counter = new ViewCounter(t.store.db, (_err, n) => lost.push(n));
    counter.count(a);
    counter.count(a);
    await t.store.db.schema.dropTable('story_views').execute();
    await counter.flush();
    expect(lost).toEqual([2]);
    counter.count(a);
    await expect(counter.flush()).resolves.toBeUndefined();
    expect(lost).toEqual([2, 1]);
  });
});
