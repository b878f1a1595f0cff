// A news wire on 127.0.0.1 for tests that poll over real HTTP: N RSS 2.0 feeds that
// grow over time (stable guids), a "top" feed carrying the newest items of all of them
// (so two sources can race to publish the same story), conditional GET per RFC 9110
// §13, and switches for slow bodies and faults (5xx, 429 + Retry-After, truncation,
// stalls, endless redirects, ETags that change on every request, and raw bytes with
// any headers, for malformed, hostile or compressed bodies).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedFault =
  | { readonly kind: 'none' }
  /** Answers this status with a short text body. */
  | { readonly kind: 'status'; readonly status: number }
  /** 429 Too Many Requests with Retry-After in seconds (RFC 9110 §10.2.3). */
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
  /** Promises the whole body in Content-Length, sends `bytes` of it and cuts the connection. */
  | { readonly kind: 'truncated'; readonly bytes: number }
  /** Sends the headers and `bytes` of the body, then nothing, without closing. */
  | { readonly kind: 'stall'; readonly bytes: number }
  /** 302 to itself, for ever. */
  | { readonly kind: 'redirect-loop' }
  /** The real feed, but a new ETag on every request and validators ignored (always 200). */
  | { readonly kind: 'etag-churn' }
  /** 200 with exactly these bytes and headers (no validators): bad, hostile or encoded bodies. */
  | { readonly kind: 'raw'; readonly body: Uint8Array; readonly headers?: Readonly<Record<string, string>> };

/** `top` is the cross-feed latest window. */
export type FeedKey = number | 'top';

export interface WireItem {
  readonly guid: string;
  readonly feed: number;
  readonly title: string;
  /** A second sentence, for the description. */
  readonly lead: string;
  readonly publishedAt: Date;
}

export interface WireRequest {
  readonly feed: FeedKey;
  /** Path and query as requested: two sources may read one feed under different URLs. */
  readonly url: string;
  /** Date.now() when the request came in and when its answer ended. */
  readonly startedAt: number;
  readonly endedAt: number;
  /** `200`, `304`, a fault status, or `truncated` / `aborted` / `stalled` when the body did not arrive. */
  readonly outcome: number | 'truncated' | 'aborted' | 'stalled';
}

export interface WireServerOptions {
  readonly feeds: number;
  /** Items each feed starts with. */
  readonly initialItems?: number;
  /** Every this many ms each feed gains one item; 0 leaves growth to `grow()`. */
  readonly growEveryMs?: number;
  /** How many of the newest items `top` carries. */
  readonly topSize?: number;
  /** Loopback address to listen on (default 127.0.0.1); 127.0.0.2… give the bench distinct hosts. */
  readonly host?: string;
}

export interface WireServer {
  readonly url: string;
  feedUrl(feed: FeedKey): string;
  /** Holds back the second half of the body this long (`all`: every feed, `top` included). */
  setSlow(feed: FeedKey | 'all', ms: number): void;
  setFault(feed: FeedKey, fault: FeedFault): void;
  /** Extra headers on this feed's 200 and 304 answers (e.g. Cache-Control). */
  setHeaders(feed: FeedKey, headers: Readonly<Record<string, string>>): void;
  /** URLs whose slow 200 body is half written right now (see `setSlow`). */
  midBody(): ReadonlySet<string>;
  /** Adds one item to every feed now. */
  grow(): void;
  stopGrowing(): void;
  /** Every item created so far, oldest first. */
  items(): readonly WireItem[];
  /** Guids that went out in a complete 200 body. */
  served(): ReadonlySet<string>;
  requests(): readonly WireRequest[];
  close(): Promise<void>;
}

interface FeedBody {
  readonly xml: Buffer;
  readonly etag: string;
  readonly lastModified: string;
  readonly guids: readonly string[];
}

