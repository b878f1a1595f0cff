import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/test-stores.ts';
import { startWeb, storyRow, textOf, type WebHarness } from '../testing/web-fixtures.ts';
import { splitWords } from '../../lib/text.ts';

const cards = (html: string) => [...html.matchAll(/<article class="shot" tabindex="0" aria-labelledby="(shot-\d+)">([\s\S]*?)<\/article>/g)];
const LONG = `The minister said the plan would cover every district. ${Array.from({ length: 70 }, (_, i) => `Word${i}`).join(' ')} ends here.`;

describe.each(testEngines())('DevShots on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
  });
  afterEach(async () => {
    await w.close();
  });

  it('shows every published story as a focusable <article> card with a picture, headline and at most 60 words', async () => {
    await w.insert(
      storyRow(1, { image_url: 'https://img.example/one.jpg' }),
      storyRow(2, { summary: LONG, sector: 'health' }),
      storyRow(3, { status: 'killed', headline: 'Withdrawn story' }),
    );
    const res = await w.get('/devshots');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<ol class="shots">');
    const found = cards(res.body);
    expect(found).toHaveLength(2);
    expect(res.body).not.toContain('Withdrawn story');
    const [newest, older] = found.map((m) => m[2] ?? '');
    // Story 2 has no picture: its sector's, self-hosted, sized and eager as the first card.
    expect(newest).toMatch(/<img class="shot-img" src="\/assets\/sectors\/health\.[0-9a-f]{10}\.svg" alt width="1200" height="675" loading="eager"/);
    expect(older).toMatch(/<img class="shot-img" src="https:\/\/img\.example\/one\.jpg" alt width="1200" height="675" loading="lazy"/);
    const summary = textOf(newest!, /<p class="shot-summary">(.*?)<\/p>/s) ?? '';
    expect(summary).toBe('The minister said the plan would cover every district.');
    expect(splitWords(summary).length).toBeLessThanOrEqual(60);
    expect(found[0]?.[1]).toBe(`shot-${/id="shot-(\d+)"/.exec(newest!)?.[1]}`);
    expect(res.headers.xkey).toContain('list-latest');
  });

  it('serves the sector pictures and the keyboard script, fingerprinted and immutable', async () => {
    await w.insert(storyRow(1));
    const page = (await w.get('/devshots')).body;
    const image = /src="(\/assets\/sectors\/politics\.[0-9a-f]{10}\.svg)"/.exec(page)?.[1] ?? '';
    const svg = await w.get(image);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(svg.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 1200 675"[\s\S]*>Politics<\/text><\/svg>$/);
    expect((await w.get('/assets/sectors/politics.0000000000.svg')).statusCode).toBe(404);
    const script = /<script src="(\/assets\/devshots\.[0-9a-f]{10}\.js)" defer><\/script>/.exec(page)?.[1] ?? '';
    const js = await w.get(script);
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain("closest('.shot')");
    const cssHref = /<link rel="stylesheet" href="(\/assets\/devshots\.[0-9a-f]{10}\.css)"\/>/.exec(page)?.[1] ?? '';
    const css = await w.get(cssHref);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain('scroll-snap-type: x mandatory');
  });

  it('pages with ?page=N and rel=prev/next, like the other lists', async () => {
    const rows = [];
    for (let n = 1; n <= 25; n++) rows.push(storyRow(n));
    await w.insert(...rows);
    const first = await w.get('/devshots');
    expect(cards(first.body)).toHaveLength(20);
    expect(/<link rel="next" href="([^"]+)"/.exec(first.body)?.[1]).toBe('/devshots?page=2');
    expect(/<a rel="next" href="([^"]+)"/.exec(first.body)?.[1]).toBe('/devshots?page=2');
    const second = await w.get('/devshots?page=2');
    expect(cards(second.body)).toHaveLength(5);
    expect(/<link rel="prev" href="([^"]+)"/.exec(second.body)?.[1]).toBe('/devshots');
    expect(/<link rel="canonical" href="([^"]+)"/.exec(second.body)?.[1]).toBe('https://news.example/devshots?page=2');
    expect((await w.get('/devshots?page=1')).headers.location).toBe('/devshots');
    expect((await w.get('/devshots?page=3')).statusCode).toBe(404);
    expect((await w.get('/devshots?page=zero')).statusCode).toBe(400);
  });

  it('says so when there are no stories', async () => {
    const res = await w.get('/devshots');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<p class="empty">No stories yet.</p>');
  });
});
