// The bad-input matrix: each hostile or broken answer from a wire, polled by the real
// scheduler over real HTTP (test/support/wire-server.ts) into a real store. Every case
// checks what was recorded (the source's last error, or what was stored when the input
// is legitimate after all) and that the stories already stored are byte-for-byte untouched.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { testEngines } from '../store/testing/test-stores.ts';
import { startWeb, type WebHarness } from '../web/testing/web-fixtures.ts';
import { startWireServer, type FeedFault, type WireServer } from '../../test/support/wire-server.ts';
import { findSourceByName, insertSource } from '../store/source-repository.ts';
import { DEFAULT_SECTORS } from '../config/site-defaults.ts';
import { startScheduler, type Scheduler } from '../jobs/scheduler.ts';
import { articlePath } from '../web/urls.ts';

const MAX_BYTES = 1_000_000;
const TIMEOUT_MS = 800;

function rss(items: readonly { guid: string; title: string }[], prolog = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  const entries = items.map((i) => `<item><title>${i.title}</title><guid isPermaLink="false">${i.guid}</guid><link>https://wire.example/${i.guid}</link><pubDate>Sun, 29 Nov 2026 10:00:00 GMT</pubDate><description>Filed for the bad-input test, long enough to be a summary.</description></item>`);
  return `${prolog}<rss version="2.0"><channel><title>Bad wire</title><link>https://wire.example/</link><description>x</description>${entries.join('')}</channel></rss>`;
}

const raw = (body: string | Uint8Array, headers: Record<string, string> = { 'content-type': 'application/rss+xml; charset=utf-8' }): FeedFault => ({
  kind: 'raw',
  body: typeof body === 'string' ? Buffer.from(body) : body,
  headers,
});
const goodFeed = rss([{ guid: 'bad-1', title: 'Brotli wire story' }]);
const jsonFeed = '{"version":"https://jsonfeed.org/version/1.1","title":"Bad wire","items":[{"id":"j1","title":"JSON story","content_text":"Body."}]}';
const zeros = Buffer.alloc(16 * MAX_BYTES);

