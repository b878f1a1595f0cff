// Related stories and tag lists. Related stories are read as one newest-first list
// per sector and tag and merged in code; tag lists walk the tag's own index. Both must
// be exactly what a plain filter over every story says, which these tests compute.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { insertStories } from './story-repository.ts';
import { listFullStories, listStories } from './story-lists.ts';
import { insertStoryGeos, replaceStoryGeo } from './geo-repository.ts';
import { findNewestLeads, findOtherReports, findRelatedStories, pickRelated, NEWEST_READ } from './cluster-repository.ts';
import type { NewStoryRow } from './schema.ts';

const SECTORS = ['health', 'sports', 'economy'];
const TAGS = ['india', 'un', 'floods', 'who', 'cricket'];
const COUNTRIES = ['IN', 'FJ', 'US'];

interface Made {
  readonly id: number;
  readonly row: NewStoryRow;
  readonly tags: readonly string[];
  readonly countries: readonly string[];
  readonly clusterId: number | null;
}

// A small deterministic generator: no Math.random, so a failure reproduces.
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

function row(n: number, rand: (n: number) => number): NewStoryRow {
  // Times out of id order, some equal: the order is created_at, then id.
  const t = new Date(Date.UTC(2026, 0, 1, 0, rand(40))).toISOString();
  const status = ['published', 'published', 'published', 'published', 'killed', 'withheld'][rand(6)]!;
  return {
    identity: `guid:${n}`, kind: 'wire', status, source_id: null, headline: `Headline ${n}`, summary: `Summary ${n}`, body_html: `<p>${n}</p>`,
    slug: `headline-${n}`, sector: SECTORS[rand(SECTORS.length)]!, agency: 'PTI', dateline_city: null, author: null, link: null, image_url: null,
    image_caption: null, language: 'en', categories: '[]', created_at: t, updated_at: t, ingested_at: t, content_hash: `h${n}`,
  };
}

