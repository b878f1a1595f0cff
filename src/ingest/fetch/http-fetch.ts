// Conditional GET per RFC 9110 §13: send the validators we stored, treat 304 as
// "nothing new". Bodies are capped and time-limited so one slow or huge feed cannot
// stall a run; redirects are followed by hand so their number is bounded. The cap
// counts decoded bytes (fetch inflates gzip, deflate and br as it streams), so a small
// compressed "bomb" is cut off at the cap like any oversized body.
import type { FetchOutcome, Validators } from './fetch-outcome.ts';
import { MAX_BODY_BYTES } from './file-fetch.ts';
import { hashBody } from './body-hash.ts';
import { freshnessSeconds, retryAfterSeconds } from './cache-headers.ts';
import { redactUrl, splitCredentials } from '../../lib/redact.ts';

export interface HttpFetchOptions {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function fetchHttp(url: string, validators: Validators = {}, opts: HttpFetchOptions = {}): Promise<FetchOutcome> {
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 30_000);
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? 'Wiredesk/0.1 (+https://github.com/wiredesk)',
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, application/json;q=0.8, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;

  // Credentials in the URL go in a header (fetch refuses them in URLs), and only to
  // the origin they were given for: a redirect elsewhere drops them, as curl does.
  const given = splitCredentials(url);
  let origin: string;
  try {
    origin = new URL(given.url).origin;
  } catch {
    return { kind: 'failed', error: `fetch/http: not a valid URL: ${redactUrl(url)}` };
  }
  if (given.authorization) headers.authorization = given.authorization;
  let current = given.url;
  try {
    for (let hop = 0; hop <= (opts.maxRedirects ?? 5); hop++) {
      const res = await fetch(current, { headers, redirect: 'manual', signal });
      if (REDIRECTS.has(res.status)) {
        const next = res.headers.get('location');
        await res.body?.cancel();
        if (!next) return { kind: 'failed', error: `fetch/http: ${res.status} without Location from ${redactUrl(current)}` };
        const target = splitCredentials(new URL(next, current).toString());
        current = target.url;
        if (target.authorization) headers.authorization = target.authorization;
        else if (new URL(current).origin !== origin) delete headers.authorization;
        continue;
      }
      const freshFor = freshnessSeconds(res.headers);
      const fresh = freshFor === undefined ? {} : { freshForSeconds: freshFor };
      if (res.status === 304) {
        await res.body?.cancel();
        return { kind: 'not-modified', by: 'validators', ...fresh };
      }
      if (!res.ok) {
        await res.body?.cancel();
        const retry = retryAfterSeconds(res.headers);
        return {
          kind: 'failed',
          error: `fetch/http: ${redactUrl(current)} answered ${res.status} ${res.statusText}`.trim(),
          ...(retry === undefined ? {} : { retryAfterSeconds: retry }),
        };
      }
      // A declared length past the cap fails before a byte is read (an encoded body's
      // length says nothing about its decoded size, so readCapped still counts).
      const declared = Number(res.headers.get('content-length'));
      if (!res.headers.has('content-encoding') && declared > maxBytes) {
        await res.body?.cancel();
        return { kind: 'failed', error: `fetch/http: ${redactUrl(current)}: body larger than ${maxBytes} bytes` };
      }
      const bytes = await readCapped(res, maxBytes);
      if (bytes === undefined) return { kind: 'failed', error: `fetch/http: ${redactUrl(current)}: body larger than ${maxBytes} bytes` };
      // Servers that ignore If-None-Match (or send a new ETag per request) still send the
      // same bytes: those need no parse and no publish, and keep the stored validators.
      const bodyHash = hashBody(bytes);
      if (validators.bodyHash === bodyHash) return { kind: 'not-modified', by: 'same-body', ...fresh };
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      const contentType = res.headers.get('content-type');
      return {
        kind: 'ok',
        bytes,
        bodyHash,
        location: current,
        ...fresh,
        ...(contentType ? { contentType } : {}),
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
      };
    }
    return { kind: 'failed', error: `fetch/http: more than ${opts.maxRedirects ?? 5} redirects from ${redactUrl(url)}` };
  } catch (err) {
    const e = err as Error;
    const why = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timed out' : (e.cause as Error | undefined)?.message ?? e.message;
    return { kind: 'failed', error: `fetch/http: ${redactUrl(current)}: ${why}` };
  }
}

/** Reads the (already decompressed) body, giving up past maxBytes. */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