const PATH = /^\/feeds\/(top|\d+)\.xml$/;
// Each item's headline and lead are its own, as on a real wire: items that differ only
// in a number are re-sends to the duplicates stage (ingest/dedupe) and would be merged.
const PLACES = ['Lagos', 'Quito', 'Hanoi', 'Tbilisi', 'Dakar', 'Kochi', 'Bergen', 'Perth', 'Cusco', 'Tunis', 'Almaty', 'Suva', 'Cebu', 'Porto', 'Accra', 'Mysore', 'Kigali', 'Oslo', 'Lima', 'Pune', 'Riga', 'Hobart', 'Arusha', 'Bilbao', 'Osaka', 'Fez', 'Recife', 'Cork', 'Davao', 'Lviv'];
const WHO = ['harbour pilots', 'rice farmers', 'glacier scientists', 'railway unions', 'vaccine makers', 'election monitors', 'drought planners', 'turbine engineers', 'budget auditors', 'satellite operators', 'tariff negotiators', 'monsoon forecasters', 'ferry crews'];
const DOES = ['approve', 'delay', 'review', 'expand', 'question', 'fund', 'suspend', 'unveil', 'extend', 'oppose', 'test', 'audit', 'restore', 'debate', 'reject', 'welcome', 'trial', 'redesign'];
const WHAT = ['dredging works', 'fuel subsidies', 'bridge repairs', 'water tariffs', 'school meals', 'grain reserves', 'port fees', 'pension rules', 'clinic hours', 'bus routes', 'seed loans', 'power lines', 'flood maps', 'exam dates', 'tram fares', 'fishing quotas', 'housing grants', 'road tolls', 'vaccine stocks', 'data centres', 'cable cars', 'ferry timetables', 'forest permits', 'solar tenders'];

/** Words for item `n` of `feed`: a different pick for every item (mulberry32 seeded by both). */
function itemTitle(feed: number, n: number): { title: string; lead: string } {
  let a = (feed * 100_003 + n * 7919 + 1) >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const title = `${pick(PLACES)} ${pick(WHO)} ${pick(DOES)} ${pick(WHAT)} (${feed}/${n})`;
  return { title, lead: `${pick(WHO)} in ${pick(PLACES)} said they would ${pick(DOES)} ${pick(WHAT)} and ${pick(WHAT)}` };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderRss(title: string, link: string, items: readonly WireItem[]): string {
  const entries = items.map(
    (it) => `<item><title>${escapeXml(it.title)}</title><link>${escapeXml(`${link}/story/${it.guid}`)}</link><guid isPermaLink="false">${it.guid}</guid>` +
      `<pubDate>${it.publishedAt.toUTCString()}</pubDate><description>${escapeXml(`<p>${it.title}. ${it.lead}.</p>`)}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link><description>test wire</description>\n${entries.join('\n')}\n</channel></rss>\n`;
}

/** RFC 9110 §13.1.2: If-None-Match is a list of (weakly compared) tags or `*`. */
function matchesEtag(header: string, etag: string): boolean {
  const opaque = etag.replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === opaque);
}

/** RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only counts without it. */
function isNotModified(req: IncomingMessage, body: FeedBody): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return matchesEtag(inm, body.etag);
  const ims = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(ims) && Date.parse(body.lastModified) <= ims;
}