describe.each(testEngines())('related stories and tag lists on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  async function seed(count: number, seedValue: number): Promise<Made[]> {
    const rand = lcg(seedValue);
    const rows = Array.from({ length: count }, (_, i) => row(i + 1, rand));
    const inserted = await insertStories(t.store.db, rows);
    const made: Made[] = [];
    for (const [i, { id }] of inserted.entries()) {
      const tags = TAGS.filter(() => rand(4) === 0);
      const countries = COUNTRIES.filter(() => rand(3) === 0);
      // Every fifth story follows an earlier lead: only leads are related stories.
      const lead = i > 5 && rand(5) === 0 ? made[rand(made.length)] : undefined;
      const clusterId = lead && lead.clusterId === null ? lead.id : null;
      if (clusterId !== null) await t.store.db.updateTable('stories').set({ cluster_id: clusterId }).where('id', '=', id).execute();
      made.push({ id, row: rows[i]!, tags, countries, clusterId });
    }
    await insertStoryGeos(t.store.db, made.map((m) => ({ storyId: m.id, geo: { countries: [...m.countries], tags: m.tags.map((slug) => ({ slug, name: slug, kind: 'subject' })) } })));
    return made;
  }

  function expected(made: readonly Made[], story: Made, excludeIds: readonly number[], limit: number): number[] {
    return made
      .filter((m) => m.id !== story.id && !excludeIds.includes(m.id) && m.row.status === 'published' && m.clusterId === null)
      .filter((m) => m.row.sector === story.row.sector || m.tags.some((tag) => story.tags.includes(tag)))
      .sort((a, b) => (a.row.created_at < b.row.created_at ? 1 : a.row.created_at > b.row.created_at ? -1 : b.id - a.id))
      .slice(0, limit)
      .map((m) => m.id);
  }

  it('are the newest published leads sharing the sector or a tag, for every story', async () => {
    const made = await seed(120, 7);
    for (const story of made) {
      const reports = (await findOtherReports(t.store.db, { id: story.id, clusterId: story.clusterId })).map((r) => r.id);
      const got = await findRelatedStories((key) => findNewestLeads(t.store.db, key), { id: story.id, sector: story.row.sector }, story.tags, reports, 4);
      expect(got.map((r) => r.id), `story ${story.id}`).toEqual(expected(made, story, reports, 4));
    }
  });

  it('reads each key newest first, at most NEWEST_READ, with the link fields', async () => {
    const made = await seed(80, 11);
    const newest = await findNewestLeads(t.store.db, { tag: 'india' });
    const india = made.filter((m) => m.tags.includes('india') && m.row.status === 'published' && m.clusterId === null);
    expect(newest.map((l) => l.id)).toEqual(expected(made, { ...made[0]!, id: -1, row: { ...made[0]!.row, sector: 'none' }, tags: ['india'] }, [], NEWEST_READ));
    expect(newest.length).toBe(Math.min(NEWEST_READ, india.length));
    const first = made.find((m) => m.id === newest[0]!.id)!;
    expect(newest[0]).toEqual({ id: first.id, sector: first.row.sector, slug: first.row.slug, headline: first.row.headline, agency: 'PTI', createdAt: first.row.created_at });
  });

  it('lists a tag’s or a country’s stories newest first down its own index, pages and all, every report when asked', async () => {
    const made = await seed(90, 5);
    for (const tag of TAGS) {
      const carrying = (leadsOnly: boolean) =>
        made
          .filter((m) => m.tags.includes(tag) && m.row.status === 'published' && (!leadsOnly || m.clusterId === null))
          .sort((a, b) => (a.row.created_at < b.row.created_at ? 1 : a.row.created_at > b.row.created_at ? -1 : b.id - a.id))
          .map((m) => m.id);
      const page = async (offset: number) => (await listStories(t.store.db, { tag }, { limit: 5, offset })).map((s) => s.id);
      expect([...(await page(0)), ...(await page(5)), ...(await page(10))], tag).toEqual(carrying(true).slice(0, 15));
      expect((await listStories(t.store.db, { tag, everyReport: true }, { limit: 100 })).map((s) => s.id), tag).toEqual(carrying(false));
      expect((await listFullStories(t.store.db, { tag }, { limit: 3 })).map((s) => [s.id, s.bodyHtml])).toEqual(carrying(true).slice(0, 3).map((id) => [id, `<p>${made.find((m) => m.id === id)!.row.identity.slice(5)}</p>`]));
    }
    for (const country of COUNTRIES) {
      const about = made
        .filter((m) => m.countries.includes(country) && m.row.status === 'published' && m.clusterId === null)
        .sort((a, b) => (a.row.created_at < b.row.created_at ? 1 : a.row.created_at > b.row.created_at ? -1 : b.id - a.id))
        .map((m) => m.id);
      const page = async (offset: number) => (await listStories(t.store.db, { countries: [country] }, { limit: 4, offset })).map((s) => s.id);
      expect([...(await page(0)), ...(await page(4))], country).toEqual(about.slice(0, 8));
    }
    // Two countries (an edition): the general query, each story once.
    const either = made.filter((m) => m.countries.some((c) => c === 'IN' || c === 'FJ') && m.row.status === 'published' && m.clusterId === null).length;
    expect(await listStories(t.store.db, { countries: ['IN', 'FJ'] }, { limit: 200 })).toHaveLength(either);
    // With another filter too, the general query answers: the same stories.
    const health = made.filter((m) => m.tags.includes('india') && m.row.sector === 'health' && m.row.status === 'published' && m.clusterId === null).length;
    expect(await listStories(t.store.db, { tag: 'india', sector: 'health' }, { limit: 100 })).toHaveLength(health);
  });

  it('keeps a tag row on its story’s time when a later version replaces the tags', async () => {
    const made = await seed(10, 3);
    const story = made[4]!;
    await replaceStoryGeo(t.store.db, story.id, { countries: [], tags: [{ slug: 'brand-new', name: 'Brand new', kind: 'subject' }] });
    const rows = await t.store.db.selectFrom('story_tags').select(['story_id', 'created_at']).where('slug', '=', 'brand-new').execute();
    expect(rows).toEqual([{ story_id: story.id, created_at: story.row.created_at }]);
  });
});

describe('pickRelated', () => {
  const link = (id: number, minute: number) => ({ id, sector: 's', slug: `s${id}`, headline: `H${id}`, agency: null, createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString() });

  it('merges the lists newest first, each story once, leaving out the story and the excluded', () => {
    const sector = [link(9, 50), link(7, 40), link(5, 30)];
    const tag = [link(8, 45), link(7, 40), link(3, 40), link(1, 10)];
    expect(pickRelated([sector, tag], 9, [8], 4).map((l) => l.id)).toEqual([7, 3, 5, 1]);
    expect(pickRelated([sector, tag], 1, [], 2).map((l) => l.id)).toEqual([9, 8]);
    expect(pickRelated([], 1, [], 4)).toEqual([]);
  });
});
