// A real push source on a real `serve`: the CLI adds the source (and prints its token),
// ninjs items go to POST /api/ingest/{source}, and `whereListed` reads the reader-facing
// pages a kill must empty. Shared by the wire-latency benchmark and its vitest check.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `wiredesk sources add --push NAME` on `dbPath` and returns the token it prints. */
export async function addPushSource(dbPath: string, name: string, agency = 'PTI'): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'sources', 'add', '--push', name, '--agency', agency, '--db', dbPath], {
    cwd: REPO,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const token = /token \(shown once, store it now\): (\S+)/.exec(out)?.[1];
  if (code !== 0 || !token) throw new Error(`sources add --push failed (${String(code)}):\n${out}`);
  return token;
}

/** A small ninjs 2.x text item; `canceled` is the agency's kill of the same uri. */
export function ninjsItem(n: number, opts: { version?: number; pubstatus?: 'usable' | 'canceled'; at?: Date } = {}): string {
  const at = (opts.at ?? new Date()).toISOString();
  return JSON.stringify({
    uri: `urn:wiredesk:latency:${n}`,
    type: 'text',
    version: String(opts.version ?? 1),
    versioncreated: at,
    firstcreated: at,
    pubstatus: opts.pubstatus ?? 'usable',
    language: 'en',
    headline: `Latency probe ${n}: parliament passes the water bill`,
    body_html: `<p>NEW DELHI: Parliament on Monday passed bill number ${n} on water supply after a long debate.</p><p>The minister said the law would help villages.</p>`,
  });
}

export interface PushResult {
  readonly status: number;
  /** `/article/{id}` of each item, as the push answers. */
  readonly urls: readonly string[];
  /** `new`/`updated`/`unchanged` and the story's status after it, e.g. `updated killed`. */
  readonly outcomes: readonly string[];
}

export async function pushItem(base: string, source: string, token: string, body: string): Promise<PushResult> {
  const res = await fetch(`${base}/api/ingest/${source}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  const json = (await res.json()) as { items?: { url: string; outcome: string; status: string }[]; error?: string };
  if (res.status !== 200) throw new Error(`push answered ${res.status}: ${json.error ?? ''}`);
  return { status: res.status, urls: (json.items ?? []).map((i) => i.url), outcomes: (json.items ?? []).map((i) => `${i.outcome} ${i.status}`) };
}

/** The canonical path `/article/{sector}/{id}-{slug}` that `/article/{id}` redirects to. */
export async function canonicalPath(base: string, shortUrl: string): Promise<string> {
  const res = await fetch(`${base}${shortUrl}`, { redirect: 'manual' });
  await res.body?.cancel();
  const location = res.headers.get('location');
  if (res.status !== 301 || !location) throw new Error(`${shortUrl}: expected a 301, got ${res.status}`);
  return new URL(location, base).pathname;
}

export type Listing = 'home' | 'sector' | 'feed' | 'news-sitemap';

/** Where the story at `path` is still listed (pages read afresh, `no-cache` asked for nothing: the app decides). */
export async function whereListed(base: string, path: string): Promise<Listing[]> {
  const sector = /^\/article\/([^/]+)\//.exec(path)?.[1];
  if (!sector) throw new Error(`not an article path: ${path}`);
  const pages: [Listing, string][] = [
    ['home', '/'],
    ['sector', `/news/${sector}`],
    ['feed', '/rss.xml'],
    ['news-sitemap', '/news-sitemap.xml'],
  ];
  const listed = await Promise.all(
    pages.map(async ([name, page]) => {
      const res = await fetch(`${base}${page}`);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${page} answered ${res.status}`);
      // Pages link the path; the feed and sitemap carry it inside absolute URLs.
      return body.includes(`${path}"`) || body.includes(`${path}<`) ? [name] : [];
    }),
  );
  return listed.flat();
}

export async function statusOf(base: string, path: string): Promise<number> {
  const res = await fetch(`${base}${path}`, { redirect: 'manual' });
  await res.body?.cancel();
  return res.status;
}
