// What every feed format is written from: one channel and its entries, mapped from
// stories once here, so RSS, Atom and JSON Feed can never disagree on a field.
import { hash } from 'node:crypto';
import type { SiteSettings } from '../../domain/site.ts';
import type { StorySummary } from '../../domain/story.ts';
import { sanitizeHtml } from '../../lib/html-sanitize.ts';
import { isPieceKind } from '../../domain/story.ts';
import { PIECE_PAGES } from '../piece-kinds.ts';
import { absoluteUrl, articleIdPath, articlePath, feedPath, safeImageUrl, sectorName, sourcePath } from '../urls.ts';

export interface FeedChannel {
  readonly title: string;
  /** The HTML page the feed stands for. */
  readonly link: string;
  /** The feed's own URL (rel="self", JSON Feed feed_url); also the Atom feed id. */
  readonly selfUrl: string;
  readonly description: string;
  readonly language: string;
  /** Who the feed is by when an entry names nobody (Atom wants an author for each entry). */
  readonly author: string;
  readonly updatedAt?: string;
  /** WebSub hubs to advertise beside rel="self". */
  readonly hubs?: readonly string[];
}

export interface FeedImage {
  readonly url: string;
  /** MIME type, when the URL's extension tells it. */
  readonly type?: string;
  readonly caption?: string;
}

export interface FeedEntry {
  /** Stable across versions: the story's id URL, never its canonical one (slug and sector may change). */
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  /** Sanitized body, only when WIREDESK_FEED_FULL_CONTENT=1. */
  readonly bodyHtml?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly author?: string;
  readonly categories: readonly string[];
  readonly image?: FeedImage;
  /** Where the item came from: the agency for wire copy, its page and its RSS feed (RSS <source> wants a feed). */
  readonly source?: { readonly name: string; readonly url: string; readonly feedUrl: string };
}

export interface EntryOptions {
  /** WIREDESK_FEED_FULL_CONTENT: bodies in feeds only where the agencies' licences allow it. */
  readonly fullContent: boolean;
  /** Makes a stored body safe to send; sanitizes afresh when not given (see createBodyCleaner). */
  readonly cleanBody?: (bodyHtml: string) => string;
}

/**
 * Stored bodies are sanitized on the way in; feeds sanitize again, since a feed reader
 * trusts what we send and a desk edit or an old row must not smuggle a script. That costs
 * about 1 ms a body, 50 a feed: the result is kept per body (by its hash), the newest
 * `max` bodies.
 */
export function createBodyCleaner(site: SiteSettings, max = 2_000): (bodyHtml: string) => string {
  const clean = new Map<string, string>();
  return (bodyHtml) => {
    const key = hash('sha1', bodyHtml, 'base64');
    let out = clean.get(key);
    if (out === undefined) {
      out = feedText(sanitizeHtml(bodyHtml, { baseUrl: site.baseUrl }));
      // Map keeps insertion order: the first key is the oldest.
      if (clean.size >= max) clean.delete(clean.keys().next().value!);
      clean.set(key, out);
    }
    return out;
  };
}

export const CORRECTION_CATEGORY = 'Correction';
/** Roundups are made by Wiredesk from wire briefs, not sent by an agency: feeds say so. */
export const ROUNDUP_CATEGORY = 'Roundup (auto-generated)';

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The image's MIME type from its path's extension; undefined rather than a guess. */
export function imageType(url: string): string | undefined {
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext ? IMAGE_TYPES[ext] : undefined;
}

// XML 1.0 §2.2 allows neither C0 controls (but tab, LF, CR) nor U+FFFE/U+FFFF nor lone
// surrogates: one of them in a headline would make the whole feed ill-formed.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text every format can carry: characters XML forbids are dropped. */
export function feedText(s: string): string {
  return s.replace(NOT_XML_CHAR, '');
}

/** A story as feeds need it: the body only when full content is on. */
export type FeedStory = StorySummary & { readonly bodyHtml?: string };

export function toFeedEntry(site: SiteSettings, s: FeedStory, opts: EntryOptions): FeedEntry {
  const imageUrl = safeImageUrl(site, s.imageUrl);
  const type = imageUrl ? imageType(imageUrl) : undefined;
  const author = s.agency ?? s.author;
  const sector = sectorName(site, s.sector);
  return {
    id: absoluteUrl(site, articleIdPath(s.id)),
    url: absoluteUrl(site, articlePath(s)),
    title: feedText(s.headline),
    summary: feedText(s.summary),
    ...(opts.fullContent && s.bodyHtml !== undefined
      ? { bodyHtml: opts.cleanBody ? opts.cleanBody(s.bodyHtml) : feedText(sanitizeHtml(s.bodyHtml, { baseUrl: site.baseUrl })) }
      : {}),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    ...(author ? { author: feedText(author) } : {}),
    // A corrected story says so in feeds too, as a category readers and filters can see.
    // A signed piece says what it is in feeds too, as its first category; a roundup that it was made by machine.
    categories: [...(isPieceKind(s.kind) ? [PIECE_PAGES[s.kind].label] : []), sector, ...(s.kind === 'roundup' ? [ROUNDUP_CATEGORY] : []), ...(s.correctedAt ? [CORRECTION_CATEGORY] : [])],
    ...(imageUrl
      ? { image: { url: imageUrl, ...(type ? { type } : {}), ...(s.imageCaption ? { caption: feedText(s.imageCaption) } : {}) } }
      : {}),
    // Wire copy names its agency, the feed's form of the provenance notice.
    ...(s.kind === 'wire' && s.agency
      ? { source: { name: feedText(s.agency), url: absoluteUrl(site, sourcePath(s.agency)), feedUrl: absoluteUrl(site, feedPath({ kind: 'source', agency: s.agency })) } }
      : {}),
  };
}
