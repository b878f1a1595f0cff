import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { pruneDedupeBands } from './band-prune.ts';
import { hourOf } from '../store/cluster-repository.ts';

describe.each(testEngines())('dedupe band pruning on %s', (engine) => {
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
});
