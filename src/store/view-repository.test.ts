import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { insertStory } from './story-repository.ts';
import { replaceStoryGeo } from './geo-repository.ts';
import { listMostViewed, recordView } from './view-repository.ts';
import { storyRow } from '../web/testing/web-fixtures.ts';

describe.each(testEngines())('trending (listMostViewed) on %s', (engine) => {
  let t: TestStore;
  const now = new Date('2026-11-28T12:30:00.000Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const since = hoursAgo(48);
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  async function views(storyId: number, hours: readonly number[]): Promise<void> {
    for (const h of hours) await recordView(t.store.db, storyId, hoursAgo(h));
  }

  it('ranks by views decayed with age: six-hour-old views count half', async () => {
    const db = t.store.db;
    const [fresh, older, oldest, outside] = [await insertStory(db, storyRow(1)), await insertStory(db, storyRow(2)), await insertStory(db, storyRow(3)), await insertStory(db, storyRow(4))];
    await views(fresh, [0, 0]); // counted once per hour bucket and story: the second adds to the first
    await views(older, [6, 6, 6]); // 3 × 0.5
    await views(oldest, [12, 12, 12, 12, 12]); // 5 × 0.25
    await views(outside, [49, 49, 49, 49, 49, 49, 49, 49]);
    const ranked = await listMostViewed(db, since, 10, { now });
    expect(ranked.map((r) => r.storyId)).toEqual([fresh, older, oldest]);
    expect(ranked.map((r) => r.score)).toEqual([2, 1.5, 1.25]);
  });

  it('leaves killed stories out and still fills the list when the most viewed were killed', async () => {
    const db = t.store.db;
    const killed: number[] = [];
    for (let n = 1; n <= 5; n++) killed.push(await insertStory(db, storyRow(n, { status: 'killed' })));
    const live: number[] = [];
    for (let n = 6; n <= 8; n++) live.push(await insertStory(db, storyRow(n)));
    for (const id of killed) await views(id, [0, 0, 0, 0]);
    await views(live[0]!, [0, 0, 0]);
    await views(live[1]!, [0, 0]);
    await views(live[2]!, [0]);
    expect((await listMostViewed(db, since, 2, { now })).map((r) => r.storyId)).toEqual([live[0], live[1]]);
  });

  it("an edition's trending counts only its countries' stories, however read the others are", async () => {
    const db = t.store.db;
    const india = await insertStory(db, storyRow(1));
    const kenya = await insertStory(db, storyRow(2));
    const both = await insertStory(db, storyRow(3));
    await replaceStoryGeo(db, india, { countries: ['IN'], tags: [] });
    await replaceStoryGeo(db, kenya, { countries: ['KE'], tags: [] });
    await replaceStoryGeo(db, both, { countries: ['KE', 'IN'], tags: [] });
    // Kenya's story is read most, by far: enough to crowd the edition's out of any shortlist.
    for (let i = 0; i < 9; i++) await views(kenya, [0]);
    await views(both, [0, 0]);
    await views(india, [0]);
    expect((await listMostViewed(db, since, 1, { now, countries: ['IN'] })).map((r) => r.storyId)).toEqual([both]);
    expect((await listMostViewed(db, since, 5, { now, countries: ['IN', 'BD'] })).map((r) => r.storyId)).toEqual([both, india]);
    expect((await listMostViewed(db, since, 5, { now })).map((r) => r.storyId)).toEqual([kenya, both, india]);
  });
});
