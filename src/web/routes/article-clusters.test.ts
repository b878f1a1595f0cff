// The article page's "Also reported by" and related stories, and lists showing each
// event once (ingest/dedupe clusters).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/test-stores.ts';
import { hrefsIn, startWeb, storyRow, textOf, type WebHarness } from '../testing/web-fixtures.ts';
import { replaceStoryGeo } from '../../store/geo-repository.ts';

describe.each(testEngines())('clusters on the site on %s', (engine) => {
  let w: WebHarness;
  let ids: number[] = [];
  beforeEach(async () => {
    w = await startWeb(engine);
    // 1: PTI leads the event; 2 (Reuters) and 3 (AFP) report it too; 4: same sector, another event;
    // 5: another sector altogether.
    ids = await w.insert(
      storyRow(1, { headline: 'Floods cut off villages in Assam', slug: 'floods-pti' }),
      storyRow(2, { headline: 'Brahmaputra floods strand villagers', slug: 'floods-reuters', agency: 'Reuters' }),
      storyRow(3, { headline: 'Assam floods: thousands in camps', slug: 'floods-afp', agency: 'AFP' }),
      storyRow(4, { headline: 'Budget passes after long debate', slug: 'budget' }),
      storyRow(5, { headline: 'India win the series', slug: 'cricket', sector: 'sports' }),
    );
    await w.t.store.db.updateTable('stories').set({ cluster_id: ids[0]! }).where('id', 'in', [ids[1]!, ids[2]!]).execute();
    w.app.invalidateCaches();
  });
  afterEach(async () => {
    await w.close();
  });

  it('names the other agencies that reported the event, each linking to its report', async () => {
    const html = (await w.get(`/article/politics/${ids[0]}-floods-pti`)).body;
    expect(textOf(html, /<p class="byline also-reported">(.*?)<\/p>/)).toBe('Also reported by Reuters, AFP');
    expect(hrefsIn(html, /<p class="byline also-reported">.*?<\/p>/)).toEqual([`/article/politics/${ids[1]}-floods-reuters`, `/article/politics/${ids[2]}-floods-afp`]);
    const member = (await w.get(`/article/politics/${ids[1]}-floods-reuters`)).body;
    expect(textOf(member, /<p class="byline also-reported">(.*?)<\/p>/)).toBe('Also reported by PTI, AFP');
  });

  it('lists related stories: the event’s reports first, then the sector’s newest; the next-article link stays', async () => {
    const html = (await w.get(`/article/politics/${ids[0]}-floods-pti`)).body;
    expect(hrefsIn(html, /<nav class="related".*?<\/nav>/)).toEqual([`/article/politics/${ids[1]}-floods-reuters`, `/article/politics/${ids[2]}-floods-afp`, `/article/politics/${ids[3]}-budget`]);
    const lone = (await w.get(`/article/politics/${ids[3]}-budget`)).body;
    expect(lone).not.toContain('also-reported');
    expect(hrefsIn(lone, /<nav class="next-article".*?<\/nav>/)).toEqual([`/article/politics/${ids[2]}-floods-afp`]);
  });

  it('relates stories of other sectors through a shared tag, and drops a killed one once caches are told', async () => {
    const assam = { countries: [], tags: [{ slug: 'assam', name: 'Assam', kind: 'place' }] };
    await replaceStoryGeo(w.t.store.db, ids[0]!, assam);
    await replaceStoryGeo(w.t.store.db, ids[4]!, assam);
    w.app.invalidateCaches();
    const related = async () => hrefsIn((await w.get(`/article/politics/${ids[0]}-floods-pti`)).body, /<nav class="related".*?<\/nav>/);
    expect(await related()).toEqual([`/article/politics/${ids[1]}-floods-reuters`, `/article/politics/${ids[2]}-floods-afp`, `/article/sports/${ids[4]}-cricket`, `/article/politics/${ids[3]}-budget`]);
    await w.t.store.db.updateTable('stories').set({ status: 'killed' }).where('id', '=', ids[4]!).execute();
    // What publish does after every change: the newest-per-tag lists are dropped with the pages.
    w.app.invalidateCaches();
    expect(await related()).toEqual([`/article/politics/${ids[1]}-floods-reuters`, `/article/politics/${ids[2]}-floods-afp`, `/article/politics/${ids[3]}-budget`]);
  });

  it('shows the event once in lists; the agency’s own page shows its report', async () => {
    const latest = (await w.get('/latest')).body;
    expect(latest).toContain('Floods cut off villages in Assam');
    expect(latest).not.toContain('Brahmaputra floods strand villagers');
    expect((await w.get('/source/reuters')).body).toContain('Brahmaputra floods strand villagers');
  });
});
