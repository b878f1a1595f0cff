// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/) as it comes over the wire.
// JSON is `unknown` until read here: every member is checked for its type, and a member
// of the wrong type reads as absent rather than failing the feed.

export interface JsonFeedHead {
  readonly title?: string;
  readonly homePageUrl?: string;
  readonly language?: string;
  readonly authors: readonly string[];
  readonly items: readonly unknown[];
}

export interface JsonFeedItem {
  readonly id?: string;
  readonly url?: string;
  readonly externalUrl?: string;
  readonly title?: string;
  readonly contentHtml?: string;
  readonly contentText?: string;
  readonly summary?: string;
  readonly image?: string;
  readonly bannerImage?: string;
  readonly datePublished?: string;
  readonly dateModified?: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly language?: string;
  readonly imageAttachments: readonly { readonly url?: string; readonly type?: string }[];
}

type JsonObject = Readonly<Record<string, unknown>>;

/** The feed object, or a reason it is not one. */
export function readJsonFeed(value: unknown): JsonFeedHead | string {
  const feed = asObject(value);
  if (!feed) return 'top level is not an object';
  if (!Array.isArray(feed['items'])) return 'items is not an array';
  return {
    title: str(feed['title']),
    homePageUrl: str(feed['home_page_url']),
    language: str(feed['language']),
    authors: readAuthors(feed),
    items: feed['items'],
  };
}

export function readJsonFeedItem(value: unknown): JsonFeedItem {
  const item = asObject(value) ?? {};
  const id = item['id'];
  return {
    // 1.0 feeds sometimes give numeric ids; the spec says "string", the intent is clear.
    id: typeof id === 'number' && Number.isFinite(id) ? String(id) : str(id),
    url: str(item['url']),
    externalUrl: str(item['external_url']),
    title: str(item['title']),
    contentHtml: str(item['content_html']),
    contentText: str(item['content_text']),
    summary: str(item['summary']),
    image: str(item['image']),
    bannerImage: str(item['banner_image']),
    datePublished: str(item['date_published']),
    dateModified: str(item['date_modified']),
    authors: readAuthors(item),
    tags: Array.isArray(item['tags']) ? item['tags'].filter((t): t is string => typeof t === 'string') : [],
    language: str(item['language']),
    imageAttachments: Array.isArray(item['attachments'])
      ? item['attachments'].map(asObject).map((a) => ({ url: str(a?.['url']), type: str(a?.['mime_type']) }))
      : [],
  };
}

// 1.1 `authors` (array) supersedes 1.0 `author` (object).
function readAuthors(holder: JsonObject): readonly string[] {
  const authors = Array.isArray(holder['authors']) ? holder['authors'] : [holder['author']];
  return authors.map((a) => str(asObject(a)?.['name'])).filter((n): n is string => n !== undefined);
}

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
