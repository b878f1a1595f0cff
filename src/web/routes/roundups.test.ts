import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { testEngines } from '../../store/testing/test-stores.ts';
import { startWeb, storyRow, testConfig, textOf, type WebHarness } from '../testing/web-fixtures.ts';
import { runRoundupTopic } from '../../roundups/run-roundup.ts';
import { absoluteUrl, articlePath } from '../urls.ts';
import { changedFeedUrls } from '../feeds/changed-feeds.ts';
import type { RoundupTopic } from '../../domain/roundup.ts';

const health: RoundupTopic = {
  name: 'Health',
  slug: 'health',
  sector: 'health',
  sectors: ['health'],
  countries: [],
  excludeCountries: [],
  schedule: { kind: 'every', seconds: 3600 },
  minBriefs: 2,
  maxBriefs: 10,
  maxAgeSeconds: 3650 * 86400,
};

describe.each(testEngines())('roundup pages on %s', (engine) => {
  let w: WebHarness;
  let roundupId: number;
  beforeEach(async () => {
    w = await startWeb(engine);
    await w.insert(
      storyRow(1, { sector: 'health', headline: 'Clinics open in <Assam>', summary: 'Forty clinics opened on Monday.' }),
      storyRow(2, { sector: 'health', headline: 'Malaria cases fall', summary: 'Cases fell by a third.' }),
      storyRow(3, { sector: 'politics' }),
    );
    const site = testConfig().site;
    const run = await runRoundupTopic(
      {
        store: w.t.store,
        site,
        logger: pino({ level: 'silent' }),
        owner: 'test',
        articleUrl: (b) => absoluteUrl(site, articlePath(b)),
        onPublished: () => w.app.invalidateCaches(),
        now: () => new Date('2023-04-17T00:00:00Z'),
      },
      health,
    );
    if (run.kind !== 'published') throw new Error(`no roundup: ${run.kind}`);
    roundupId = run.storyId;
  });
  afterEach(async () => {
    await w.close();
  });

  it('/roundups lists roundups only, with its feeds', async () => {
    const res = await w.get('/roundups');
    expect(res.statusCode).toBe(200);
    const main = /<main.*<\/main>/s.exec(res.body)?.[0] ?? '';
    const links = [...main.matchAll(/<h3 class="item-title"><a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([`/article/health/${roundupId}-health-news-roundup-malaria-cases-fall-clinics-open-in-assam`]);
    expect(res.body).toContain('<link rel="alternate" type="application/rss+xml" title="Devdiscourse: news roundups" href="/roundups/rss.xml"/>');
    expect(res.headers.xkey).toContain('list-latest');
  });

  it('the roundup article is marked auto-generated on the page and in JSON-LD, each brief a subheading with its lead and link', async () => {
    const res = await w.get(`/article/${roundupId}`);
    const page = await w.get(res.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body, /<h1 class="headline">(.*?)<\/h1>/)).toBe('Health News Roundup: Malaria cases fall; Clinics open in <Assam>');
    expect(page.body).toContain('<span class="region">Auto-generated roundup</span>');
    expect(page.body).toContain('(This roundup has not been edited by Devdiscourse staff and is auto-generated from syndicated wire briefs.)');
    expect(page.body).toContain('<h2>Clinics open in &lt;Assam&gt;</h2>\n<p>Forty clinics opened on Monday.</p>\n<p><a href="https://news.example/article/health/1-headline-number-1">Read the full story</a> (PTI)</p>');
    const ld = [...page.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1] ?? '{}') as Record<string, unknown>);
    const article = ld.find((o) => o['@type'] === 'NewsArticle');
    expect(article?.genre).toBe('News roundup (auto-generated)');
    expect(article?.isBasedOn).toEqual(['https://news.example/article/health/2-headline-number-2', 'https://news.example/article/health/1-headline-number-1']);
    expect(article?.author).toEqual({ '@type': 'Organization', name: 'Devdiscourse', url: 'https://news.example' });
  });

  it('the roundups feeds carry it as a roundup, and a roundup change pings them', async () => {
    const rss = await w.get('/roundups/rss.xml');
    expect(rss.statusCode).toBe(200);
    expect(rss.body).toContain('<category>Roundup (auto-generated)</category>');
    expect(rss.body).not.toContain('Headline number 3');
    const json = JSON.parse((await w.get('/roundups/feed.json')).body) as { items: { id: string }[] };
    expect(json.items.map((i) => i.id)).toEqual([`https://news.example/article/${roundupId}`]);
    expect((await w.get('/roundups/atom.xml')).statusCode).toBe(200);
    const urls = await changedFeedUrls(w.t.store.db, testConfig().site, [{ storyId: roundupId }]);
    expect(urls).toContain('https://news.example/roundups/atom.xml');
  });

  it('pages like the other lists', async () => {
    expect((await w.get('/roundups?page=1')).headers.location).toBe('/roundups');
    expect((await w.get('/roundups?page=2')).statusCode).toBe(404);
    expect((await w.get('/roundups?page=x')).statusCode).toBe(400);
  });
});
