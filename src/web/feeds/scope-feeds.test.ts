// Edition, tag, author, country and kind feeds: each format reads back through our own
// parser, XML is well-formed for libxml2, each lists only its stories, and each page
// names its own feeds first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWeb, storyRow, type WebHarness } from '../testing/web-fixtures.ts';
import { xmlErrors } from '../testing/xml-well-formed.ts';
import { testEngines } from '../../store/testing/test-stores.ts';
import { replaceStoryGeo } from '../../store/geo-repository.ts';
import { parseFeed } from '../../ingest/parse/index.ts';
import type { ParsedFeed } from '../../domain/wire-item.ts';

function parse(body: string): ParsedFeed {
  const out = parseFeed(Buffer.from(body));
  if (out.kind !== 'ok') throw new Error(out.error);
  return out.feed;
}

const FILES = [
  ['rss.xml', 'application/rss+xml', 'rss'],
  ['atom.xml', 'application/atom+xml', 'atom'],
  ['feed.json', 'application/feed+json', 'jsonfeed'],
] as const;

/** Each scope: its page, the feed title, the headlines it must list (newest first), its surrogate key. */
const SCOPES = [
  ['/south-asia', 'Devdiscourse: South Asia edition', ['Delhi & “Mumbai” talks ]]> 5 < 6', 'Monsoon reaches Kerala'], 'edition-south-asia'],
  ['/tag/kerala', 'Devdiscourse: Kerala', ['Nairobi votes', 'Monsoon reaches Kerala'], 'tag-kerala'],
  ['/author/asha-rao', 'Devdiscourse: Asha Rao', ['Delhi & “Mumbai” talks ]]> 5 < 6', 'A quiet day'], 'author-asha-rao'],
  ['/country/kenya', 'Devdiscourse: Kenya', ['Nairobi votes'], 'country-ke'],
  ['/opinion', 'Devdiscourse: Opinion', ['Delhi & “Mumbai” talks ]]> 5 < 6'], 'kind-opinion'],
  ['/blogs', 'Devdiscourse: Blogs', ['A quiet day'], 'kind-blog'],
  ['/interviews', 'Devdiscourse: Interviews', [], 'kind-interview'],
] as const;

describe.each(testEngines())('edition, tag, author, country and kind feeds on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
    const [india, kenya, , delhi] = await w.insert(
      storyRow(1, { headline: 'Monsoon reaches Kerala', slug: 'monsoon' }),
      storyRow(2, { headline: 'Nairobi votes', slug: 'nairobi', author: 'Jane Doe' }),
      storyRow(3, { headline: 'A quiet day', slug: 'quiet', kind: 'blog', author: 'Asha Rao' }),
      storyRow(4, { headline: 'Delhi & “Mumbai” talks ]]> 5 < 6', slug: 'delhi', kind: 'opinion', author: 'Asha Rao' }),
      storyRow(5, { headline: 'Withdrawn', slug: 'gone', kind: 'opinion', author: 'Asha Rao', status: 'killed' }),
    );
    await replaceStoryGeo(w.t.store.db, india!, { countries: ['IN'], tags: [{ slug: 'kerala', name: 'Kerala', kind: 'place' }] });
    await replaceStoryGeo(w.t.store.db, kenya!, { countries: ['KE'], tags: [{ slug: 'kerala', name: 'Kerala', kind: 'place' }] });
    await replaceStoryGeo(w.t.store.db, delhi!, { countries: ['IN'], tags: [] });
  });
  afterEach(async () => {
    await w.close();
  });

  describe.each(SCOPES)('%s', (page, title, headlines, key) => {
    it.each(FILES)('%s reads back through our parser, lists only its stories, well-formed, keyed', async (file, type, format) => {
      const res = await w.get(`${page}/${file}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
      const feed = parse(res.body);
      expect(feed).toMatchObject({ format, title, link: `https://news.example${page}` });
      expect(feed.items.map((i) => i.title)).toEqual(headlines);
      for (const item of feed.items) expect(item.guid).toMatch(/^https:\/\/news\.example\/article\/\d+$/);
      if (format !== 'jsonfeed') expect(await xmlErrors([res.body])).toEqual([]);
      expect(String(res.headers.xkey).split(' ')).toEqual(['site', 'feed', key]);
    });

    it('its page advertises its feeds first, then the site’s', async () => {
      const res = await w.get(page);
      const links = [...res.body.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1], m[2], m[3]]);
      expect(links.slice(0, 4)).toEqual([
        ['application/rss+xml', title, `${page}/rss.xml`],
        ['application/atom+xml', `${title} (Atom)`, `${page}/atom.xml`],
        ['application/feed+json', `${title} (JSON Feed)`, `${page}/feed.json`],
        ['application/rss+xml', 'Devdiscourse: all news', '/rss.xml'],
      ]);
    });
  });

  it.each(['/tag/nobody/rss.xml', '/author/nobody/atom.xml', '/author/Bad%20Slug/rss.xml', '/country/atlantis/feed.json', '/atlantis/rss.xml', '/opinions/rss.xml'])(
    '%s is not found',
    async (url) => {
      expect((await w.get(url)).statusCode).toBe(404);
    },
  );

  it('a signed piece carries its kind as its first category', async () => {
    const feed = parse((await w.get('/opinion/atom.xml')).body);
    expect(feed.items.map((i) => i.categories)).toEqual([['Opinion', 'Politics']]);
  });

  it('a country feed also answers at its ISO code', async () => {
    expect(parse((await w.get('/country/ke/rss.xml')).body).items.map((i) => i.title)).toEqual(['Nairobi votes']);
  });
});
