import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { claimDueSources, insertSource } from './source-repository.ts';
import { countClaimableSources, releaseLeases } from './lease-repository.ts';

const T0 = new Date('2026-11-29T00:00:00Z');
const plus = (s: number) => new Date(T0.getTime() + s * 1000);

describe.each(testEngines())('lease repository on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
    for (let i = 1; i <= 5; i++) await insertSource(t.store.db, { name: `s${i}`, url: `https://wire.example/${i}`, intervalSeconds: 300 }, T0);
    await t.store.db
      .insertInto('job_leases')
      .values([
        { name: 'sweep', owner: 'me', expires_at: plus(60).toISOString(), last_run_at: T0.toISOString() },
        { name: 'sitemap', owner: 'other', expires_at: plus(60).toISOString(), last_run_at: null },
      ])
      .execute();
  });
  afterEach(async () => {
    await t.dispose();
  });

  const claim = (owner: string, limit: number) => claimDueSources(t.store.db, engine, { owner, now: plus(1), leaseSeconds: 60, limit });
  const leases = () => t.store.db.selectFrom('sources').select(['name', 'lease_owner', 'lease_expires_at']).orderBy('name').execute();

  it('releases only the leases the owner holds, sources and jobs', async () => {
    const mine = await claim('me', 2);
    await claim('other', 2);
    expect(await releaseLeases(t.store.db, 'me')).toBe(2);
    const rows = await leases();
    const myNames = new Set(mine.map((s) => s.name));
    expect(rows.filter((r) => myNames.has(r.name))).toEqual([...myNames].sort().map((name) => ({ name, lease_owner: null, lease_expires_at: null })));
    expect(rows.filter((r) => r.lease_owner === 'other')).toHaveLength(2);
    const jobs = await t.store.db.selectFrom('job_leases').select(['name', 'owner', 'expires_at', 'last_run_at']).orderBy('name').execute();
    expect(jobs).toEqual([
      { name: 'sitemap', owner: 'other', expires_at: plus(60).toISOString(), last_run_at: null },
      { name: 'sweep', owner: null, expires_at: null, last_run_at: T0.toISOString() },
    ]);
  });

  it('released sources are claimable again at once, without waiting for the lease to lapse', async () => {
    await claim('me', 5);
    expect(await claim('next', 5)).toEqual([]);
    await releaseLeases(t.store.db, 'me');
    expect(await claim('next', 5)).toHaveLength(5);
  });

  it('releasing with nothing held changes nothing', async () => {
    await claim('other', 1);
    expect(await releaseLeases(t.store.db, 'me')).toBe(0);
    expect((await leases()).filter((r) => r.lease_owner === 'other')).toHaveLength(1);
  });

  it('counts due sources that no live lease holds', async () => {
    expect(await countClaimableSources(t.store.db, plus(1))).toBe(5);
    await claim('me', 2);
    expect(await countClaimableSources(t.store.db, plus(1))).toBe(3);
    // The two leases lapse at 61 s.
    expect(await countClaimableSources(t.store.db, plus(62))).toBe(5);
    expect(await countClaimableSources(t.store.db, new Date(T0.getTime() - 1000))).toBe(0);
  });
});
