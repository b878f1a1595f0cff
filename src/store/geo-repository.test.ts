import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { addSectorLabel, findFirstCountries, findStoryCountries, findStoryTags, findTagName, listSectorLabels, sectorLabelsVersion, replaceStoryGeo } from './geo-repository.ts';
import { insertStory, updateStory } from './story-repository.ts';
import { countStories, listFullStories, listStories } from './story-lists.ts';
import { ingestInput } from '../ingest/pipeline.ts';
import { DEFAULT_SECTORS } from '../config/site-defaults.ts';
import type { NewStoryRow } from './schema.ts';

function row(n: number, over: Partial<NewStoryRow> = {}): NewStoryRow {
  const t = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  return {
    identity: `guid:${n}`, kind: 'wire', status: 'published', source_id: null,
    headline: `Headline ${n}`, summary: `Summary ${n}`, body_html: `<p>Body ${n}</p>`, slug: `headline-${n}`,
    sector: 'health', agency: 'PTI', dateline_city: null, author: null, link: null, image_url: null, image_caption: null,
    language: 'en', categories: '[]', created_at: t, updated_at: t, ingested_at: t, content_hash: `h${n}`,
    ...over,
  };
}

const WIRE = new URL('../ingest/testdata/wire-v1.rss', import.meta.url).pathname;

