import { describe, expect, it } from 'vitest';
import { KeyedTtlCache, TtlCache } from './ttl-cache.ts';

function counter() {
  let loads = 0;
  let clock = 0;
  const cache = new TtlCache<number>(
    async () => {
      loads++;
      return loads;
    },
    1000,
    () => clock,
  );
  return { cache, loads: () => loads, tick: (ms: number) => (clock += ms) };
}

describe('TtlCache', () => {
  it('loads once and shares the value within the TTL', async () => {
    const c = counter();
    const [a, b] = await Promise.all([c.cache.get(), c.cache.get()]);
    expect([a, b]).toEqual([1, 1]);
    c.tick(999);
    expect(await c.cache.get()).toBe(1);
    expect(c.loads()).toBe(1);
  });

  it('serves the stale value while one refresh runs, then the new one', async () => {
    let clock = 0;
    let loads = 0;
    let release = (): void => {};
    const cache = new TtlCache<number>(
      () => {
        loads++;
        if (loads === 1) return Promise.resolve(1);
        return new Promise((resolve) => (release = () => resolve(loads)));
      },
      1000,
      () => clock,
    );
    await cache.get();
    clock = 1000;
    expect(await cache.get()).toBe(1);
    expect(await cache.get()).toBe(1);
    expect(loads).toBe(2);
    release();
    await new Promise((r) => setImmediate(r));
    expect(await cache.get()).toBe(2);
  });

  it('loads afresh after invalidate, and waits for it', async () => {
    const c = counter();
    await c.cache.get();
    c.cache.invalidate();
    expect(c.cache.peek()).toBeUndefined();
    expect(await c.cache.get()).toBe(2);
  });

  it('passes a failed first load to the caller and tries again next time', async () => {
    let fail = true;
    const cache = new TtlCache<string>(async () => {
      if (fail) throw new Error('down');
      return 'up';
    }, 1000);
    await expect(cache.get()).rejects.toThrow('down');
    fail = false;
    expect(await cache.get()).toBe('up');
  });

  it('keeps serving the last value when a background refresh fails', async () => {
    let n = 0;
    let clock = 0;
    const errors: unknown[] = [];
    const cache = new TtlCache<number>(
      async () => {
        if (++n > 1) throw new Error('down');
        return n;
      },
      10,
      () => clock,
      (e) => errors.push(e),
    );
    expect(await cache.get()).toBe(1);
    clock = 50;
    expect(await cache.get()).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(errors).toHaveLength(1);
    expect(await cache.get()).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(n).toBe(2); // no retry before another TTL has passed
    clock = 100;
    await cache.get();
    await new Promise((r) => setImmediate(r));
    expect(n).toBe(3);
  });
});

describe('KeyedTtlCache', () => {
  function keyed(maxKeys: number) {
    const loads: string[] = [];
    let clock = 0;
    let release: (() => void) | undefined;
    let gate: Promise<void> | undefined;
    const cache = new KeyedTtlCache<{ tag: string }, string>(
      async ({ tag }) => {
        loads.push(tag);
        if (gate) await gate;
        return `${tag}@${loads.length}`;
      },
      ({ tag }) => tag,
      { ttlMs: 1000, maxKeys, now: () => clock },
    );
    return {
      cache,
      loads,
      tick: (ms: number) => (clock += ms),
      hold: () => (gate = new Promise((r) => (release = r))),
      release: () => {
        gate = undefined;
        release?.();
      },
    };
  }

  it('loads each key once and shares it within the TTL', async () => {
    const k = keyed(10);
    expect(await Promise.all([k.cache.get({ tag: 'a' }), k.cache.get({ tag: 'a' }), k.cache.get({ tag: 'b' })])).toEqual(['a@1', 'a@1', 'b@2']);
    k.tick(999);
    expect(await k.cache.get({ tag: 'a' })).toBe('a@1');
    expect(k.loads).toEqual(['a', 'b']);
  });

  it('keeps at most maxKeys, dropping the least recently asked for', async () => {
    const k = keyed(2);
    await k.cache.get({ tag: 'a' });
    await k.cache.get({ tag: 'b' });
    await k.cache.get({ tag: 'a' }); // b is now the least recent
    await k.cache.get({ tag: 'c' });
    expect(k.cache.size).toBe(2);
    expect(await k.cache.get({ tag: 'a' })).toBe('a@1');
    expect(await k.cache.get({ tag: 'b' })).toBe('b@4');
    expect(k.loads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('after invalidate, loads again, and a load begun before it is not kept', async () => {
    const k = keyed(10);
    k.hold();
    const before = k.cache.get({ tag: 'a' });
    k.cache.invalidate();
    k.release();
    expect(await before).toBe('a@1');
    expect(await k.cache.get({ tag: 'a' })).toBe('a@2');
    expect(await k.cache.get({ tag: 'a' })).toBe('a@2');
  });
});
