import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestStore, testEngines, type TestStore } from '../testing/test-stores.ts';
import { insertStory } from '../story-repository.ts';
import { listStories } from '../story-lists.ts';
import { storyRow } from '../../web/testing/web-fixtures.ts';

describe.each(testEngines())('migration 0022-lead-indexes on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('lists leads page by page as before, and SQLite walks the leads-only index', async () => {
    const db = t.store.db;
    const ids: number[] = [];
    for (let n = 1; n <= 40; n++) ids.push(await insertStory(db, storyRow(n, { sector: n % 2 ? 'politics' : 'health' })));
    // Every third story follows the first: lists leave it out.
    for (let i = 2; i < ids.length; i += 3) await db.updateTable('stories').set({ cluster_id: ids[0]! }).where('id', '=', ids[i]!).execute();
    const leads = ids.filter((_, i) => i % 3 !== 2).reverse();
    expect((await listStories(db, {}, { limit: 5, offset: 10 })).map((s) => s.id)).toEqual(leads.slice(10, 15));
    const politics = leads.filter((id) => ids.indexOf(id) % 2 === 0);
    expect((await listStories(db, { sector: 'politics' }, { limit: 4, offset: 3 })).map((s) => s.id)).toEqual(politics.slice(3, 7));
    if (engine !== 'sqlite') return;
    const plan = async (where: ReturnType<typeof sql>) =>
      (await sql<{ detail: string }>`explain query plan select id from stories where status = 'published' and cluster_id is null ${where} order by created_at desc, id desc limit 20 offset 100`.execute(db)).rows.map((r) => r.detail).join(' ');
    expect(await plan(sql``)).toContain('stories_leads_created');
    expect(await plan(sql`and sector = 'politics'`)).toContain('stories_leads_sector_created');
  });
});
