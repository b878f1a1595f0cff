// Duplicates and clusters end to end through the publish stage, on every engine.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from '../../store/testing/test-stores.ts';
import { ingestFeed, type IngestContext } from '../pipeline.ts';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import { listStories } from '../../store/story-lists.ts';
import type { WireItem } from '../../domain/wire-item.ts';

const BODY =
  '<p>Floods cut off dozens of villages in Assam on Saturday after the Brahmaputra burst its banks, officials said.</p>' +
  '<p>Rescue teams moved thousands of people to relief camps as more rain was forecast for the coming days across the state.</p>';
const item = (over: Partial<WireItem> = {}): WireItem => ({
  guid: 'pti-floods-1',
  link: 'https://pti.example/floods-1',
  title: 'Floods cut off villages in Assam',
  summary: 'Floods cut off dozens of villages in Assam on Saturday after the Brahmaputra burst its banks, officials said.',
  bodyHtml: BODY,
  agency: 'PTI',
  published: '2026-11-28T06:00:00.000Z',
  updated: '2026-11-28T06:00:00.000Z',
  categories: [],
  pubStatus: 'usable',
  ...over,
});
const reuters = (over: Partial<WireItem> = {}): WireItem =>
  item({
    guid: 'reuters-assam-1',
    link: 'https://reuters.example/assam-1',
    title: 'Brahmaputra floods strand villagers in Assam',
    summary: 'Floods on the Brahmaputra stranded thousands in Assam on Saturday, officials said, with dozens of villages cut off and relief camps filling.',
    bodyHtml: '<p>Floods on the Brahmaputra stranded thousands in Assam on Saturday, officials said.</p><p>Dozens of villages were cut off and relief camps were filling up as the river kept rising through the night.</p>',
    agency: 'Reuters',
    published: '2026-11-28T07:00:00.000Z',
    updated: '2026-11-28T07:00:00.000Z',
    ...over,
  });

describe.each(testEngines())('duplicates and clusters on %s', (engine) => {
  let t: TestStore;
  let ctx: IngestContext;
  const feed = (...items: WireItem[]) => ({ format: 'rss' as const, items, rejected: [] });
  const stories = async () => t.store.db.selectFrom('stories').select(['id', 'identity', 'headline', 'agency', 'cluster_id']).orderBy('id').execute();

  beforeEach(async () => {
    t = await createTestStore(engine);
    ctx = { store: t.store, sectors: DEFAULT_SECTORS, now: () => new Date('2026-11-28T08:00:00Z') };
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('stores one story for the same link under another guid, and for the same body under another link', async () => {
    await ingestFeed('pti', feed(item()), ctx);
    expect(await ingestFeed('mirror', feed(item({ guid: 'mirror-77' })), ctx)).toMatchObject({ new: 0, unchanged: 1 });
    expect(await ingestFeed('other', feed(item({ guid: 'x-9', link: 'https://x.example/9', title: 'Villages cut off by floods' })), ctx)).toMatchObject({ new: 0 });
    expect(await stories()).toHaveLength(1);
    // The merged identity is remembered: its next re-send finds the story at once.
    expect(await ingestFeed('mirror again', feed(item({ guid: 'mirror-77' })), ctx)).toMatchObject({ new: 0, unchanged: 1 });
    expect(await stories()).toHaveLength(1);
  });

  it('applies a changed-guid, lightly edited re-send as an update of the story', async () => {
    await ingestFeed('v1', feed(item()), ctx);
    const resend = item({
      guid: 'pti-floods-1-resend',
      link: 'https://pti.example/floods-1-v2',
      title: 'Floods cut off 40 villages in Assam',
      summary: 'Floods cut off 40 villages in Assam on Saturday after the Brahmaputra burst its banks, officials said.',
      bodyHtml: BODY.replace('dozens of', '40') + '<p>The army was called in.</p>',
      updated: '2026-11-28T07:30:00.000Z',
    });
    expect(await ingestFeed('v2', feed(resend), ctx)).toMatchObject({ new: 0, updated: 1 });
    const [s] = await stories();
    expect(s).toMatchObject({ identity: 'guid:pti-floods-1', headline: 'Floods cut off 40 villages in Assam' });
    expect(await stories()).toHaveLength(1);
  });

  it('clusters another agency’s report of the event: lists show it once, the agency’s own list shows it', async () => {
    await ingestFeed('pti', feed(item()), ctx);
    expect(await ingestFeed('reuters', feed(reuters()), ctx)).toMatchObject({ new: 1 });
    const [lead, member] = await stories();
    expect(lead!.cluster_id).toBeNull();
    expect(Number(member!.cluster_id)).toBe(Number(lead!.id));
    expect((await listStories(t.store.db, {}, { limit: 10 })).map((s) => s.id)).toEqual([Number(lead!.id)]);
    expect((await listStories(t.store.db, { agency: 'Reuters' }, { limit: 10 })).map((s) => s.id)).toEqual([Number(member!.id)]);
  });

  it('hands the event to the next report when its lead is killed', async () => {
    await ingestFeed('pti', feed(item()), ctx);
    await ingestFeed('reuters', feed(reuters()), ctx);
    await ingestFeed('kill', feed(item({ pubStatus: 'canceled', updated: '2026-11-28T07:30:00.000Z' })), ctx);
    const [, member] = await stories();
    expect(member!.cluster_id).toBeNull();
    expect((await listStories(t.store.db, {}, { limit: 10 })).map((s) => s.id)).toEqual([Number(member!.id)]);
  });

  it('merges and clusters within one batch too', async () => {
    const copy = item({ guid: 'mirror-1', link: 'https://mirror.example/1' });
    expect(await ingestFeed('batch', feed(item(), copy, reuters()), ctx)).toMatchObject({ new: 2, unchanged: 1 });
    const rows = await stories();
    expect(rows).toHaveLength(2);
    expect(Number(rows[1]!.cluster_id)).toBe(Number(rows[0]!.id));
  });

  it('keeps unrelated stories and one agency’s consecutive items apart', async () => {
    const other = item({ guid: 'pti-2', link: 'https://pti.example/2', title: 'Cricket: India beat Australia by six wickets in Pune', summary: 'India beat Australia by six wickets in the second one-day international in Pune on Saturday, with a century from the captain.', bodyHtml: '<p>India beat Australia by six wickets in Pune.</p>' });
    await ingestFeed('pti', feed(item(), other), ctx);
    expect((await stories()).map((s) => s.cluster_id)).toEqual([null, null]);
  });

  it('lets two nodes racing on copies of one story store it once', async () => {
    const copies = Array.from({ length: 6 }, (_, i) => item({ guid: `copy-${i}` }));
    const results = await Promise.all(copies.map((c, i) => ingestFeed(`node ${i}`, feed(c), ctx)));
    expect(results.reduce((n, r) => n + r.new, 0)).toBe(1);
    expect(await stories()).toHaveLength(1);
  });
});
