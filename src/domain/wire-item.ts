// What a format parser makes of one item, before any normalizing.
// Parsers fill what the format carries and leave the rest undefined; nothing here is
// sanitized or trusted yet. Times are ISO-8601 strings in UTC.

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'jsonfeed' | 'newsml-g2' | 'ninjs' | 'nitf' | 'anpa' | 'iptc7901' | 'newsml1';

export type PubStatus = 'usable' | 'withheld' | 'canceled';

export interface WireImage {
  readonly url: string;
  readonly caption?: string;
  readonly width?: number;
  readonly height?: number;
  readonly type?: string;
}

export interface WireItem {
  /** The feed's own id (RSS guid, Atom id, JSON Feed id, agency guid). */
  readonly guid?: string;
  readonly link?: string;
  readonly title: string;
  /** Feed-provided description/summary; HTML or text, untrusted. */
  readonly summary?: string;
  /** Full body (content:encoded, Atom content, content_html); HTML, untrusted. */
  readonly bodyHtml?: string;
  /** Plain-text body when the format only carries text (JSON Feed content_text). */
  readonly bodyText?: string;
  readonly author?: string;
  readonly published?: string;
  readonly updated?: string;
  readonly categories: readonly string[];
  readonly image?: WireImage;
  /** Agency as declared by the format (e.g. NewsML provider, dc:source). */
  readonly agency?: string;
  /** Dateline as declared by the format (e.g. NITF dateline, NewsML located). */
  readonly dateline?: string;
  readonly language?: string;
  // Agency versioning (issue 3); RSS-like formats leave these undefined.
  readonly version?: number;
  readonly pubStatus?: PubStatus;
  readonly embargoUntil?: string;
  readonly signals?: readonly string[];
  readonly subjects?: readonly string[];
}

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title?: string;
  readonly link?: string;
  readonly language?: string;
  /** WebSub discovery (W3C WebSub §4): set only when the feed advertises a hub. */
  readonly websub?: WebsubLinks;
  readonly items: readonly WireItem[];
  /** Items the parser had to drop, each with why; one bad item never sinks the feed. */
  readonly rejected: readonly ItemRejection[];
}

export interface WebsubLinks {
  /** rel="hub" links, absolute http(s) URLs, in document order. */
  readonly hubs: readonly string[];
  /** rel="self": the topic URL to subscribe to; absent when the feed names none. */
  readonly self?: string;
}

export interface ItemRejection {
  readonly index: number;
  readonly reason: string;
}

export type ParseOutcome =
  | { readonly kind: 'ok'; readonly feed: ParsedFeed }
  | { readonly kind: 'failed'; readonly error: string };
