import { describe, expect, it } from 'vitest';
import { createLocalChangeBus, createPostgresChangeBus, notifyChange, encodePayload, MAX_PAYLOAD_BYTES, parsePayload, type ChangeEvent } from './change-bus.ts';

const PG = process.env.WIREDESK_TEST_PG;

function waitFor(events: ChangeEvent[], n: number, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const check = () => (events.length >= n ? resolve() : Date.now() > until ? reject(new Error(`only ${events.length} events`)) : setTimeout(check, 10));
    check();
  });
}

describe('local change bus', () => {
  it('delivers to every subscriber', async () => {
    const bus = createLocalChangeBus();
    const a: ChangeEvent[] = [];
    const b: ChangeEvent[] = [];
    bus.subscribe((e) => a.push(e));
    bus.subscribe((e) => b.push(e));
    await bus.publish({ storyIds: [1, 2] });
    expect(a).toEqual([{ storyIds: [1, 2] }]);
    expect(b).toEqual(a);
  });
});

describe.skipIf(!PG)('PostgreSQL change bus (LISTEN/NOTIFY)', () => {
  it('a change published by one node reaches the others within a second', async () => {
    const errors: Error[] = [];
    const nodes = await Promise.all([1, 2, 3].map(() => createPostgresChangeBus(PG!, (e) => errors.push(e))));
    const seen = nodes.map(() => [] as ChangeEvent[]);
    nodes.forEach((n, i) => n.subscribe((e) => seen[i]!.push(e)));
    const started = Date.now();
    await nodes[0]!.publish({ storyIds: [42] });
    await Promise.all(seen.map((s) => waitFor(s, 1, 1000)));
    expect(Date.now() - started).toBeLessThan(1000);
    for (const s of seen) expect(s).toEqual([{ storyIds: [42] }]);
    await nodes[1]!.publish({ storyIds: Array.from({ length: 2000 }, (_, i) => i) });
    await Promise.all(seen.map((s) => waitFor(s, 2)));
    expect(seen[2]![1]).toEqual({ storyIds: [] }); // too many ids: "everything changed"
    await Promise.all(nodes.map((n) => n.close()));
    expect(errors).toEqual([]);
  });

  it('a change told from outside the nodes (the CLI) reaches them with its keys', async () => {
    const errors: Error[] = [];
    const node = await createPostgresChangeBus(PG!, (e) => errors.push(e));
    const seen: ChangeEvent[] = [];
    node.subscribe((e) => seen.push(e));
    await notifyChange(PG!, { storyIds: [7], keys: ['story-7', 'list-latest'] });
    await waitFor(seen, 1, 1000);
    expect(seen).toEqual([{ storyIds: [7], keys: ['story-7', 'list-latest'] }]);
    await node.close();
    expect(errors).toEqual([]);
  });
});

describe('NOTIFY payload', () => {
  it('carries the keys when they fit, and says "everything" when they do not', () => {
    const event = { storyIds: [7], keys: ['home', 'list-sector-politics', 'story-7'] };
    expect(parsePayload(encodePayload(event))).toEqual(event);
    const big = { storyIds: [7], keys: Array.from({ length: 1_000 }, (_, i) => `list-source-agency-number-${i}`) };
    const encoded = encodePayload(big);
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(MAX_PAYLOAD_BYTES);
    expect(parsePayload(encoded)).toEqual({ storyIds: [] });
  });

  it.each([
    ['not JSON', 'story-7'],
    ['keys that are not strings', '{"storyIds":[7],"keys":[1]}'],
    ['keys without story ids', '{"storyIds":[],"keys":["home"]}'],
  ])('reads %s as a change without keys (every page dropped)', (_name, payload) => {
    expect(parsePayload(payload).keys).toBeUndefined();
  });
});
