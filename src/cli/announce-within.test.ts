// An ingest tells the other nodes inside its publish transaction: the announcement
// commits with the stories or not at all, so no kill between the two can leave a
// published story untold (the multi-node test once caught a story published, unannounced).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { ingestFeed, type IngestContext } from '../ingest/pipeline.ts';
import { DEFAULT_SECTORS } from '../config/site-defaults.ts';
import { changeNotesAfter } from '../store/change-note-repository.ts';
import { createPostgresChangeBus, notifyWithin, parsePayload, type ChangeEvent } from '../jobs/change-bus.ts';
import { sourceListKey, storyKey } from '../web/surrogate-keys.ts';
import type { WireItem } from '../domain/wire-item.ts';
import { announceWithin } from './announcer.ts';

const PG = process.env.WIREDESK_TEST_PG;
const quiet = pino({ level: 'silent' });

const item = (agency: string, over: Partial<WireItem> = {}): WireItem => ({
  guid: `urn:test:${agency}:1`,
  title: 'Floods cut off villages in Assam',
  bodyHtml: '<p>GUWAHATI, Nov 28 - Floods cut off dozens of villages on Saturday.</p>',
  published: '2026-11-28T06:00:00.000Z',
  updated: '2026-11-28T06:00:00.000Z',
  categories: [],
  agency,
  ...over,
});
const feed = (...items: WireItem[]) => ({ format: 'rss' as const, items, rejected: [] });

/** A listener on the test store's own database (NOTIFY is per database) that keeps the events naming `key`. */
async function listenFor(url: string, key: string): Promise<{ seen: ChangeEvent[]; close: () => Promise<void> }> {
  const bus = await createPostgresChangeBus(url, (err) => {
    throw err;
  });
  const seen: ChangeEvent[] = [];
  bus.subscribe((e) => {
    if (e.keys?.includes(key)) seen.push(e);
  });
  return { seen, close: () => bus.close() };
}

describe.each(testEngines())('an ingest announces inside its publish transaction on %s', (engine) => {
  let t: TestStore;
  let ctx: IngestContext;
  // A fresh agency each test: its source key tells this test's notifications from other files'.
  let agency: string;

  beforeEach(async () => {
    t = await createTestStore(engine);
    agency = `Agency ${randomUUID().slice(0, 8)}`;
    ctx = { store: t.store, sectors: DEFAULT_SECTORS, now: () => new Date('2026-11-28T07:00:00Z'), announceWithin: announceWithin(engine, quiet) };
  });
  afterEach(async () => {
    await t.dispose();
  });

  const stories = () => t.store.db.selectFrom('stories').select(['id', 'identity']).execute();
  const notes = async () => (await changeNotesAfter(t.store.db, 0, 100)).map((n) => parsePayload(n.event));

  it('names the new story and its pages; an unchanged re-send announces nothing', async () => {
    const heard = engine === 'postgres' ? await listenFor(t.url, sourceListKey(agency)) : undefined;
    try {
      await ingestFeed('first', feed(item(agency)), ctx);
      const [story] = await stories();
      const expected = expect.objectContaining({ storyIds: [Number(story!.id)], keys: expect.arrayContaining([storyKey(Number(story!.id)), sourceListKey(agency)]) });
      await ingestFeed('again', feed(item(agency)), ctx);
      if (heard) {
        await expect.poll(() => heard.seen.length).toBe(1);
        await new Promise((r) => setTimeout(r, 200));
        expect(heard.seen).toEqual([expected]);
      } else {
        expect(await notes()).toEqual([expected]);
      }
    } finally {
      await heard?.close();
    }
  });

  it('a publish that fails after announcing stores nothing and tells nothing', async () => {
    const heard = engine === 'postgres' ? await listenFor(t.url, sourceListKey(agency)) : undefined;
    const announce = announceWithin(engine, quiet);
    try {
      const failing: IngestContext = {
        ...ctx,
        announceWithin: async (trx, changed) => {
          await announce(trx, changed);
          throw new Error('the node dies before the commit');
        },
      };
      await expect(ingestFeed('doomed', feed(item(agency)), failing)).rejects.toThrow('the node dies before the commit');
      expect(await stories()).toEqual([]);
      // A committed publish afterwards is heard: the listener was listening all along.
      await ingestFeed('next', feed(item(agency, { guid: `urn:test:${agency}:2`, title: 'Dams release water as rains ease' })), ctx);
      const [story] = await stories();
      if (heard) {
        await expect.poll(() => heard.seen.length).toBe(1);
        await new Promise((r) => setTimeout(r, 200));
        expect(heard.seen.map((e) => e.storyIds)).toEqual([[Number(story!.id)]]);
      } else {
        expect((await notes()).map((e) => e.storyIds)).toEqual([[Number(story!.id)]]);
      }
    } finally {
      await heard?.close();
    }
  });
});

describe.skipIf(!PG)('notifyWithin', () => {
  it('is heard when its transaction commits, never when it rolls back', async () => {
    const t = await createTestStore('postgres');
    const probe = `probe-${randomUUID()}`;
    const heard = await listenFor(t.url, probe);
    try {
      const event = (n: number): ChangeEvent => ({ storyIds: [n], keys: [probe] });
      await expect(
        t.store.db.transaction().execute(async (trx) => {
          await notifyWithin(trx, event(1));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await t.store.db.transaction().execute((trx) => notifyWithin(trx, event(2)));
      await expect.poll(() => heard.seen.length).toBe(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard.seen).toEqual([event(2)]);
    } finally {
      await heard.close();
      await t.dispose();
    }
  });
});
