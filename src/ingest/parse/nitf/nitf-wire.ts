// NITF 3.x (IPTC News Industry Text Format) as it comes over the wire, standalone or
// embedded in NewsML 1 DataContent and NewsML-G2 inlineXML.
import { asArray, asElement, attrOf, parseXml, textOf, textsOf, TEXT, type XmlElement } from '../../../lib/xml.ts';

export interface NitfSubject {
  readonly refnum?: string;
  /** Who issued the code (`tobject.subject.ipr`); IPTC when absent. */
  readonly ipr?: string;
  /** The most specific name given: detail, then matter, then type. */
  readonly name?: string;
}

export interface NitfMedia {
  readonly source?: string;
  readonly mimeType?: string;
  readonly width?: string;
  readonly height?: string;
  readonly caption?: string;
}

export interface NitfDocument {
  readonly docId?: string;
  readonly managementStatus?: string;
  /** The previous version this document replaces (`management-doc-idref`). */
  readonly replaces?: string;
  readonly issued?: string;
  readonly released?: string;
  readonly expires?: string;
  readonly duKeyVersion?: string;
  readonly edMsgType?: string;
  readonly subjects: readonly NitfSubject[];
  readonly keywords: readonly string[];
  readonly docScopes: readonly string[];
  /** Who sent it, best first: distributor, doc.copyright holder, copyrite, first del-list source, doc-id regsrc. */
  readonly sources: readonly string[];
  readonly title?: string;
  /** Raw markup (kept raw by the reader) of these body.head parts and of body.content. */
  readonly headlineRaw?: string;
  readonly bylineRaw?: string;
  readonly datelineRaw?: string;
  /** Where the event took place (`evloc`): the dateline's city when the dateline gives none. */
  readonly eventCity?: string;
  readonly abstractRaw?: string;
  readonly bodyContentRaw?: string;
  readonly media: readonly NitfMedia[];
  readonly language?: string;
  /** `pubdata ex-ref`: where the publication shows this document. */
  readonly externalRef?: string;
}

// Kept as raw markup: mixed content whose order the object model would lose.
const RAW: ReadonlySet<string> = new Set(['body.content', 'hl1', 'byline', 'dateline', 'abstract']);

export const NITF_XML_OPTIONS = {
  namespaces: { 'http://iptc.org/std/NITF/2006-10-18/': '' },
  rawContent: (name: string): boolean => RAW.has(name),
};

/** Reads an NITF document held as raw markup inside another format; undefined when it is not NITF. */
export function readNitfMarkup(raw: string): NitfDocument | undefined {
  const xml = parseXml(raw, NITF_XML_OPTIONS);
  if (xml.kind === 'failed' || xml.doc.rootName !== 'nitf') return undefined;
  return readNitf(asElement(xml.doc.root) ?? {});
}

export function readNitf(nitf: XmlElement): NitfDocument {
  const head = asElement(nitf['head']) ?? {};
  const body = asElement(nitf['body']) ?? {};
  const bodyHead = asElement(body['body.head']) ?? {};
  const docdata = asElement(head['docdata']) ?? {};
  const content = body['body.content'];
  return {
    docId: attrOf(docdata['doc-id'], 'id-string'),
    managementStatus: attrOf(docdata, 'management-status'),
    replaces: attrOf(docdata, 'management-doc-idref'),
    issued: attrOf(docdata['date.issue'], 'norm'),
    released: attrOf(docdata['date.release'], 'norm'),
    expires: attrOf(docdata['date.expire'], 'norm'),
    duKeyVersion: attrOf(docdata['du-key'], 'version'),
    edMsgType: attrOf(docdata['ed-msg'], 'msg-type'),
    subjects: asArray(head['tobject']).flatMap((t) => asArray(asElement(t)?.['tobject.subject']).map(readSubject)),
    keywords: asArray(docdata['key-list']).flatMap((list) =>
      asArray(asElement(list)?.['keyword']).map((k) => attrOf(k, 'key') ?? textOf(k) ?? '')),
    docScopes: asArray(docdata['doc-scope']).map((s) => attrOf(s, 'scope') ?? ''),
    sources: [
      textOf(bodyHead['distributor']),
      attrOf(docdata['doc.copyright'], 'holder'),
      ...textsOf(bodyHead['copyrite']),
      attrOf(asElement(docdata['del-list'])?.['from-src'], 'src-name'),
      attrOf(docdata['doc-id'], 'regsrc'),
    ].filter((s): s is string => s !== undefined),
    title: textOf(head['title']),
    headlineRaw: rawOf(asElement(bodyHead['hedline'])?.['hl1']),
    bylineRaw: rawOf(bodyHead['byline']),
    datelineRaw: rawOf(bodyHead['dateline']),
    eventCity: attrOf(docdata['evloc'], 'city'),
    abstractRaw: rawOf(bodyHead['abstract']),
    bodyContentRaw: rawOf(content),
    media: readMedia(content),
    language: attrOf(nitf, 'baselang') ?? attrOf(nitf, 'xml:lang') ?? attrOf(body, 'xml:lang'),
    externalRef: attrOf(head['pubdata'], 'ex-ref'),
  };
}

function readSubject(node: unknown): NitfSubject {
  const name = attrOf(node, 'tobject.subject.detail') ?? attrOf(node, 'tobject.subject.matter') ?? attrOf(node, 'tobject.subject.type');
  return { refnum: attrOf(node, 'tobject.subject.refnum'), ipr: attrOf(node, 'tobject.subject.ipr'), name };
}

/** Raw markup of an element the reader kept raw (first one when repeated). */
function rawOf(value: unknown): string | undefined {
  const node = Array.isArray(value) ? value[0] : value;
  if (typeof node === 'string') return node;
  const raw = asElement(node)?.[TEXT];
  return typeof raw === 'string' ? raw : undefined;
}

// body.content is raw markup; its media elements are found in it by pattern, the way the
// rest of the body is carried on as markup.
const MEDIA = /<media\b[^>]*>([\s\S]*?)<\/media\s*>/g;
const MEDIA_REFERENCE = /<media-reference\b([^>]*)>/;
const MEDIA_CAPTION = /<media-caption\b[^>]*>([\s\S]*?)<\/media-caption\s*>/;

function readMedia(content: unknown): readonly NitfMedia[] {
  const raw = rawOf(content);
  if (raw === undefined || !raw.includes('<media')) return [];
  const found: NitfMedia[] = [];
  for (const match of raw.matchAll(MEDIA)) {
    const inner = match[1] ?? '';
    const reference = MEDIA_REFERENCE.exec(inner)?.[1] ?? '';
    const attr = (name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(reference)?.[1];
    found.push({
      source: attr('source'),
      mimeType: attr('mime-type'),
      width: attr('width'),
      height: attr('height'),
      caption: MEDIA_CAPTION.exec(inner)?.[1],
    });
  }
  return found;
}
