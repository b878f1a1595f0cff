import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { isUniqueViolation } from './errors.ts';

describe.each(testEngines())('driver error mapping on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('recognises a unique violation and nothing else', async () => {
    await t.store.db.insertInto('settings').values({ key: 'k', value: '1' }).execute();
    const dup = await t.store.db.insertInto('settings').values({ key: 'k', value: '2' }).execute().catch((e: unknown) => e);
    expect(isUniqueViolation(dup)).toBe(true);
    const other = await t.store.db.insertInto('settings').values({ key: 'n', value: null as unknown as string }).execute().catch((e: unknown) => e);
    expect(other).toBeInstanceOf(Error);
    expect(isUniqueViolation(other)).toBe(false);
  });
});