// A fault, and the error the source must then show.
const FAILURES: readonly (readonly [string, FeedFault, RegExp])[] = [
  ['malformed XML', raw('<?xml version="1.0"?><rss version="2.0"><channel><item><title>a</tit></item>'), /^parse\/rss: truncated XML/],
  ['truncated XML', raw(goodFeed.slice(0, goodFeed.length - 40)), /^parse\/rss: truncated XML \(root element <rss> is never closed\)/],
  ['a body cut off mid-transfer', { kind: 'truncated', bytes: 120 }, /^fetch\/http: .*feeds\/0\.xml: /],
  ['malformed JSON', raw('{"version":"https://jsonfeed.org/version/1.1", title: x}', { 'content-type': 'application/feed+json' }), /^parse\/jsonfeed: malformed JSON/],
  ['truncated JSON', raw(jsonFeed.slice(0, 90), { 'content-type': 'application/feed+json' }), /^parse\/jsonfeed: malformed JSON/],
  ['an empty body', raw(''), /^parse: empty document/],
  ['an HTML page instead of a feed', raw('<!doctype html><html><body>Login</body></html>', { 'content-type': 'text/html' }), /^parse: not a feed/],
  ['a gzip bomb', raw(gzipSync(zeros, { level: 9 }), { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }), new RegExp(`body larger than ${MAX_BYTES} bytes`)],
  ['a brotli bomb', raw(brotliCompressSync(zeros), { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }), new RegExp(`body larger than ${MAX_BYTES} bytes`)],
  ['a gzip header on bytes that are not gzip', raw('<rss>not gzip</rss>', { 'content-encoding': 'gzip' }), /^fetch\/http: .*feeds\/0\.xml: /],
  ['an oversized body', raw(`<rss>${'a'.repeat(MAX_BYTES + 1)}</rss>`), new RegExp(`body larger than ${MAX_BYTES} bytes`)],
  ['a feed that redirects for ever', { kind: 'redirect-loop' }, /^fetch\/http: more than 5 redirects from /],
  ['a server that stalls mid-body', { kind: 'stall', bytes: 100 }, /^fetch\/http: .*feeds\/0\.xml: timed out$/],
  ['an external entity (XXE)', raw(rss([{ guid: 'bad-1', title: 'Leak &xxe; here' }], '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')), /^parse\/rss: entity declarations \(<!ENTITY>\) are refused/],
  [
    'billion laughs',
    raw(rss([{ guid: 'bad-1', title: 'Laugh &lol9;' }], `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">${Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i === 0 ? '' : i + 1};`.repeat(10)}">`).join('')}]>`)),
    /^parse\/rss: entity declarations \(<!ENTITY>\) are refused/,
  ],
  ['a 500', { kind: 'status', status: 500 }, /answered 500 Internal Server Error$/],
];

// Answers that are odd but legitimate: stored as the wire meant them, nothing expanded.
const LATIN1 = Buffer.concat([Buffer.from(rss([{ guid: 'bad-1', title: 'Caf' }]).replace('Caf<', 'Caf\u0000<'))]);
LATIN1[LATIN1.indexOf(0)] = 0xe9; // é in windows-1252, invalid as UTF-8
const ACCEPTED: readonly (readonly [string, FeedFault, string])[] = [
  ['a brotli body', raw(brotliCompressSync(goodFeed), { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }), 'Brotli wire story'],
  ['Latin-1 bytes labelled UTF-8', raw(LATIN1, { 'content-type': 'application/rss+xml; charset=utf-8' }), 'Café'],
  ['Latin-1 bytes with no charset anywhere', raw(LATIN1, { 'content-type': 'application/rss+xml' }), 'Café'],
  ['UTF-8 bytes labelled ISO-8859-1', raw(rss([{ guid: 'bad-1', title: 'Zürich – São Paulo' }], '<?xml version="1.0" encoding="ISO-8859-1"?>'), { 'content-type': 'text/xml; charset=iso-8859-1' }), 'Zürich – São Paulo'],
];

describe.each(testEngines())('bad input on %s', (engine) => {
  let w: WebHarness;
  let wire: WireServer;
  let scheduler: Scheduler;
  let offsetMs = 0;

  const source = async () => (await findSourceByName(w.t.store.db, 'Bad wire'))!;
  const stories = () => w.t.store.db.selectFrom('stories').selectAll().orderBy('id').execute();
  /** One day later, so the source is due whatever its back-off, then one poll. */
  async function pollAgain(): Promise<void> {
    offsetMs += 86_400_000;
    await scheduler.tick();
  }

  beforeEach(async () => {
    w = await startWeb(engine);
    wire = await startWireServer({ feeds: 1, initialItems: 3 });
    offsetMs = 0;
    await insertSource(w.t.store.db, { name: 'Bad wire', url: wire.feedUrl(0), intervalSeconds: 300 }, new Date());
    scheduler = startScheduler(
      { store: w.t.store, sectors: DEFAULT_SECTORS, logger: pino({ level: 'silent' }), now: () => new Date(Date.now() + offsetMs), fetchOptions: { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES } },
      { tickMs: 3_600_000 },
    );
    await scheduler.tick();
    expect(await stories()).toHaveLength(3);
  });
  afterEach(async () => {
    await scheduler.stop();
    await wire.close();
    await w.close();
  });

  it.each(FAILURES)('%s: a clear error, stories and validators untouched', async (_name, fault, error) => {
    const before = await stories();
    const healthy = await source();
    // A new item on the wire, so no answer can be a 304 and nothing of it may be stored.
    wire.grow();
    wire.setFault(0, fault);
    await pollAgain();
    const after = await source();
    expect(after.lastError).toMatch(error);
    expect(after).toMatchObject({ consecutiveFailures: 1, etag: healthy.etag, bodyHash: healthy.bodyHash, lastSuccessAt: healthy.lastSuccessAt });
    expect(after.lastErrorAt).toBe(after.lastFetchedAt);
    expect(await stories()).toEqual(before);
    // The wire recovers: the next poll succeeds and clears the error.
    wire.setFault(0, { kind: 'none' });
    await pollAgain();
    expect(await source()).toMatchObject({ lastError: null, consecutiveFailures: 0 });
    expect(await stories()).toHaveLength(4);
  });

  it.each(ACCEPTED)('%s: stored as meant, nothing expanded, stories untouched', async (_name, fault, headline) => {
    const before = await stories();
    wire.setFault(0, fault);
    await pollAgain();
    expect((await source()).lastError).toBeNull();
    const after = await stories();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((s) => s.headline)).toEqual([headline]);
  });

  it('escapes or strips markup injected into every text field of the article page', async () => {
    // Raw markup, and markup hidden as entities that a decoder turns back into tags
    // (which would close the page's JSON-LD <script> if printed there unescaped).
    const attack = (field: string) => `${field} "><script>alert('${field}')</script><img src=x onerror="alert('${field}')">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;`;
    const ninjs = {
      uri: 'inject-1',
      type: 'text',
      versioncreated: '2026-11-29T10:00:00Z',
      headline: attack('headline'),
      byline: attack('author'),
      located: attack('dateline'),
      description_text: attack('summary'),
      body_html: `<p>Body text.</p>${attack('body')}<a href="javascript:alert('href')">link</a><p onclick="alert('attr')">para</p>`,
      associations: { featureimage: { uri: 'pic-1', type: 'picture', description_text: attack('caption'), renditions: { baseImage: { href: 'https://img.example/1.jpg" onerror="alert(1)', mimetype: 'image/jpeg' } } } },
    };
    const before = await stories();
    wire.setFault(0, raw(JSON.stringify(ninjs), { 'content-type': 'application/json' }));
    await pollAgain();
    expect((await source()).lastError).toBeNull();
    const after = await stories();
    expect(after.slice(0, before.length)).toEqual(before);
    const story = after.at(-1)!;
    w.app.invalidateCaches();
    const res = await w.get(articlePath({ id: Number(story.id), sector: story.sector, slug: story.slug }));
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // No injected element or handler survives anywhere on the page (JSON-LD included).
    expect(html).not.toMatch(/<script>alert/i);
    expect(html).not.toMatch(/<img[^>]*src=x/i);
    expect(html).not.toMatch(/<[^>]+\son(error|click)=/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/<\/script><script>/i);
    // Each field's words survive as inert text: the markup went, the story did not.
    for (const field of ['headline', 'author', 'dateline', 'summary', 'caption']) expect(html, field).toContain(`>${field} &quot;`);
    expect(html).toContain('Body text.');
  });

  it('an identical body behind a churning ETag is not parsed again and keeps the stored validators', async () => {
    wire.setFault(0, { kind: 'etag-churn' });
    await pollAgain(); // the first churned body: same items, new ETag, a new body hash
    const first = await source();
    const before = await stories();
    await pollAgain();
    const second = await source();
    expect(second).toMatchObject({ lastError: null, etag: first.etag, bodyHash: first.bodyHash });
    expect(second.lastFetchedAt).not.toBe(first.lastFetchedAt);
    expect(await stories()).toEqual(before);
    expect(wire.requests().filter((r) => r.outcome === 200)).toHaveLength(3);
  });
});
