// Ingest files stories with the model learned from editors' labels in the store, and
// retrains it when a label is added. Both engines.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { DEFAULT_SECTORS } from '../config/site-defaults.ts';
import { addSectorLabel, listSectorLabels } from '../store/geo-repository.ts';
import { listStories } from '../store/story-lists.ts';
import { ingestBytes, type IngestContext } from './pipeline.ts';
import { sectorModelFromLabels } from './sector-model-store.ts';

const rss = (items: readonly { guid: string; title: string; text: string }[]): Uint8Array =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Desk test</title><link>https://wire.example/</link><description>x</description>${items
      .map((i) => `<item><title>${i.title}</title><guid isPermaLink="false">${i.guid}</guid><pubDate>Sun, 29 Nov 2026 10:00:00 GMT</pubDate><description>${i.text}</description><category>Cable cars</category></item>`)
      .join('')}</channel></rss>`,
  );

describe.each(testEngines())('the sector model from stored labels on %s', (engine) => {
  let t: TestStore;
  let ctx: IngestContext;
  beforeEach(async () => {
    t = await createTestStore(engine);
    ctx = { store: t.store, sectors: DEFAULT_SECTORS, now: () => new Date('2026-11-29T12:00:00Z') };
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('is the seed model until an editor labels a story, then learns from the label', async () => {
    expect(await sectorModelFromLabels(t.store.db, DEFAULT_SECTORS)).toBeUndefined();
    await ingestBytes('push:test', rss([{ guid: 'g1', title: 'Gondola line over the gorge opens', text: 'The gondola carries riders over the river gorge.' }]), undefined, ctx);
    const [first] = await listStories(t.store.db, {}, { limit: 1 });
    expect(first?.sector).toBe('politics'); // no word the seed terms know: the default
    await addSectorLabel(t.store.db, { storyId: first!.id, sector: 'transport', labelledBy: 'asha', labelledAt: '2026-11-29T12:01:00Z' });
    expect(await listSectorLabels(t.store.db)).toEqual([
      expect.objectContaining({ sector: 'transport', headline: 'Gondola line over the gorge opens', categories: ['Cable cars'] }),
    ]);
    const model = await sectorModelFromLabels(t.store.db, DEFAULT_SECTORS);
    expect(model?.labelled).toBe(1);
    expect(await sectorModelFromLabels(t.store.db, DEFAULT_SECTORS)).toBe(model); // not retrained without a new label

    await ingestBytes('push:test', rss([{ guid: 'g2', title: 'Second gondola planned', text: 'A gondola for the gorge, riders say.' }]), undefined, ctx);
    const stories = await listStories(t.store.db, {}, { limit: 5 });
    expect(stories.find((s) => s.headline === 'Second gondola planned')?.sector).toBe('transport');
  });

  it('after a new label, answers with the previous model while the new one trains, then with the new one', async () => {
    await ingestBytes('push:test', rss([{ guid: 'g1', title: 'Gondola line opens', text: 'The gondola carries riders.' }, { guid: 'g2', title: 'Rowing crew wins', text: 'A rowing win.' }]), undefined, ctx);
    const [a, b] = await listStories(t.store.db, {}, { limit: 2 });
    await addSectorLabel(t.store.db, { storyId: a!.id, sector: 'transport', labelledBy: 'asha', labelledAt: '2026-11-29T12:01:00Z' });
    const first = await sectorModelFromLabels(t.store.db, DEFAULT_SECTORS);
    expect(first?.labelled).toBe(1);
    await addSectorLabel(t.store.db, { storyId: b!.id, sector: 'sports', labelledBy: 'asha', labelledAt: '2026-11-29T12:02:00Z' });
    // At once, the model that was ready (the new one starts training).
    expect(await sectorModelFromLabels(t.store.db, DEFAULT_SECTORS)).toBe(first);
    let next = first;
    for (let i = 0; i < 200 && next === first; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      next = await sectorModelFromLabels(t.store.db, DEFAULT_SECTORS);
    }
    expect(next?.labelled).toBe(2);
    expect(await sectorModelFromLabels(t.store.db, DEFAULT_SECTORS)).toBe(next);
  });
});
