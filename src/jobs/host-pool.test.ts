// The pool against an in-memory queue of due items (the scheduler's test runs it on
// the real store): per-host limits, refill as slots free, a stalled host isolated.
import { describe, expect, it } from 'vitest';
import { createHostPool } from './host-pool.ts';

interface Item {
  readonly id: number;
  readonly host: string;
}

function harness(items: Item[], opts: { maxConcurrent: number; perHost: number; slowHost?: string }) {
  const due = [...items];
  const done: number[] = [];
  const released: number[] = [];
  const peak = new Map<string, number>();
  const now = new Map<string, number>();
  const gates: (() => void)[] = [];
  const pool = createHostPool<Item>({
    ...opts,
    hostOf: (i) => i.host,
    idOf: (i) => i.id,
    async claim(limit, exclude) {
      const picked = due.filter((i) => !exclude.includes(i.id)).slice(0, limit);
      for (const p of picked) due.splice(due.indexOf(p), 1);
      return picked;
    },
    async release(item) {
      released.push(item.id);
      due.push(item);
    },
    async run(item) {
      now.set(item.host, (now.get(item.host) ?? 0) + 1);
      peak.set(item.host, Math.max(peak.get(item.host) ?? 0, now.get(item.host) ?? 0));
      if (item.host === opts.slowHost) await new Promise<void>((r) => gates.push(r));
      else await new Promise((r) => setTimeout(r, 5));
      now.set(item.host, (now.get(item.host) ?? 1) - 1);
      done.push(item.id);
    },
    onError(err) {
      throw err;
    },
  });
  return { pool, due, done, released, peak, openGates: () => gates.splice(0).forEach((g) => g()) };
}

const hosts = (spec: Record<string, number>): Item[] => {
  let id = 0;
  return Object.entries(spec).flatMap(([host, n]) => Array.from({ length: n }, () => ({ id: ++id, host })));
};

describe('host pool', () => {
  it('never runs more than perHost at once on a host, and runs everything', async () => {
    const h = harness(hosts({ a: 6, b: 6, c: 6 }), { maxConcurrent: 5, perHost: 2 });
    await h.pool.fill();
    await h.pool.idle();
    expect([...h.done].sort((x, y) => x - y)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(Object.fromEntries(h.peak)).toEqual({ a: 2, b: 2, c: 2 });
  });

  it('lets the other hosts finish while a stalled host holds only its own slots', async () => {
    const h = harness(hosts({ slow: 4, b: 5, c: 5 }), { maxConcurrent: 4, perHost: 2, slowHost: 'slow' });
    await h.pool.fill();
    await expect.poll(() => h.done.length, { timeout: 2000 }).toBe(10);
    expect(h.done.every((id) => id > 4)).toBe(true);
    // The two stalled fetches run; the other two slow items went back to the queue.
    expect(h.pool.running).toBe(2);
    expect(h.due.map((i) => i.host)).toEqual(['slow', 'slow']);
    h.openGates();
    await expect.poll(() => h.done.length, { timeout: 2000 }).toBe(12);
    h.openGates();
    await h.pool.idle();
    expect(h.done).toHaveLength(14);
    expect(h.peak.get('slow')).toBe(2);
  });

  it('claims nothing after stop', async () => {
    const h = harness(hosts({ a: 3 }), { maxConcurrent: 1, perHost: 1 });
    h.pool.stop();
    await h.pool.fill();
    expect(h.done).toEqual([]);
    expect(h.due).toHaveLength(3);
  });
});
