// IPTC NewsML-G2 news items and package items as they come over the wire: a newsItem or
// packageItem document, or a newsMessage carrying several in its itemSet.
import { asArray, asElement, attrOf, textOf, TEXT, type XmlDocument, type XmlElement } from '../../../lib/xml.ts';
import { toPositiveInt } from '../feed-text.ts';
import type { Rendition } from './iptc-codes.ts';

/** A NewsML-G2 concept reference (provider, subject, located, creator …). */
export interface G2Concept {
  readonly qcode?: string;
  readonly uri?: string;
  readonly literal?: string;
  readonly role?: string;
  readonly names: readonly G2Text[];
}

export interface G2Text {
  readonly text: string;
  readonly role?: string;
  readonly lang?: string;
}

export interface G2Content {
  readonly kind: 'inlineXML' | 'inlineData';
  readonly contentType?: string;
  /** Raw inner markup for inlineXML (kept raw by the reader), decoded text for inlineData. */
  readonly value: string;
}

/** A package's reference to another item, with the metadata the package repeats about it. */
export interface G2ItemRef {
  readonly residref?: string;
  readonly itemClass?: string;
  readonly title?: string;
  readonly headline?: string;
}

export interface G2Link {
  readonly rel?: string;
  readonly residref?: string;
}

export interface G2Item {
  readonly kind: 'newsItem' | 'packageItem';
  readonly guid?: string;
  readonly version?: string;
  readonly language?: string;
  readonly itemClass?: string;
  readonly provider?: G2Concept;
  readonly versionCreated?: string;
  readonly firstCreated?: string;
  readonly contentCreated?: string;
  readonly embargoed?: string;
  readonly pubStatus?: string;
  readonly signals: readonly string[];
  readonly title?: string;
  readonly links: readonly G2Link[];
  readonly headlines: readonly G2Text[];
  readonly descriptions: readonly G2Text[];
  readonly by?: string;
  readonly creators: readonly G2Concept[];
  readonly dateline?: string;
  readonly located: readonly G2Concept[];
  readonly infoSources: readonly G2Concept[];
  readonly copyrightHolder?: G2Concept;
  readonly subjects: readonly G2Concept[];
  readonly keywords: readonly string[];
  readonly contentLanguage?: string;
  readonly content?: G2Content;
  readonly renditions: readonly Rendition[];
  readonly itemRefs: readonly G2ItemRef[];
}

export const G2_NAMESPACE = 'http://iptc.org/std/nar/2006-10-01/';

export const G2_XML_OPTIONS = {
  namespaces: { [G2_NAMESPACE]: '' },
  // Inline XHTML or NITF keeps its markup: the body is passed on as HTML.
  rawContent: (name: string): boolean => name === 'inlineXML',
};

/** The news and package items of a document, with the message's language for items that give none. */
export function readG2Items(doc: XmlDocument): readonly G2Item[] {
  const root = asElement(doc.root) ?? {};
  if (doc.rootName === 'newsItem' || doc.rootName === 'packageItem') return [readG2Item(doc.rootName, root)];
  if (doc.rootName !== 'newsMessage') return [];
  return asArray(root['itemSet']).flatMap((set) => {
    const itemSet = asElement(set) ?? {};
    return [
      ...asArray(itemSet['newsItem']).map((e) => readG2Item('newsItem', asElement(e) ?? {})),
      ...asArray(itemSet['packageItem']).map((e) => readG2Item('packageItem', asElement(e) ?? {})),
    ];
  });
}

function readG2Item(kind: G2Item['kind'], item: XmlElement): G2Item {
  const meta = asElement(item['itemMeta']) ?? {};
  const content = asElement(item['contentMeta']) ?? {};
  const contentSet = asElement(item['contentSet']) ?? {};
  return {
    kind,
    guid: attrOf(item, 'guid'),
    version: attrOf(item, 'version'),
    language: attrOf(item, 'xml:lang'),
    itemClass: attrOf(meta['itemClass'], 'qcode'),
    provider: readConcepts(meta['provider'])[0],
    versionCreated: textOf(meta['versionCreated']),
    firstCreated: textOf(meta['firstCreated']),
    contentCreated: textOf(content['contentCreated']),
    embargoed: textOf(meta['embargoed']),
    pubStatus: attrOf(meta['pubStatus'], 'qcode') ?? attrOf(meta['pubStatus'], 'uri'),
    signals: asArray(meta['signal']).flatMap((s) => [attrOf(s, 'qcode') ?? attrOf(s, 'uri') ?? '']),
    title: textOf(meta['title']),
    links: asArray(meta['link']).map((l) => ({ rel: attrOf(l, 'rel'), residref: attrOf(l, 'residref') ?? attrOf(l, 'guidref') })),
    headlines: readTexts(content['headline']),
    descriptions: readTexts(content['description']),
    by: textOf(content['by']),
    creators: readConcepts(content['creator']),
    dateline: textOf(content['dateline']),
    located: readConcepts(content['located']),
    infoSources: readConcepts(content['infoSource']),
    copyrightHolder: readConcepts(asElement(item['rightsInfo'])?.['copyrightHolder'])[0],
    subjects: readConcepts(content['subject']),
    keywords: readTexts(content['keyword']).map((k) => k.text),
    contentLanguage: attrOf(content['language'], 'tag'),
    content: readContent(contentSet),
    renditions: [...asArray(contentSet['remoteContent']), ...asArray(content['icon'])].map(readRendition),
    itemRefs: kind === 'packageItem' ? readItemRefs(item) : [],
  };
}

function readConcepts(value: unknown): readonly G2Concept[] {
  return asArray(value).map((node) => ({
    qcode: attrOf(node, 'qcode'),
    uri: attrOf(node, 'uri'),
    literal: attrOf(node, 'literal'),
    role: attrOf(node, 'role'),
    names: readTexts(asElement(node)?.['name']),
  }));
}

function readTexts(value: unknown): readonly G2Text[] {
  return asArray(value).flatMap((node) => {
    const text = textOf(node)?.trim();
    return text ? [{ text, role: attrOf(node, 'role'), lang: attrOf(node, 'xml:lang') }] : [];
  });
}

function readContent(contentSet: XmlElement): G2Content | undefined {
  for (const kind of ['inlineXML', 'inlineData'] as const) {
    for (const node of asArray(contentSet[kind])) {
      const raw = typeof node === 'string' ? node : asElement(node)?.[TEXT];
      if (typeof raw === 'string' && raw.trim() !== '') return { kind, contentType: attrOf(node, 'contenttype'), value: raw };
    }
  }
  return undefined;
}

function readRendition(node: unknown): Rendition {
  return {
    href: attrOf(node, 'href'),
    name: attrOf(node, 'rendition'),
    type: attrOf(node, 'contenttype'),
    width: toPositiveInt(attrOf(node, 'width')),
    height: toPositiveInt(attrOf(node, 'height')),
  };
}

// Groups may nest through groupRefs; every itemRef of every group counts, in group order.
function readItemRefs(item: XmlElement): readonly G2ItemRef[] {
  return asArray(asElement(item['groupSet'])?.['group']).flatMap((group) =>
    asArray(asElement(group)?.['itemRef']).map((ref) => {
      const element = asElement(ref) ?? {};
      return {
        residref: attrOf(ref, 'residref'),
        itemClass: attrOf(element['itemClass'], 'qcode'),
        title: textOf(element['title']),
        headline: textOf(element['headline']),
      };
    }));
}
