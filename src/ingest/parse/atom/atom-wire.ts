// Atom 1.0 (RFC 4287, and the 0.3 names it replaced) as it comes over the wire.
import { ATTR, asArray, asElement, attrOf, textOf, textsOf, TEXT, type XmlDocument, type XmlElement } from '../../../lib/xml.ts';

/** An Atom text construct (RFC 4287 §3.1) or content element (§4.1.3). */
export interface AtomText {
  /** `text`, `html`, `xhtml` or a MIME type; lower-case. */
  readonly type: string;
  /** Decoded text for text/html; raw inner markup for xhtml (kept raw by the XML reader). */
  readonly value: string;
  readonly src?: string;
  readonly base?: string;
}

export interface AtomLink {
  readonly href?: string;
  readonly rel: string;
  readonly type?: string;
}

export interface AtomFeedHead {
  readonly title?: AtomText;
  readonly links: readonly AtomLink[];
  readonly authors: readonly string[];
  readonly language?: string;
  readonly base?: string;
  readonly entries: readonly XmlElement[];
}

export interface AtomEntry {
  readonly element: XmlElement;
  readonly id?: string;
  readonly title?: AtomText;
  readonly links: readonly AtomLink[];
  readonly summary?: AtomText;
  readonly content?: AtomText;
  readonly authors: readonly string[];
  readonly published?: string;
  readonly updated?: string;
  readonly categories: readonly string[];
  readonly source?: string;
  readonly language?: string;
  readonly base?: string;
}

export const ATOM_NAMESPACES: Readonly<Record<string, string>> = {
  'http://www.w3.org/2005/Atom': '',
  'http://purl.org/atom/ns#': '',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://purl.org/dc/elements/1.1/': 'dc',
};

// XHTML constructs are kept as raw markup: an object model would lose the order of mixed text and tags.
const XHTML_CONSTRUCTS: ReadonlySet<string> = new Set(['title', 'subtitle', 'summary', 'content', 'rights']);

export function isXhtmlConstruct(name: string, element: XmlElement): boolean {
  return XHTML_CONSTRUCTS.has(name) && element[`${ATTR}type`] === 'xhtml';
}

/** Feed-level fields and the entry elements; an entry document is a feed of one. */
export function readAtomFeed(doc: XmlDocument): AtomFeedHead {
  const root = asElement(doc.root) ?? {};
  const isEntryDocument = doc.rootName === 'entry';
  return {
    title: isEntryDocument ? undefined : readText(root['title']),
    links: isEntryDocument ? [] : readLinks(root['link']),
    authors: isEntryDocument ? [] : readPeople(root['author']),
    language: attrOf(root, 'xml:lang'),
    base: attrOf(root, 'xml:base'),
    entries: isEntryDocument ? [root] : asArray(root['entry']).map((e) => asElement(e) ?? {}),
  };
}

export function readAtomEntry(element: XmlElement): AtomEntry {
  return {
    element,
    id: textOf(element['id']),
    title: readText(element['title']),
    links: readLinks(element['link']),
    summary: readText(element['summary']),
    content: readText(element['content']),
    authors: readPeople(element['author']),
    published: textOf(element['published']) ?? textOf(element['issued']) ?? textOf(element['dc:date']),
    updated: textOf(element['updated']) ?? textOf(element['modified']),
    categories: asArray(element['category']).map((c) => attrOf(c, 'label') ?? attrOf(c, 'term') ?? textOf(c) ?? ''),
    source: textOf(element['dc:source']),
    language: attrOf(element, 'xml:lang'),
    base: attrOf(element, 'xml:base'),
  };
}

function readText(value: unknown): AtomText | undefined {
  const node = Array.isArray(value) ? value[0] : value;
  if (node === undefined) return undefined;
  const element = asElement(node);
  const type = (attrOf(node, 'type') ?? 'text').trim().toLowerCase();
  const raw = element ? element[TEXT] : node;
  // Atom 0.3 allowed mode="escaped"; it reads like type="html".
  const mode = attrOf(node, 'mode');
  return {
    type: mode === 'escaped' && type === 'text/html' ? 'html' : type,
    value: typeof raw === 'string' ? raw : (textOf(node) ?? ''),
    src: attrOf(node, 'src'),
    base: attrOf(node, 'xml:base'),
  };
}

function readLinks(value: unknown): readonly AtomLink[] {
  return asArray(value).map((link) => ({
    href: attrOf(link, 'href') ?? textOf(link),
    rel: (attrOf(link, 'rel') ?? 'alternate').trim().toLowerCase(),
    type: attrOf(link, 'type')?.trim().toLowerCase(),
  }));
}

function readPeople(value: unknown): readonly string[] {
  return asArray(value).flatMap((person) => textsOf(asElement(person)?.['name']));
}
