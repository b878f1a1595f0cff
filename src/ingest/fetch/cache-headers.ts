// What a response says about when to ask again: its freshness lifetime (RFC 9111
// §4.2.1: Cache-Control max-age, else Expires minus Date) and Retry-After (RFC 9110
// §10.2.3: delay seconds or an HTTP-date). Pure: headers in, seconds out.

/** Seconds the response stays fresh; undefined when it says nothing usable. */
export function freshnessSeconds(headers: Headers): number | undefined {
  const cacheControl = headers.get('cache-control');
  if (cacheControl) {
    const directives = cacheControl.toLowerCase().split(',').map((d) => d.trim());
    // no-cache / no-store: the publisher wants every poll to reach it, so no lower bound.
    if (directives.some((d) => d === 'no-cache' || d === 'no-store')) return undefined;
    const maxAge = directives.find((d) => d.startsWith('max-age='));
    if (maxAge) {
      const seconds = Number(maxAge.slice('max-age='.length).replace(/"/g, ''));
      return Number.isInteger(seconds) && seconds >= 0 ? seconds : undefined;
    }
  }
  const expires = Date.parse(headers.get('expires') ?? '');
  if (Number.isNaN(expires)) return undefined;
  // Against the server's own clock, so a skewed clock on either side does not matter.
  const date = Date.parse(headers.get('date') ?? '');
  const seconds = Math.round((expires - (Number.isNaN(date) ? Date.now() : date)) / 1000);
  return seconds > 0 ? seconds : undefined;
}

/** Retry-After as seconds from now; undefined when absent, malformed or in the past. */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number | undefined {
  const raw = headers.get('retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) {
    const seconds = Number(raw);
    return seconds > 0 ? seconds : undefined;
  }
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  const seconds = Math.ceil((at - now) / 1000);
  return seconds > 0 ? seconds : undefined;
}
