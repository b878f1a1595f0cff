import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from './testing/test-stores.ts';
import { changeStoryKind, findAuthorName } from './story-repository.ts';
import { listAudit } from './audit-repository.ts';
import { insertStories, findArticleById, findStoryById, findStoryStates, insertStory, updateStory } from './story-repository.ts';
import { countStories, findNextInSector, listAgencies, listStories, listStoriesByIds } from './story-lists.ts';
import type { NewStoryRow } from './schema.ts';

function row(n: number, over: Partial<NewStoryRow> = {}): NewStoryRow {
  const t = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  return {
    identity: `guid:${n}`, kind: 'wire', status: 'published', source_id: null,
    headline: `Headline ${n}`, summary: `Summary ${n}`, body_html: `<p>Body ${n}</p>`, slug: `headline-${n}`,
    sector: n % 2 ? 'health' : 'sports', agency: n % 3 ? 'PTI' : 'Reuters', dateline_city: 'Moscow',
    author: null, link: null, image_url: null, image_caption: null, language: 'en',
    categories: JSON.stringify(['c']), created_at: t, updated_at: t, ingested_at: t, content_hash: `h${n}`,
    ...over,
  };
}

describe.each(testEngines())('story repository on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('inserts and reads back a story with every field', async () => {
    const id = await insertStory(t.store.db, row(1));
    const s = await findStoryById(t.store.db, id);
    expect(s).toMatchObject({ id, identity: 'guid:1', headline: 'Headline 1', sector: 'health', agency: 'PTI', categories: ['c'], bodyHtml: '<p>Body 1</p>' });
  });

  it('reads stories by id in the order asked, published ones only', async () => {
    const [a, b, c] = [await insertStory(t.store.db, row(1)), await insertStory(t.store.db, row(2, { status: 'killed' })), await insertStory(t.store.db, row(3))];
    expect((await listStoriesByIds(t.store.db, [c, b, a, 999])).map((s) => s.id)).toEqual([c, a]);
  });

  it('reads an article with its next older published story in the sector, in one statement', async () => {
    // health: 1, 3 (killed), 5; the same minute for 7 and 9 (ids decide).
    const ids = new Map<number, number>();
    for (const n of [1, 3, 5]) ids.set(n, await insertStory(t.store.db, row(n, n === 3 ? { status: 'killed' } : {})));
    const same = new Date(Date.UTC(2026, 0, 1, 1, 0)).toISOString();
    for (const n of [7, 9]) ids.set(n, await insertStory(t.store.db, row(n, { created_at: same })));
    expect((await findArticleById(t.store.db, ids.get(5)!))?.next).toEqual({ id: ids.get(1), sector: 'health', slug: 'headline-1', headline: 'Headline 1' });
    expect((await findArticleById(t.store.db, ids.get(9)!))?.next?.id).toBe(ids.get(7));
    expect((await findArticleById(t.store.db, ids.get(7)!))?.next?.id).toBe(ids.get(5));
    const first = await findArticleById(t.store.db, ids.get(1)!);
    expect(first?.story.headline).toBe('Headline 1');
    expect(first?.next).toBeUndefined();
    expect(await findArticleById(t.store.db, 999_999)).toBeUndefined();
  });

  it('inserts many rows at once and maps each id to its identity', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => row(i + 1));
    const inserted = await insertStories(t.store.db, rows);
    expect(inserted).toHaveLength(250);
    for (const { id, identity } of inserted.filter((_, i) => i % 37 === 0)) {
      expect((await findStoryById(t.store.db, id))?.identity).toBe(identity);
    }
    expect(await countStories(t.store.db, {})).toBe(250);
  });

  it('rejects a second story with the same identity', async () => {
    await insertStory(t.store.db, row(1));
    await expect(insertStory(t.store.db, row(1))).rejects.toThrow();
    expect(await countStories(t.store.db, {})).toBe(1);
  });

  it('lists published stories newest first, filtered by sector and agency', async () => {
    for (let n = 1; n <= 6; n++) await insertStory(t.store.db, row(n));
    await insertStory(t.store.db, row(7, { status: 'killed' }));
    expect((await listStories(t.store.db, {}, { limit: 3 })).map((s) => s.id)).toEqual([6, 5, 4]);
    expect((await listStories(t.store.db, { sector: 'health' }, { limit: 10 })).map((s) => s.headline)).toEqual(['Headline 5', 'Headline 3', 'Headline 1']);
    expect(await countStories(t.store.db, { agency: 'Reuters' })).toBe(2);
    expect(await listAgencies(t.store.db)).toEqual(['PTI', 'Reuters']);
  });

  it('updates content and finds state by identity', async () => {
    const id = await insertStory(t.store.db, row(1));
    await updateStory(t.store.db, id, { headline: 'New', content_hash: 'h2' });
    expect((await findStoryStates(t.store.db, ['guid:1', 'guid:9'])).get('guid:1')).toMatchObject({ id, contentHash: 'h2' });
    expect((await findStoryById(t.store.db, id))?.headline).toBe('New');
  });

  it('finds the next older story in the same sector', async () => {
    for (let n = 1; n <= 5; n++) await insertStory(t.store.db, row(n));
    const s5 = await findStoryById(t.store.db, 5);
    expect((await findNextInSector(t.store.db, s5!))?.id).toBe(3);
    const s1 = await findStoryById(t.store.db, 1);
    expect(await findNextInSector(t.store.db, s1!)).toBeUndefined();
  });
});

