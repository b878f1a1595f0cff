// RSS 2.0 out, built with fast-xml-parser's XMLBuilder so escaping is the library's
// job. Full body in content:encoded, the summary as description, the canonical URL
// as a permalink guid: readers and our own parser get the same story back.
import { XMLBuilder } from 'fast-xml-parser';

export interface FeedChannel {
  readonly title: string;
  readonly link: string;
  readonly selfUrl: string;
  readonly description: string;
  readonly language: string;
  readonly updatedAt?: string;
  /** WebSub hubs to advertise (atom:link rel="hub", beside rel="self"). */
  readonly hubs?: readonly string[];
}

export interface FeedEntry {
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly author?: string | null;
  readonly categories: readonly string[];
  readonly imageUrl?: string | null;
  /** Where the item came from (RSS 2.0 <source>): the agency for wire copy. */
  readonly source?: { readonly name: string; readonly url: string };
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  cdataPropName: '#cdata',
  format: false,
  suppressEmptyNode: true,
});

function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const items = entries.map((e) => ({
    title: e.title,
    link: e.url,
    guid: { '@isPermaLink': 'true', '#text': e.url },
    description: e.summary,
    'content:encoded': { '#cdata': e.bodyHtml.replaceAll(']]>', ']]&gt;') },
    pubDate: rfc822(e.createdAt),
    ...(e.updatedAt !== e.createdAt ? { 'atom:updated': new Date(e.updatedAt).toISOString() } : {}),
    ...(e.author ? { 'dc:creator': e.author } : {}),
    category: [...e.categories],
    ...(e.imageUrl ? { 'media:content': { '@url': e.imageUrl, '@medium': 'image' } } : {}),
    ...(e.source ? { source: { '@url': e.source.url, '#text': e.source.name } } : {}),
  }));
  const doc = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    rss: {
      '@version': '2.0',
      '@xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      '@xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      '@xmlns:media': 'http://search.yahoo.com/mrss/',
      channel: {
        title: channel.title,
        link: channel.link,
        description: channel.description,
        language: channel.language,
        'atom:link': [
          { '@href': channel.selfUrl, '@rel': 'self', '@type': 'application/rss+xml' },
          ...(channel.hubs ?? []).map((hub) => ({ '@href': hub, '@rel': 'hub' })),
        ],
        ...(channel.updatedAt ? { lastBuildDate: rfc822(channel.updatedAt) } : {}),
        generator: 'Wiredesk',
        item: items,
      },
    },
  };
  return builder.build(doc) as string;
}
