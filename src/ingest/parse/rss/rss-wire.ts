// RSS 0.9x / 2.0 and RSS 1.0 (RDF) as they come over the wire: raw strings, nothing
// cleaned or resolved yet. The two families share element names; only where the items
// sit differs (inside <channel> for RSS, beside it for RDF).
import { asArray, asElement, attrOf, textOf, textsOf, type XmlDocument, type XmlElement } from '../../../lib/xml.ts';
import type { EnclosureCandidate } from '../media-image.ts';

export interface RssChannel {
  readonly title?: string;
  readonly link?: string;
  /** atom:link rel="self": the feed's own URL, a base for relative links. */
  readonly selfLink?: string;
  /** atom:link (or bare <link>) rel="hub": WebSub hubs. */
  readonly hubLinks: readonly string[];
  readonly language?: string;
  readonly base?: string;
  readonly items: readonly XmlElement[];
}

export interface RssItem {
  readonly element: XmlElement;
  readonly title?: string;
  readonly link?: string;
  readonly guid?: string;
  /** RSS 2.0: a guid is a permalink unless isPermaLink="false". */
  readonly guidIsPermaLink: boolean;
  readonly description?: string;
  readonly contentEncoded?: string;
  readonly authors: readonly string[];
  readonly pubDate?: string;
  readonly dcDate?: string;
  readonly updated?: string;
  readonly categories: readonly string[];
  readonly enclosures: readonly EnclosureCandidate[];
  readonly source?: string;
  readonly language?: string;
  readonly base?: string;
}

// Namespaces the reader looks for, by the prefix it uses; documents that bind them to other
// prefixes are renamed on the way in (see lib/xml.ts).
export const RSS_NAMESPACES: Readonly<Record<string, string>> = {
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/2005/Atom': 'atom',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
};

/** Channel-level fields and the item elements, for both `<rss>` and `<rdf:RDF>` roots. */
export function readRssChannel(doc: XmlDocument): RssChannel {
  const root = asElement(doc.root) ?? {};
  // Some feeds put <item> straight under <rss>, or RDF items inside <channel>: accept both.
  const channel = asElement(asArray(root['channel'])[0]) ?? root;
  const items = [...asArray(channel['item']), ...(channel === root ? [] : asArray(root['item']))];
  return {
    title: textOf(channel['title']),
    link: textsOf(channel['link'])[0],
    selfLink: asArray(channel['atom:link']).filter((l) => attrOf(l, 'rel') === 'self').map((l) => attrOf(l, 'href'))[0],
    hubLinks: [...asArray(channel['atom:link']), ...asArray(channel['link'])]
      .filter((l) => attrOf(l, 'rel')?.trim().toLowerCase() === 'hub')
      .map((l) => attrOf(l, 'href'))
      .filter((href): href is string => href !== undefined),
    language: textOf(channel['language']) ?? textOf(channel['dc:language']) ?? attrOf(root, 'xml:lang'),
    base: attrOf(channel, 'xml:base') ?? attrOf(root, 'xml:base'),
    items: items.map((item) => asElement(item) ?? { '#text': item }),
  };
}

export function readRssItem(element: XmlElement): RssItem {
  const guid = element['guid'];
  return {
    element,
    title: textOf(element['title']) ?? textOf(element['dc:title']),
    link: textsOf(element['link'])[0] ?? attrOf(element['link'], 'href'),
    guid: textOf(guid) ?? attrOf(element, 'rdf:about'),
    guidIsPermaLink: guid !== undefined && attrOf(guid, 'isPermaLink')?.trim().toLowerCase() !== 'false',
    description: textOf(element['description']),
    contentEncoded: textOf(element['content:encoded']),
    authors: readAuthors(element),
    pubDate: textOf(element['pubDate']),
    dcDate: textOf(element['dc:date']),
    updated: textOf(element['atom:updated']) ?? textOf(element['dcterms:modified']),
    categories: [...textsOf(element['category']), ...textsOf(element['dc:subject'])],
    enclosures: asArray(element['enclosure']).map((e) => ({ url: attrOf(e, 'url'), type: attrOf(e, 'type') })),
    source: textOf(element['dc:source']) ?? textOf(element['source']),
    language: textOf(element['dc:language']),
    base: attrOf(element, 'xml:base'),
  };
}

// dc:creator first (it names people; <author> is meant to be an e-mail address), then
// <author>, itunes:author and atom:author. An <author> element with a <name> child (seen in
// Google's feeds) gives the name, not the concatenation of its children.
function readAuthors(element: XmlElement): readonly string[] {
  const creators = textsOf(element['dc:creator']);
  if (creators.length > 0) return creators;
  for (const key of ['author', 'itunes:author', 'atom:author']) {
    const names = asArray(element[key]).map((a) => textOf(asElement(a)?.['name'] ?? asElement(a)?.['atom:name'] ?? a));
    const found = names.filter((n): n is string => n !== undefined && n.trim() !== '');
    if (found.length > 0) return found;
  }
  return [];
}
