import { makeItem } from './make-wire.ts';
import { parseFeed } from '../src/ingest/parse/index.ts';
import { normalizeItem } from '../src/ingest/normalize/index.ts';
import { fingerprintDraft, bodyKey, namesOf } from '../src/ingest/dedupe/fingerprint.ts';
import { shinglesOf } from '../src/ingest/dedupe/shingles.ts';
import { signatureOf, bandsOf } from '../src/ingest/dedupe/minhash.ts';
const base = new Date('2026-11-28T12:00:00Z');
const N = 3000;
const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>b</title><link>https://wire.example/</link><description>s</description>${Array.from({ length: N }, (_, n) => makeItem(n, base)).join('')}</channel></rss>`;
const p = parseFeed(new TextEncoder().encode(xml)); if (p.kind !== 'ok') throw 1;
const drafts = p.feed.items.map((it) => { const o = normalizeItem(it, { now: base }); if (o.kind !== 'ok') throw 2; return o.draft; });
const time = (name: string, f: (d: (typeof drafts)[number]) => unknown) => { for (const d of drafts.slice(0, 300)) f(d); const t = performance.now(); for (const d of drafts) f(d); console.log(name, ((performance.now() - t) * 1000 / N).toFixed(1), 'µs'); };
time('fingerprint', (d) => fingerprintDraft(d));
time('bodyKey', (d) => bodyKey(d.bodyHtml));
time('shingles', (d) => shinglesOf(d.headline, d.summary));
const sh = drafts.map((d) => shinglesOf(d.headline, d.summary));
let i = 0; time('signature', () => signatureOf(sh[i++ % N]!));

time('names', (d) => namesOf(d.headline));
