// URLs in untrusted HTML: which to keep, how to make them absolute, which only count readers.

export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
export const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

// Hosts whose images only count readers, and paths that name a counter.
const TRACKER_HOSTS: ReadonlySet<string> = new Set([
  'feeds.feedburner.com', 'feedproxy.google.com', 'pixel.wp.com', 'stats.wp.com', 'stats.wordpress.com',
  'www.google-analytics.com', 'google-analytics.com', 'ssl.google-analytics.com', 'pixel.quantserve.com',
  'b.scorecardresearch.com', 'sb.scorecardresearch.com', 'mf.feeds.reuters.com', 'pi.feedsportal.com',
  'da.feedsportal.com', 'rss.feedsportal.com', 'feedads.g.doubleclick.net', 'ad.doubleclick.net',
  'pubads.g.doubleclick.net', 'bat.bing.com', 'analytics.twitter.com', 'www.facebook.com', 'counter.yadro.ru',
  'pixel.mathtag.com', 'certify.alexametrics.com', 'ws.sharethis.com', 'rss.nytimes.com',
]);
const TRACKER_HOST_PREFIX = /^(?:stats|pixel|pixels|track|tracking|tracker|analytics|beacon|counter)\./;
const TRACKER_PATH = /\/(?:pixel|1x1|spacer|blank|transparent|beacon|tracker|track)\.(?:gif|png|jpe?g)$/i;
// Feedburner "flare" share buttons and ad slots: links whose whole content is junk.
const TRACKER_LINK_PATH = /^\/~(?:ff|a|at)\//;

/** True for images that only count readers: tiny (≤ 2 px) or served by a counter. */
export function isTrackingPixel(src: string, width?: string | number, height?: string | number): boolean {
  if (isTiny(width) || isTiny(height)) return true;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  return TRACKER_HOSTS.has(url.hostname) || TRACKER_HOST_PREFIX.test(url.hostname) || TRACKER_PATH.test(url.pathname);
}

function isTiny(size: string | number | undefined): boolean {
  if (size === undefined || size === '') return false;
  const pixels = typeof size === 'number' ? size : Number.parseInt(size, 10);
  return Number.isFinite(pixels) && pixels <= 2;
}

/** True for feedburner share-button and ad links (`/~ff/`, `/~a/`, `/~at/`). */
export function isTrackerLink(href: string): boolean {
  return href.startsWith('http://feeds.feedburner.com/~') || href.startsWith('https://feeds.feedburner.com/~')
    ? TRACKER_LINK_PATH.test(new URL(href).pathname)
    : false;
}

/** Absolute URL with an allowed scheme, resolved with the WHATWG parser browsers use. */
export function resolveUrl(raw: string | undefined, base: URL | undefined, schemes: ReadonlySet<string>): string | undefined {
  const value = raw?.trim();
  if (!value || value.startsWith('#')) return undefined;
  // URL.parse, not new URL: hostile markup is full of unparseable URLs, and a throw
  // costs some forty times a parse. Without a base, a protocol-relative URL can only
  // mean https today.
  const url = base ? URL.parse(value, base.href) : URL.parse(value.startsWith('//') ? `https:${value}` : value);
  return url !== null && schemes.has(url.protocol) ? url.href : undefined;
}

/** The base for relative URLs: an absolute http(s) URL, else none. */
export function parseBaseUrl(baseUrl: string | undefined): URL | undefined {
  const url = baseUrl ? URL.parse(baseUrl) : null;
  return url !== null && IMAGE_SCHEMES.has(url.protocol) ? url : undefined;
}
