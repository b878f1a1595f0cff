// Agency versioning end to end through the publish stage, on every engine.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from '../../store/testing/test-stores.ts';
import { ingestFeed, type IngestContext } from '../pipeline.ts';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import { findStoryById, releaseEmbargoes } from '../../store/story-repository.ts';
import { listStories } from '../../store/story-lists.ts';
import { listAudit } from '../../store/audit-repository.ts';
import type { WireItem } from '../../domain/wire-item.ts';

const item = (over: Partial<WireItem> = {}): WireItem => ({
  guid: 'urn:newsml:agency.example:20261128:story-1',
  title: 'Floods cut off villages in Assam',
  bodyHtml: '<p>GUWAHATI, Nov 28 (PTI) - Floods cut off dozens of villages on Saturday.</p>',
  published: '2026-11-28T06:00:00.000Z',
  updated: '2026-11-28T06:00:00.000Z',
  categories: [],
  version: 1,
  pubStatus: 'usable',
  ...over,
});

describe.each(testEngines())('versions, corrections, kills and embargoes on %s', (engine) => {
  let t: TestStore;
  let ctx: IngestContext;
  const at = (iso: string) => ({ ...ctx, now: () => new Date(iso) });
  const feed = (...items: WireItem[]) => ({ format: 'newsml-g2' as const, items, rejected: [] });
  const only = async () => {
    const rows = await t.store.db.selectFrom('stories').select(['id']).execute();
    expect(rows).toHaveLength(1);
    return (await findStoryById(t.store.db, Number(rows[0]!.id)))!;
  };

  beforeEach(async () => {
    t = await createTestStore(engine);
    ctx = { store: t.store, sectors: DEFAULT_SECTORS, now: () => new Date('2026-11-28T07:00:00Z') };
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('a later version replaces the story; an older one arriving late changes nothing', async () => {
    await ingestFeed('v1', feed(item()), ctx);
    const v3 = item({ version: 3, title: 'Floods cut off 40 villages in Assam', updated: '2026-11-28T09:00:00.000Z' });
    expect(await ingestFeed('v3', feed(v3), at('2026-11-28T09:01:00Z'))).toMatchObject({ updated: 1 });
    const v2 = item({ version: 2, title: 'Floods cut off 30 villages in Assam', updated: '2026-11-28T08:00:00.000Z' });
    expect(await ingestFeed('v2 late', feed(v2), at('2026-11-28T09:02:00Z'))).toMatchObject({ updated: 0, unchanged: 1 });
    const s = await only();
    expect(s).toMatchObject({ headline: 'Floods cut off 40 villages in Assam', version: 3, status: 'published', createdAt: '2026-11-28T06:00:00.000Z', updatedAt: '2026-11-28T09:00:00.000Z' });
  });

  it('a correction is marked with its time and audited', async () => {
    await ingestFeed('v1', feed(item()), ctx);
    const fix = item({ version: 2, title: 'Floods cut off villages in Assam (corrects district name)', signals: ['correction'], updated: '2026-11-28T10:00:00.000Z' });
    await ingestFeed('v2', feed(fix), at('2026-11-28T10:00:30Z'));
    const s = await only();
    expect(s.correctedAt).toBe('2026-11-28T10:00:30.000Z');
    expect((await listAudit(t.store.db, s.id)).map((a) => a.action)).toEqual(['corrected']);
  });

  it('a kill takes the story off every list, keeps the copy, audits it, and is final', async () => {
    await ingestFeed('v1', feed(item()), ctx);
    const kill = item({ version: 2, pubStatus: 'canceled', title: 'KILL: Floods cut off villages', updated: '2026-11-28T11:00:00.000Z' });
    expect(await ingestFeed('kill', feed(kill), at('2026-11-28T11:00:05Z'))).toMatchObject({ updated: 1 });
    const s = await only();
    expect(s).toMatchObject({ status: 'killed', headline: 'Floods cut off villages in Assam', version: 2 });
    expect(await listStories(t.store.db, {}, { limit: 10 })).toEqual([]);
    expect(await listAudit(t.store.db, s.id)).toEqual([{ action: 'killed', detail: 'agency canceled version 2', at: '2026-11-28T11:00:05.000Z' }]);
    const resend = item({ version: 3, updated: '2026-11-28T12:00:00.000Z' });
    expect(await ingestFeed('after kill', feed(resend), at('2026-11-28T12:00:05Z'))).toMatchObject({ unchanged: 1 });
    expect((await only()).status).toBe('killed');
  });

  it('withheld takes a story down until a later usable version', async () => {
    await ingestFeed('v1', feed(item()), ctx);
    await ingestFeed('withheld', feed(item({ version: 2, pubStatus: 'withheld', updated: '2026-11-28T08:00:00.000Z' })), at('2026-11-28T08:00:01Z'));
    expect((await only()).status).toBe('withheld');
    expect(await listStories(t.store.db, {}, { limit: 10 })).toEqual([]);
    await ingestFeed('v3', feed(item({ version: 3, title: 'Floods: villages reachable again', updated: '2026-11-28T09:00:00.000Z' })), at('2026-11-28T09:00:01Z'));
    const s = await only();
    expect(s).toMatchObject({ status: 'published', headline: 'Floods: villages reachable again' });
    expect((await listAudit(t.store.db, s.id)).map((a) => a.action)).toEqual(['withheld', 'restored']);
  });

  it('an embargoed item is stored but invisible until its time, then released without anyone acting', async () => {
    await ingestFeed('embargoed', feed(item({ embargoUntil: '2026-11-28T12:00:00.000Z' })), ctx);
    expect((await only()).status).toBe('embargoed');
    expect(await listStories(t.store.db, {}, { limit: 10 })).toEqual([]);
    expect(await releaseEmbargoes(t.store.db, new Date('2026-11-28T11:59:59Z'))).toEqual([]);
    const released = await releaseEmbargoes(t.store.db, new Date('2026-11-28T12:00:00Z'));
    expect(released).toHaveLength(1);
    expect((await listStories(t.store.db, {}, { limit: 10 })).map((s) => s.id)).toEqual(released);
    expect(await releaseEmbargoes(t.store.db, new Date('2026-11-28T12:00:01Z'))).toEqual([]);
  });

  it('a kill that arrives before any usable version is stored withdrawn', async () => {
    await ingestFeed('kill first', feed(item({ pubStatus: 'canceled' })), ctx);
    expect((await only()).status).toBe('killed');
    expect(await listStories(t.store.db, {}, { limit: 10 })).toEqual([]);
  });
});
