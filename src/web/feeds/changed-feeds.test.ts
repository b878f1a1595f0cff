import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWeb, storyRow, testConfig, type WebHarness } from '../testing/web-fixtures.ts';
import { testEngines } from '../../store/testing/test-stores.ts';
import { updateStory } from '../../store/story-repository.ts';
import { changedFeedUrls } from './changed-feeds.ts';

const SITE = testConfig().site;
const inEveryFormat = (base: string) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => `https://news.example${base}/${file}`);

describe.each(testEngines())('changedFeedUrls on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
  });
  afterEach(async () => {
    await w.close();
  });

  it('names the site, sector and source feeds of each changed story, in every format, each once', async () => {
    const [a, b, c] = await w.insert(
      storyRow(1, { sector: 'health', agency: 'PTI' }),
      storyRow(2, { sector: 'health', agency: 'UN News' }),
      // Not a sector the site lists: it has no sector feed, but its agency has one.
      storyRow(3, { sector: 'astrology', agency: 'UN News' }),
    );
    const urls = await changedFeedUrls(w.t.store.db, SITE, [a, b, c, 999].map((storyId) => ({ storyId: storyId! })));
    expect(urls.sort()).toEqual([...inEveryFormat(''), ...inEveryFormat('/news/health'), ...inEveryFormat('/source/pti'), ...inEveryFormat('/source/un-news')].sort());
    // Every URL pinged is a feed we serve.
    for (const url of urls) expect((await w.get(new URL(url).pathname)).statusCode).toBe(200);
  });

  it('a killed story still names its feeds, which it has just left', async () => {
    const [id] = await w.insert(storyRow(1, { sector: 'sports', agency: 'AFP' }));
    await updateStory(w.t.store.db, id!, { status: 'killed' });
    const urls = await changedFeedUrls(w.t.store.db, SITE, [{ storyId: id! }]);
    expect(urls.sort()).toEqual([...inEveryFormat(''), ...inEveryFormat('/news/sports'), ...inEveryFormat('/source/afp')].sort());
  });
});
