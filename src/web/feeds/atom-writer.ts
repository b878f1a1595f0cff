// Atom 1.0 out (RFC 4287), built with fast-xml-parser's XMLBuilder like the RSS writer,
// so escaping is the library's job. Same channel and entries as RSS; Atom's own names.
import { XMLBuilder } from 'fast-xml-parser';
import type { FeedChannel, FeedEntry } from './feed-entry.ts';

export const ATOM_TYPE = 'application/atom+xml';
export const ATOM_NS = 'http://www.w3.org/2005/Atom';

// RFC 4287 §4.2.15: a feed must say when it last changed; an empty feed never did.
const NEVER = '1970-01-01T00:00:00.000Z';

// suppressBooleanAttributes: its default writes an attribute whose value is "true" bare, which is not XML.
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: false, suppressEmptyNode: true, suppressBooleanAttributes: false });

const iso = (s: string): string => new Date(s).toISOString();

function entry(e: FeedEntry) {
  return {
    id: e.id,
    title: { '@type': 'text', '#text': e.title },
    link: [
      { '@rel': 'alternate', '@type': 'text/html', '@href': e.url },
      // §4.2.7.2: "enclosure" names a related, possibly large, resource; type is advisory.
      ...(e.image ? [{ '@rel': 'enclosure', '@href': e.image.url, ...(e.image.type ? { '@type': e.image.type } : {}) }] : []),
    ],
    published: iso(e.createdAt),
    updated: iso(e.updatedAt),
    // §4.1.2: an entry without an author inherits the feed's, which always has one.
    ...(e.author ? { author: { name: e.author } } : {}),
    summary: { '@type': 'text', '#text': e.summary },
    // type="html": the markup travels escaped, which XMLBuilder does; no CDATA to break out of.
    ...(e.bodyHtml !== undefined ? { content: { '@type': 'html', '#text': e.bodyHtml } } : {}),
    category: e.categories.map((term) => ({ '@term': term })),
    // Media RSS as well, so readers that only know it (and a type-less image) still get the picture.
    ...(e.image
      ? {
          'media:content': {
            '@url': e.image.url,
            '@medium': 'image',
            ...(e.image.type ? { '@type': e.image.type } : {}),
            ...(e.image.caption ? { 'media:description': e.image.caption } : {}),
          },
        }
      : {}),
  };
}

export function renderAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const doc = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    feed: {
      '@xmlns': ATOM_NS,
      '@xmlns:media': 'http://search.yahoo.com/mrss/',
      '@xml:lang': channel.language,
      // The feed's URL is its id: it never changes, and is unique to this feed.
      id: channel.selfUrl,
      title: { '@type': 'text', '#text': channel.title },
      subtitle: { '@type': 'text', '#text': channel.description },
      updated: channel.updatedAt ? iso(channel.updatedAt) : NEVER,
      author: { name: channel.author },
      link: [
        { '@rel': 'alternate', '@type': 'text/html', '@href': channel.link },
        { '@rel': 'self', '@type': ATOM_TYPE, '@href': channel.selfUrl },
        ...(channel.hubs ?? []).map((hub) => ({ '@rel': 'hub', '@href': hub })),
      ],
      generator: 'Wiredesk',
      entry: entries.map(entry),
    },
  };
  return builder.build(doc) as string;
}
