// JSON Feed 1.1 out (https://www.jsonfeed.org/version/1.1/). JSON.stringify does the
// escaping; "<" is written as \u003c anyway, so a feed opened in a browser, or pasted
// into a page, can never close a script element.
import type { FeedChannel, FeedEntry } from './feed-entry.ts';

export const JSON_FEED_TYPE = 'application/feed+json';
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

function item(e: FeedEntry) {
  return {
    id: e.id,
    url: e.url,
    title: e.title,
    summary: e.summary,
    // The spec wants content_html or content_text in every item: the summary stands in
    // for the body when full content is off.
    ...(e.bodyHtml !== undefined ? { content_html: e.bodyHtml } : { content_text: e.summary }),
    ...(e.image ? { image: e.image.url } : {}),
    date_published: new Date(e.createdAt).toISOString(),
    date_modified: new Date(e.updatedAt).toISOString(),
    ...(e.author ? { authors: [{ name: e.author, ...(e.source ? { url: e.source.url } : {}) }] } : {}),
    tags: [...e.categories],
  };
}

export function renderJsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.link,
    feed_url: channel.selfUrl,
    description: channel.description,
    language: channel.language,
    authors: [{ name: channel.author }],
    ...(channel.hubs && channel.hubs.length > 0 ? { hubs: channel.hubs.map((url) => ({ type: 'WebSub', url })) } : {}),
    items: entries.map(item),
  };
  return JSON.stringify(feed).replaceAll('<', '\\u003c');
}
