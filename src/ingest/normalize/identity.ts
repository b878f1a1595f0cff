import type { WireItem } from '../../domain/wire-item.ts';
import { hashFields } from '../../lib/hash.ts';

// Query parameters that only say where a reader came from; they never pick the story.
const TRACKING_PARAM = /^(?:utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi)$/i;

/**
 * An absolute http(s) link without fragment and tracking parameters, host lower-cased
 * (by the WHATWG parser); relative links resolve against `base`. Undefined when the
 * link is not a usable http(s) URL.
 */
export function normalizeLink(link: string | undefined, base?: string): string | undefined {
  const value = link?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Most links have neither: '#' in href can only be the fragment's, and an empty search
  // has no parameters. Setting the hash and reading searchParams cost more than the parse.
  if (url.href.includes('#')) url.hash = '';
  if (url.search !== '') {
    const tracking = [...url.searchParams.keys()].filter((key) => TRACKING_PARAM.test(key));
    for (const key of tracking) url.searchParams.delete(key);
  }
  return url.href;
}

/**
 * The story's identity, stable across re-sends: `guid:<guid>`, else `link:<normalized
 * link>`, else `hash:` and 16 hex digits over the raw title and body (raw, so that a
 * change in our own normalizing never changes an identity).
 */
export function identify(item: WireItem, normalizedLink: string | undefined): string {
  const guid = item.guid?.trim();
  if (guid) return `guid:${guid}`;
  if (normalizedLink !== undefined) return `link:${normalizedLink}`;
  const body = item.bodyHtml ?? item.bodyText ?? item.summary ?? '';
  return `hash:${hashFields([item.title, body]).slice(0, 16)}`;
}

export interface HashedContent {
  readonly headline: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly imageUrl?: string;
  readonly imageCaption?: string;
  readonly datelineCity?: string;
  readonly agency?: string;
}

/** SHA-256 over what a reader sees: an equal hash means a re-send changed nothing. */
export function computeContentHash(content: HashedContent): string {
  return hashFields([
    content.headline,
    content.summary,
    content.bodyHtml,
    content.imageUrl,
    content.imageCaption,
    content.datelineCity,
    content.agency,
  ]);
}
