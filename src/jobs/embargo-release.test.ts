import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { ingestFeed } from '../ingest/pipeline.ts';
import { DEFAULT_SECTORS } from '../config/site-defaults.ts';
import { listAudit } from '../store/audit-repository.ts';
import { releaseDueEmbargoes } from './embargo-release.ts';
import type { PublishedItem } from '../ingest/publish/publish-drafts.ts';

describe.each(testEngines())('embargo release on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('publishes due stories once, audits them and announces the change', async () => {
    const item = { guid: 'e1', title: 'Budget figures under embargo', bodyHtml: '<p>Numbers.</p>', categories: [], embargoUntil: '2026-11-28T12:00:00.000Z' };
    await ingestFeed('x', { format: 'ninjs', items: [item], rejected: [] }, { store: t.store, sectors: DEFAULT_SECTORS, now: () => new Date('2026-11-28T10:00:00Z') });
    const announced: PublishedItem[] = [];
    const deps = { store: t.store, logger: pino({ level: 'silent' }), onPublished: (items: readonly PublishedItem[]) => void announced.push(...items) };
    expect(await releaseDueEmbargoes({ ...deps, now: () => new Date('2026-11-28T11:59:00Z') })).toEqual([]);
    const ids = await releaseDueEmbargoes({ ...deps, now: () => new Date('2026-11-28T12:00:01Z') });
    expect(ids).toHaveLength(1);
    expect(announced.map((a) => [a.storyId, a.status])).toEqual([[ids[0], 'published']]);
    expect((await listAudit(t.store.db, ids[0]!)).map((a) => a.action)).toEqual(['embargo-released']);
    expect(await releaseDueEmbargoes({ ...deps, now: () => new Date('2026-11-28T12:00:02Z') })).toEqual([]);
  });

  it('announces inside the release: a release that fails there stays embargoed, unaudited, for the next tick', async () => {
    const item = { guid: 'e2', title: 'Trade figures under embargo', bodyHtml: '<p>Numbers.</p>', categories: [], embargoUntil: '2026-11-28T12:00:00.000Z' };
    await ingestFeed('x', { format: 'ninjs', items: [item], rejected: [] }, { store: t.store, sectors: DEFAULT_SECTORS, now: () => new Date('2026-11-28T10:00:00Z') });
    const told: number[] = [];
    const base = { store: t.store, logger: pino({ level: 'silent' }), onPublished: () => undefined, now: () => new Date('2026-11-28T12:00:01Z') };
    const failing = releaseDueEmbargoes({
      ...base,
      announceWithin: async () => {
        throw new Error('the node dies before the commit');
      },
    });
    await expect(failing).rejects.toThrow('the node dies before the commit');
    const story = await t.store.db.selectFrom('stories').select(['id', 'status']).executeTakeFirstOrThrow();
    expect(story.status).toBe('embargoed');
    expect(await listAudit(t.store.db, Number(story.id))).toEqual([]);
    const ids = await releaseDueEmbargoes({ ...base, announceWithin: async (_trx, items) => void told.push(...items.map((i) => i.storyId)) });
    expect(ids).toEqual([Number(story.id)]);
    expect(told).toEqual(ids);
  });
});
