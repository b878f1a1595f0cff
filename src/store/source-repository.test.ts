import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { claimDueSources, findSourceByName, insertSource, listSources, recordFetch, setSourceStoryKind } from './source-repository.ts';

const T0 = new Date('2026-11-29T00:00:00Z');
const plus = (s: number) => new Date(T0.getTime() + s * 1000);

describe.each(testEngines())('source repository on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
    for (let i = 1; i <= 5; i++) await insertSource(t.store.db, { name: `s${i}`, url: `https://wire.example/${i}`, intervalSeconds: 300 }, T0);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('a source is wire by default; its story kind is given on insert and changed by name', async () => {
    expect((await findSourceByName(t.store.db, 's1'))?.storyKind).toBe('wire');
    const column = await insertSource(t.store.db, { name: 'column', url: 'https://wire.example/c', intervalSeconds: 300, storyKind: 'opinion' }, T0);
    expect(column.storyKind).toBe('opinion');
    expect(await setSourceStoryKind(t.store.db, 'column', 'interview')).toBe(true);
    expect(await setSourceStoryKind(t.store.db, 'nobody', 'blog')).toBe(false);
    expect((await findSourceByName(t.store.db, 'column'))?.storyKind).toBe('interview');
    expect((await findSourceByName(t.store.db, 's1'))?.storyKind).toBe('wire');
  });

  it('two nodes claiming at once get disjoint sources', async () => {
    const claim = (owner: string) => claimDueSources(t.store.db, engine, { owner, now: plus(1), leaseSeconds: 60, limit: 3 });
    const [a, b] = await Promise.all([claim('a'), claim('b')]);
    const ids = [...a, ...b].map((s) => s.id).sort();
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids).toHaveLength(5);
    expect(await claim('c')).toEqual([]);
  });

  it('a lapsed lease (dead node) can be claimed again; a recorded fetch releases it', async () => {
    const first = await claimDueSources(t.store.db, engine, { owner: 'dead', now: plus(1), leaseSeconds: 60, limit: 1 });
    expect(first).toHaveLength(1);
    const again = await claimDueSources(t.store.db, engine, { owner: 'alive', now: plus(120), leaseSeconds: 60, limit: 5 });
    expect(again.map((s) => s.id)).toContain(first[0]!.id);
    await recordFetch(t.store.db, first[0]!.id, { at: plus(121), nextAt: plus(421), validators: { etag: '"e1"', lastModified: null, bodyHash: 'h1' } });
    const s = (await listSources(t.store.db)).find((x) => x.id === first[0]!.id)!;
    expect(s).toMatchObject({ etag: '"e1"', consecutiveFailures: 0, nextFetchAt: plus(421).toISOString(), lastError: null });
    // The others' leases lapsed at 180 s; the fetched one is not due again until 421 s.
    const later = await claimDueSources(t.store.db, engine, { owner: 'x', now: plus(200), leaseSeconds: 60, limit: 5 });
    expect(later.map((x) => x.id)).not.toContain(first[0]!.id);
    expect(later).toHaveLength(4);
  });

  it('a failed fetch counts failures and keeps the stored validators', async () => {
    const s1 = (await findSourceByName(t.store.db, 's1'))!;
    await recordFetch(t.store.db, s1.id, { at: plus(1), nextAt: plus(301), validators: { etag: '"keep"', lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT', bodyHash: 'keep' } });
    await recordFetch(t.store.db, s1.id, { at: plus(302), error: 'fetch/http: timed out', nextAt: plus(900) });
    await recordFetch(t.store.db, s1.id, { at: plus(901), error: 'fetch/http: timed out', nextAt: plus(2000) });
    expect(await findSourceByName(t.store.db, 's1')).toMatchObject({ consecutiveFailures: 2, lastError: 'fetch/http: timed out', etag: '"keep"', lastSuccessAt: plus(1).toISOString() });
  });
});
