// RSS 2.0 out, built with fast-xml-parser's XMLBuilder so escaping is the library's
// job. The summary as description, the full body (when enabled) in content:encoded, the
// story's id URL as a permalink guid: readers and our own parser get the same story back.
import { XMLBuilder } from 'fast-xml-parser';
import type { FeedChannel, FeedEntry, FeedImage } from './feed-entry.ts';

export const RSS_TYPE = 'application/rss+xml';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  cdataPropName: '#cdata',
  format: false,
  suppressEmptyNode: true,
  // Its default writes an attribute whose value is "true" bare (isPermaLink), which is not XML.
  suppressBooleanAttributes: false,
});

function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

function media(image: FeedImage) {
  return {
    '@url': image.url,
    '@medium': 'image',
    ...(image.type ? { '@type': image.type } : {}),
    ...(image.caption ? { 'media:description': image.caption } : {}),
  };
}

function item(e: FeedEntry) {
  return {
    title: e.title,
    link: e.url,
    guid: { '@isPermaLink': 'true', '#text': e.id },
    description: e.summary,
    // CDATA cannot hold "]]>"; in HTML its escaped form means the same.
    ...(e.bodyHtml !== undefined ? { 'content:encoded': { '#cdata': e.bodyHtml.replaceAll(']]>', ']]&gt;') } } : {}),
    pubDate: rfc822(e.createdAt),
    ...(e.updatedAt !== e.createdAt ? { 'atom:updated': new Date(e.updatedAt).toISOString() } : {}),
    ...(e.author ? { 'dc:creator': e.author } : {}),
    category: [...e.categories],
    ...(e.image ? { 'media:content': media(e.image) } : {}),
    // RSS 2.0 wants url, length and type; the RSS Advisory Board says length 0 when unknown.
    // Without a known type there is no valid enclosure: media:content alone carries it.
    ...(e.image?.type ? { enclosure: { '@url': e.image.url, '@length': '0', '@type': e.image.type } } : {}),
    // RSS 2.0: <source url> is "the XMLization of the source": the agency's feed here.
    ...(e.source ? { source: { '@url': e.source.feedUrl, '#text': e.source.name } } : {}),
  };
}

export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
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
          { '@href': channel.selfUrl, '@rel': 'self', '@type': RSS_TYPE },
          ...(channel.hubs ?? []).map((hub) => ({ '@href': hub, '@rel': 'hub' })),
        ],
        ...(channel.updatedAt ? { lastBuildDate: rfc822(channel.updatedAt) } : {}),
        generator: 'Wiredesk',
        item: entries.map(item),
      },
    },
  };
  return builder.build(doc) as string;
}
