import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { ingestBytes, ingestInput, type IngestContext } from './pipeline.ts';
import { htmlToText } from '../lib/html-text.ts';
import { DEFAULT_SECTORS } from '../config/site-defaults.ts';
import { findStoryById } from '../store/story-repository.ts';
import { listStories } from '../store/story-lists.ts';

const TESTDATA = new URL('./testdata/', import.meta.url).pathname;
const at = (iso: string) => () => new Date(iso);

describe.each(testEngines())('ingest pipeline on %s', (engine) => {
  let t: TestStore;
  let ctx: IngestContext;
  beforeEach(async () => {
    t = await createTestStore(engine);
    ctx = { store: t.store, sectors: DEFAULT_SECTORS, now: at('2026-11-28T00:00:00Z') };
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('publishes new items, rejects the empty one and says why', async () => {
    const run = await ingestInput(join(TESTDATA, 'wire-v1.rss'), ctx);
    expect(run).toMatchObject({ new: 2, updated: 0, unchanged: 0, rejected: 1, fetch: 'ok' });
    expect(run.reasons).toEqual([expect.stringMatching(/^item 2: .*title/)]);
    const stories = await listStories(t.store.db, {}, { limit: 10 });
    expect(stories.map((s) => [s.headline, s.agency, s.datelineCity, s.sector])).toEqual([
      ['Kenya opens new rail link to Naivasha', 'Reuters', 'Nairobi', 'transport'],
      ['Flood warnings issued along the Brahmaputra', 'PTI', 'Guwahati', 'science-environment'],
    ]);
    const flood = await findStoryById(t.store.db, stories[1]!.id);
    expect(flood?.bodyHtml).not.toContain('<script');
    expect(flood?.createdAt).toBe('2026-11-27T06:30:00.000Z');
  });

  it('the same input again is unchanged; changed content updates in place', async () => {
    await ingestInput(join(TESTDATA, 'wire-v1.rss'), ctx);
    expect(await ingestInput(join(TESTDATA, 'wire-v1.rss'), ctx)).toMatchObject({ new: 0, updated: 0, unchanged: 2, rejected: 1 });
    const later = { ...ctx, now: at('2026-11-28T09:00:00Z') };
    expect(await ingestInput(join(TESTDATA, 'wire-v2.rss'), later)).toMatchObject({ new: 0, updated: 1, unchanged: 1 });
    const stories = await listStories(t.store.db, {}, { limit: 10 });
    expect(stories).toHaveLength(2);
    const flood = stories.find((s) => s.headline.startsWith('Flood'))!;
    expect(flood.createdAt).toBe('2026-11-27T06:30:00.000Z');
    expect(flood.updatedAt).toBe('2026-11-28T09:00:00.000Z');
    expect((await findStoryById(t.store.db, flood.id))?.bodyHtml).toContain('12,000 people');
  });

  it('a bad input fails with a reason and leaves stored stories alone', async () => {
    await ingestInput(join(TESTDATA, 'wire-v1.rss'), ctx);
    const bad = join(t.url.endsWith('.db') ? t.url.replace(/test\.db$/, '') : '/tmp', `bad-${engine}.xml`);
    writeFileSync(bad, '<rss><channel><item><title>cut off');
    const run = await ingestInput(bad, ctx);
    expect(run.error).toMatch(/^parse/);
    expect(run).toMatchObject({ new: 0, updated: 0, unchanged: 0 });
    expect(await listStories(t.store.db, {}, { limit: 10 })).toHaveLength(2);
  });

  it('stores the text search indexes: the body as text, short bodies and long, new and updated', async () => {
    const paragraph = (n: number, word: string) => `<p>${word} ${n}: the council &amp; the <b>port</b> authority met on Tuesday.</p>`;
    const feed = (word: string) => {
      const long = Array.from({ length: 80 }, (_, i) => paragraph(i, word)).join('\n');
      const items = [
        ['short', `${paragraph(0, word)}<ul><li>one</li><li>two</li></ul>`],
        ['long', long],
      ].map(([guid, body]) => `<item><guid>${guid}</guid><title>${guid} story ${word}</title><pubDate>Fri, 27 Nov 2026 06:30:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>`);
      return new TextEncoder().encode(`<rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`);
    };
    const bodies = async () =>
      t.store.db.selectFrom('stories').select(['identity', 'body_html', 'body_text']).orderBy('identity').execute();
    expect(await ingestBytes('push', feed('First'), 'application/rss+xml', ctx)).toMatchObject({ new: 2 });
    const later = { ...ctx, now: at('2026-11-28T09:00:00Z') };
    const first = await bodies();
    expect(first.map((r) => r.body_html.length > 3000)).toEqual([true, false]);
    for (const r of first) expect(r.body_text).toBe(htmlToText(r.body_html));
    expect(first[1]!.body_text).toContain('First 0: the council & the port authority');
    const changed = feed('Second');
    expect(await ingestBytes('push', changed, 'application/rss+xml', later)).toMatchObject({ updated: 2 });
    const second = await bodies();
    for (const r of second) expect(r.body_text).toBe(htmlToText(r.body_html));
    expect(second[1]!.body_text).toContain('Second 0');
  });

  it("reports the feed's WebSub hubs with its self URL as the topic, else the input it read", async () => {
    const dir = t.url.endsWith('.db') ? t.url.replace(/test\.db$/, '') : '/tmp';
    const feed = (links: string) => `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>${links}<item><title>One</title><guid>g-${engine}</guid></item></channel></rss>`;
    const withSelf = join(dir, `hub-self-${engine}.xml`);
    writeFileSync(withSelf, feed('<atom:link rel="hub" href="https://hub.example/"/><atom:link rel="self" href="https://wire.example/feed"/>'));
    expect((await ingestInput(withSelf, ctx)).websub).toEqual({ hubs: ['https://hub.example/'], topic: 'https://wire.example/feed' });
    const noSelf = join(dir, `hub-only-${engine}.xml`);
    writeFileSync(noSelf, feed('<atom:link rel="hub" href="https://hub.example/"/>'));
    expect((await ingestInput(noSelf, ctx)).websub).toEqual({ hubs: ['https://hub.example/'], topic: noSelf });
    expect((await ingestInput(join(TESTDATA, 'wire-v1.rss'), ctx)).websub).toBeUndefined();
  });
});
