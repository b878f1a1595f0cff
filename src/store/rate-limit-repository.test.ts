import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { countHit, deleteEndedWindows } from './rate-limit-repository.ts';

describe.each(testEngines())('rate-limit counters on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('counts hits in a window, per key, and starts a new window when it ends', async () => {
    const db = t.store.db;
    expect(await countHit(db, 'a', 60_000, 1_000)).toEqual({ hits: 1, resetsAt: 61_000 });
    expect(await countHit(db, 'a', 60_000, 2_000)).toEqual({ hits: 2, resetsAt: 61_000 });
    expect(await countHit(db, 'b', 60_000, 2_000)).toEqual({ hits: 1, resetsAt: 62_000 });
    expect(await countHit(db, 'a', 60_000, 61_000)).toEqual({ hits: 1, resetsAt: 121_000 });
  });

  it('counts concurrent hits exactly (one statement per hit)', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => countHit(t.store.db, 'burst', 60_000, 5_000)));
    expect(results.map((r) => r.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('deletes only windows that have ended', async () => {
    await countHit(t.store.db, 'old', 1_000, 0);
    await countHit(t.store.db, 'new', 60_000, 0);
    expect(await deleteEndedWindows(t.store.db, 30_000)).toBe(1);
    expect(await countHit(t.store.db, 'new', 60_000, 30_000)).toEqual({ hits: 2, resetsAt: 60_000 });
  });
});