describe.each(testEngines())('geo repository on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('replaces a story’s countries and tags whole, keeping their order', async () => {
    const id = await insertStory(t.store.db, row(1));
    await replaceStoryGeo(t.store.db, id, { countries: ['IN', 'PK', 'IN'], tags: [{ slug: 'a', name: 'A', kind: 'person' }, { slug: 'a', name: 'A again', kind: 'person' }] });
    await replaceStoryGeo(t.store.db, id, { countries: ['KE', 'UG'], tags: [{ slug: 'ruto', name: 'Ruto', kind: 'person' }, { slug: 'nairobi', name: 'Nairobi', kind: 'place' }] });
    expect(await findStoryCountries(t.store.db, id)).toEqual(['KE', 'UG']);
    expect(await findStoryTags(t.store.db, id)).toEqual([{ slug: 'ruto', name: 'Ruto', kind: 'person' }, { slug: 'nairobi', name: 'Nairobi', kind: 'place' }]);
    expect(await findTagName(t.store.db, 'a')).toBeUndefined();
    expect(await findTagName(t.store.db, 'ruto')).toBe('Ruto');
  });

  it('filters lists by countries (an edition) and by tag', async () => {
    const [a, b, c] = [await insertStory(t.store.db, row(1)), await insertStory(t.store.db, row(2)), await insertStory(t.store.db, row(3))];
    await replaceStoryGeo(t.store.db, a, { countries: ['IN'], tags: [{ slug: 'x', name: 'X', kind: 'subject' }] });
    await replaceStoryGeo(t.store.db, b, { countries: ['KE', 'IN'], tags: [] });
    await replaceStoryGeo(t.store.db, c, { countries: [], tags: [{ slug: 'x', name: 'X', kind: 'subject' }] });
    const ids = async (filter: Parameters<typeof listStories>[1]) => (await listStories(t.store.db, filter, { limit: 10 })).map((s) => s.id);
    expect(await ids({ countries: ['IN', 'PK'] })).toEqual([b, a]);
    expect(await ids({ countries: ['KE'] })).toEqual([b]);
    expect(await ids({ countries: [] })).toEqual([]);
    expect(await ids({ tag: 'x' })).toEqual([c, a]);
    expect(await ids({ tag: 'x', countries: ['IN'] })).toEqual([a]);
    expect(await countStories(t.store.db, { countries: ['IN'] })).toBe(2);
    await updateStory(t.store.db, b, { status: 'killed' });
    expect(await ids({ countries: ['KE'] })).toEqual([]);
    expect(await findFirstCountries(t.store.db, [a, b, c])).toEqual(new Map([[a, 'IN'], [b, 'KE']]));
  });

  it('lists an edition as a plain filter over every story would, page by page, with full stories in the same order', async () => {
    // 60 stories, some at the same minute (ties go by id), some killed, some following an
    // event's lead, each about 0–3 of five countries.
    const codes = ['IN', 'PK', 'KE', 'UG', 'FJ'];
    const made: { id: number; countries: string[]; shown: boolean; lead: boolean; at: string }[] = [];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 1; n <= 60; n++) {
      const killed = next() < 0.15;
      const at = new Date(Date.UTC(2026, 0, 1, 0, Math.floor(n / 2))).toISOString();
      const id = await insertStory(t.store.db, row(n, { status: killed ? 'killed' : 'published', created_at: at }));
      const countries = codes.filter(() => next() < 0.3);
      await replaceStoryGeo(t.store.db, id, { countries, tags: [] });
      const follows = made.length > 0 && next() < 0.2;
      if (follows) await t.store.db.updateTable('stories').set({ cluster_id: made[0]!.id }).where('id', '=', id).execute();
      made.push({ id, countries, shown: !killed, lead: !follows, at });
    }
    const newest = [...made].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
    for (const edition of [['IN', 'PK'], ['KE', 'UG', 'FJ', 'IN'], ['FJ'], ['PK', 'PK', 'KE']]) {
      for (const everyReport of [false, true]) {
        const want = newest.filter((s) => s.shown && (everyReport || s.lead) && s.countries.some((c) => edition.includes(c))).map((s) => s.id);
        for (const page of [{ limit: 5 }, { limit: 5, offset: 5 }, { limit: 7, offset: 12 }, { limit: 100 }]) {
          const filter = { countries: edition, ...(everyReport ? { everyReport } : {}) };
          const got = (await listStories(t.store.db, filter, page)).map((s) => s.id);
          expect(got, `${edition.join(',')} ${JSON.stringify(page)} everyReport=${everyReport}`).toEqual(want.slice(page.offset ?? 0, (page.offset ?? 0) + page.limit));
          expect((await listFullStories(t.store.db, filter, page)).map((s) => [s.id, s.bodyHtml])).toEqual(got.map((id) => [id, `<p>Body ${made.findIndex((m) => m.id === id) + 1}</p>`]));
        }
      }
    }
  });

  it('keeps editors’ sector labels, the latest per story, with the story’s text', async () => {
    const id = await insertStory(t.store.db, row(1, { headline: 'Gondola opens', categories: '["Cable cars"]' }));
    const other = await insertStory(t.store.db, row(2, { categories: 'not json' }));
    await addSectorLabel(t.store.db, { storyId: id, sector: 'sports', labelledBy: 'asha', labelledAt: '2026-01-02T00:00:00Z' });
    await addSectorLabel(t.store.db, { storyId: id, sector: 'transport', labelledBy: 'ravi', labelledAt: '2026-01-03T00:00:00Z' });
    await addSectorLabel(t.store.db, { storyId: other, sector: 'health', labelledBy: 'ravi', labelledAt: '2026-01-03T00:00:00Z' });
    expect(await listSectorLabels(t.store.db)).toEqual([
      { storyId: id, sector: 'transport', headline: 'Gondola opens', summary: 'Summary 1', bodyHtml: '<p>Body 1</p>', categories: ['Cable cars'] },
      // A hand-edited categories column reads as none, not as a failed training run.
      { storyId: other, sector: 'health', headline: 'Headline 2', summary: 'Summary 2', bodyHtml: '<p>Body 2</p>', categories: [] },
    ]);
    expect(await sectorLabelsVersion(t.store.db)).toBe('3:3');
  });

  it('ingest stores each story’s countries (dateline first) and tags', async () => {
    const run = await ingestInput(WIRE, { store: t.store, sectors: DEFAULT_SECTORS, now: () => new Date('2026-11-28T07:00:00Z') });
    expect(run.new).toBe(2);
    const [kenya] = await listStories(t.store.db, { countries: ['KE'] }, { limit: 5 });
    expect(kenya?.headline).toBe('Kenya opens new rail link to Naivasha');
    expect(await findStoryCountries(t.store.db, kenya?.id ?? 0)).toEqual(['KE']);
    expect((await findStoryTags(t.store.db, kenya?.id ?? 0)).map((tag) => tag.slug)).toContain('kenya');
  });
});