describe.each(testEngines())('story kinds and author slugs on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('lists by kinds and by author slug, published only; the slug follows the byline on update', async () => {
    const [a, b, c, d] = [
      await insertStory(t.store.db, row(1, { kind: 'opinion', author: 'Asha Rao' })),
      await insertStory(t.store.db, row(2, { kind: 'blog', author: 'Ravi Menon' })),
      await insertStory(t.store.db, row(3, { kind: 'opinion', author: 'Asha Rao', status: 'killed' })),
      await insertStory(t.store.db, row(4, { author: 'ASHA RAO' })),
    ];
    const ids = async (filter: Parameters<typeof listStories>[1]) => (await listStories(t.store.db, filter, { limit: 10 })).map((s) => s.id);
    expect(await ids({ kinds: ['opinion'] })).toEqual([a]);
    expect(await ids({ kinds: ['opinion', 'blog'] })).toEqual([b, a]);
    expect(await ids({ kinds: [] })).toEqual([]);
    expect(await ids({ authorSlug: 'asha-rao' })).toEqual([d, a]);
    expect(await countStories(t.store.db, { authorSlug: 'asha-rao', kinds: ['opinion'] })).toBe(1);
    expect(await findAuthorName(t.store.db, 'asha-rao')).toBe('ASHA RAO');
    expect(await findAuthorName(t.store.db, 'nobody')).toBeUndefined();
    await updateStory(t.store.db, d, { author: 'Jane Doe' });
    expect(await ids({ authorSlug: 'jane-doe' })).toEqual([d]);
    await updateStory(t.store.db, a, { author: null });
    expect(await ids({ authorSlug: 'asha-rao' })).toEqual([]);
    expect(c).toBeGreaterThan(0);
  });

  it('changes a kind with an audit row; refuses roundups; reports missing and unchanged', async () => {
    const id = await insertStory(t.store.db, row(1));
    const roundup = await insertStory(t.store.db, row(2, { kind: 'roundup' }));
    const at = new Date('2026-02-01T00:00:00.000Z');
    expect(await changeStoryKind(t.store.db, id, 'opinion', 'asha', at)).toEqual({ outcome: 'changed', from: 'wire' });
    expect(await changeStoryKind(t.store.db, id, 'opinion', 'asha', at)).toEqual({ outcome: 'unchanged' });
    expect(await changeStoryKind(t.store.db, roundup, 'blog', 'asha', at)).toEqual({ outcome: 'roundup' });
    expect(await changeStoryKind(t.store.db, 9999, 'blog', 'asha', at)).toEqual({ outcome: 'missing' });
    expect((await findStoryById(t.store.db, id))?.kind).toBe('opinion');
    expect((await findStoryById(t.store.db, roundup))?.kind).toBe('roundup');
    expect(await listAudit(t.store.db, id)).toEqual([{ action: 'kind-changed', detail: 'wire -> opinion by asha', at: at.toISOString() }]);
    expect(await listAudit(t.store.db, roundup)).toEqual([]);
  });
});
