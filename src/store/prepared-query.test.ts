import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { executeInsert } from './prepared-query.ts';

describe.each(testEngines())('executeInsert on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  // story_signatures: a table of plain columns (no foreign key, no defaults).
  const audit = (storyId: number, action: string, detail = `detail of ${action}`) => ({ story_id: storyId, names: action, shingles: detail, at: '2026-11-29T00:00:00.000Z' });
  type AuditRow = ReturnType<typeof audit>;
  const insert = (rows: readonly Record<string, unknown>[]) =>
    executeInsert(t.store.db, 'test signatures', rows, (r) => t.store.db.insertInto('story_signatures').values(r as AuditRow[]).returning(['story_id as id', 'names as action']));
  const stored = async () =>
    (await t.store.db.selectFrom('story_signatures').select(['story_id', 'names', 'shingles']).orderBy('story_id').execute()).map((r) => ({ story_id: Number(r.story_id), action: r.names, detail: r.shingles }));

  it('binds each call its own values, the query compiled once for a column list and row count', async () => {
    const first = await insert([audit(1, 'a'), audit(2, 'b')]);
    const second = await insert([audit(3, 'c'), audit(4, 'd')]);
    const third = await t.store.db.transaction().execute((trx) =>
      executeInsert(trx, 'test signatures', [audit(5, 'e'), audit(6, 'f')], (r) => trx.insertInto('story_signatures').values(r as AuditRow[]).returning(['story_id as id', 'names as action'])),
    );
    expect([...first, ...second, ...third].map((r) => r.action)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(new Set([...first, ...second, ...third].map((r) => Number(r.id))).size).toBe(6);
    expect(await stored()).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((action, i) => ({ story_id: i + 1, action, detail: `detail of ${action}` })));
  });

  it('other row counts, other columns and rows unlike each other are their own queries', async () => {
    await insert([audit(1, 'a'), audit(2, 'b')]);
    await insert([audit(3, 'c')]);
    await insert([{ at: '2026-11-29T00:00:00.000Z', names: 'd', story_id: 4, shingles: 'columns in another order' }]);
    await insert([audit(5, 'e'), { story_id: 6, names: 'f', at: '2026-11-30T00:00:00.000Z', shingles: 'another order in one row' }]);
    await insert([audit(7, 'g', 'same'), audit(8, 'h', 'same')]);
    expect((await stored()).map((r) => [r.story_id, r.action, r.detail])).toEqual([
      [1, 'a', 'detail of a'],
      [2, 'b', 'detail of b'],
      [3, 'c', 'detail of c'],
      [4, 'd', 'columns in another order'],
      [5, 'e', 'detail of e'],
      [6, 'f', 'another order in one row'],
      [7, 'g', 'same'],
      [8, 'h', 'same'],
    ]);
  });

  it('a row whose value is an expression is compiled every time, with its expression', async () => {
    await insert([audit(1, 'a')]);
    const expression = (id: number) => ({ ...audit(id, 'x'), shingles: t.store.db.selectFrom('story_signatures').select('names').where('story_id', '=', 1) });
    await insert([expression(2)]);
    await insert([expression(3)]);
    expect((await stored()).map((r) => r.detail)).toEqual(['detail of a', 'a', 'a']);
  });
});