export async function startWireServer(opts: WireServerOptions): Promise<WireServer> {
  const perFeed: WireItem[][] = Array.from({ length: opts.feeds }, () => []);
  const all: WireItem[] = [];
  const served = new Set<string>();
  const log: WireRequest[] = [];
  const slow = new Map<FeedKey, number>();
  /** URL → how many slow answers to it are between their two halves. */
  const midBody = new Map<string, number>();
  const faults = new Map<FeedKey, FeedFault>();
  const extraHeaders = new Map<FeedKey, Readonly<Record<string, string>>>();
  let churn = 0;
  const topSize = opts.topSize ?? 30;
  let base = '';

  function grow(): void {
    const at = new Date();
    for (const [feed, items] of perFeed.entries()) {
      const n = items.length + 1;
      const { title, lead } = itemTitle(feed, n);
      const item = { guid: `wire-${feed}-${n}`, feed, title, lead, publishedAt: at };
      items.push(item);
      all.push(item);
    }
  }
  for (let i = 0; i < (opts.initialItems ?? 3); i++) grow();
  const timer = opts.growEveryMs ? setInterval(grow, opts.growEveryMs) : undefined;

  function bodyFor(feed: FeedKey): FeedBody {
    const items = feed === 'top' ? all.slice(-topSize) : (perFeed[feed] ?? []);
    const newestFirst = [...items].reverse();
    const newest = newestFirst[0]?.publishedAt ?? new Date(0);
    return {
      xml: Buffer.from(renderRss(feed === 'top' ? 'Top stories' : `Feed ${feed}`, base, newestFirst)),
      etag: `"${feed}-${feed === 'top' ? all.length : items.length}"`,
      lastModified: newest.toUTCString(),
      guids: items.map((i) => i.guid),
    };
  }

  function answer(req: IncomingMessage, res: ServerResponse, feed: FeedKey): void {
    const startedAt = Date.now();
    const record = (outcome: WireRequest['outcome']) => log.push({ feed, url: req.url ?? '', startedAt, endedAt: Date.now(), outcome });
    const fault = faults.get(feed) ?? { kind: 'none' };
    if (fault.kind === 'status' || fault.kind === 'rate-limited') {
      const status = fault.kind === 'status' ? fault.status : 429;
      res.writeHead(status, { 'content-type': 'text/plain', ...(fault.kind === 'rate-limited' ? { 'retry-after': String(fault.retryAfterSeconds) } : {}) });
      res.end(`test wire: ${status}\n`);
      record(status);
      return;
    }
    if (fault.kind === 'redirect-loop') {
      res.writeHead(302, { location: req.url ?? '/' }).end();
      record(302);
      return;
    }
    if (fault.kind === 'raw') {
      res.writeHead(200, { 'content-length': fault.body.byteLength, ...fault.headers }).end(fault.body);
      record(200);
      return;
    }
    const body = bodyFor(feed);
    const extra = extraHeaders.get(feed) ?? {};
    const validators = { etag: fault.kind === 'etag-churn' ? `"churn-${++churn}"` : body.etag, 'last-modified': body.lastModified, ...extra };
    if (fault.kind !== 'etag-churn' && isNotModified(req, body)) {
      res.writeHead(304, validators).end();
      record(304);
      return;
    }
    res.writeHead(200, { ...validators, 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': body.xml.length });
    if (fault.kind === 'truncated') {
      res.write(body.xml.subarray(0, Math.min(fault.bytes, body.xml.length - 1)), () => res.destroy());
      record('truncated');
      return;
    }
    if (fault.kind === 'stall') {
      res.write(body.xml.subarray(0, Math.min(fault.bytes, body.xml.length - 1)));
      res.on('close', () => record('stalled'));
      return;
    }
    res.on('close', () => {
      if (!res.writableFinished) record('aborted');
    });
    res.on('finish', () => {
      for (const g of body.guids) served.add(g);
      record(200);
    });
    const delay = slow.get(feed) ?? 0;
    if (delay <= 0) {
      res.end(body.xml);
      return;
    }
    const half = Math.floor(body.xml.length / 2);
    const url = req.url ?? '';
    res.write(body.xml.subarray(0, half));
    midBody.set(url, (midBody.get(url) ?? 0) + 1);
    const rest = setTimeout(() => res.end(body.xml.subarray(half)), delay);
    res.on('close', () => {
      clearTimeout(rest);
      const left = (midBody.get(url) ?? 1) - 1;
      if (left > 0) midBody.set(url, left);
      else midBody.delete(url);
    });
  }

  const server = createServer((req, res) => {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://wire').pathname);
    const key = match?.[1];
    const feed: FeedKey | undefined = key === 'top' ? 'top' : key !== undefined && Number(key) < opts.feeds ? Number(key) : undefined;
    if (feed === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such feed\n');
      return;
    }
    answer(req, res, feed);
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  base = `http://${host}:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    feedUrl: (feed) => `${base}/feeds/${feed}.xml`,
    setSlow(feed, ms) {
      const keys: FeedKey[] = feed === 'all' ? ['top', ...perFeed.keys()] : [feed];
      for (const k of keys) slow.set(k, ms);
    },
    setFault: (feed, fault) => void faults.set(feed, fault),
    setHeaders: (feed, headers) => void extraHeaders.set(feed, headers),
    grow,
    stopGrowing: () => clearInterval(timer),
    items: () => all,
    served: () => served,
    requests: () => log,
    midBody: () => new Set(midBody.keys()),
    async close() {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
