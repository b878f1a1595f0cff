// IPTC NewsML 1.x (AFP, ANA-MPA) as it comes over the wire: a NewsML document of NewsItems,
// each a tree of NewsComponents holding news lines, metadata and ContentItems.
import { asArray, asElement, attrOf, textOf, TEXT, type XmlDocument, type XmlElement } from '../../../lib/xml.ts';
import { toPositiveInt } from '../feed-text.ts';
import type { Rendition } from '../newsml-g2/iptc-codes.ts';

export interface NewsML1Text {
  readonly text: string;
  readonly lang?: string;
}

export interface NewsML1Code {
  readonly code: string;
  readonly scheme?: string;
}

export interface NewsML1Item {
  readonly providerId?: string;
  readonly dateId?: string;
  readonly newsItemId?: string;
  readonly revisionId?: string;
  readonly previousRevision?: string;
  readonly publicIdentifier?: string;
  readonly firstCreated?: string;
  readonly thisRevisionCreated?: string;
  readonly status?: string;
  readonly futureStatus?: string;
  readonly statusChangesAt?: string;
  readonly instructions: readonly string[];
  readonly language?: string;
  readonly headline?: string;
  readonly subHeadline?: string;
  readonly byline?: string;
  readonly dateline?: string;
  /** Provider, source and creator parties, in that order. */
  readonly parties: readonly string[];
  readonly subjectCodes: readonly NewsML1Code[];
  readonly topicNames: readonly NewsML1Text[];
  readonly keywords: readonly string[];
  /** Raw markup of the first text ContentItem's DataContent (kept raw by the reader). */
  readonly dataContent?: string;
  readonly pictures: readonly Rendition[];
}

export const NEWSML1_XML_OPTIONS = { rawContent: (name: string): boolean => name === 'DataContent' };

// NewsComponents nest; agencies use two or three levels. Deeper ones are not read.
const MAX_DEPTH = 8;
const PICTURE_MEDIA: ReadonlySet<string> = new Set(['photo', 'image', 'graphic', 'picture']);

export function readNewsML1Items(doc: XmlDocument): readonly XmlElement[] {
  if (doc.rootName !== 'NewsML') return [];
  return asArray(asElement(doc.root)?.['NewsItem']).map((item) => asElement(item) ?? {});
}

export function readNewsML1Item(item: XmlElement): NewsML1Item {
  const identifier = asElement(asElement(item['Identification'])?.['NewsIdentifier']) ?? {};
  const management = asElement(item['NewsManagement']) ?? {};
  const willChange = asElement(management['StatusWillChange']) ?? {};
  const components = collectComponents(item['NewsComponent'], 0);
  const lines = components.map((c) => asElement(c['NewsLines'])).find((l) => l !== undefined) ?? {};
  const admin = components.flatMap((c) => asArray(c['AdministrativeMetadata']).map((a) => asElement(a) ?? {}));
  const descriptive = components.flatMap((c) => asArray(c['DescriptiveMetadata']).map((d) => asElement(d) ?? {}));
  const contentItems = components.flatMap((c) => asArray(c['ContentItem']).map((i) => asElement(i) ?? {}));
  const revision = identifier['RevisionId'];
  return {
    providerId: textOf(identifier['ProviderId']),
    dateId: textOf(identifier['DateId']),
    newsItemId: textOf(identifier['NewsItemId']),
    revisionId: textOf(revision),
    previousRevision: attrOf(revision, 'PreviousRevision'),
    publicIdentifier: textOf(identifier['PublicIdentifier']),
    firstCreated: textOf(management['FirstCreated']),
    thisRevisionCreated: textOf(management['ThisRevisionCreated']),
    status: attrOf(management['Status'], 'FormalName'),
    futureStatus: attrOf(willChange['FutureStatus'], 'FormalName'),
    statusChangesAt: textOf(willChange['DateAndTime']),
    instructions: asArray(management['Instruction']).flatMap((i) => [attrOf(i, 'FormalName') ?? '']),
    language: attrOf(item, 'xml:lang') ?? descriptive.map((d) => attrOf(d['Language'], 'FormalName')).find((l) => l !== undefined),
    headline: textOf(lines['HeadLine']),
    subHeadline: textOf(lines['SubHeadLine']),
    byline: textOf(lines['ByLine']),
    dateline: textOf(lines['DateLine']),
    parties: ['Provider', 'Source', 'Creator'].flatMap((role) =>
      admin.flatMap((a) => asArray(asElement(a[role])?.['Party']).flatMap((p) => [attrOf(p, 'FormalName') ?? '']))),
    subjectCodes: [...descriptive.flatMap(readSubjectCodes), ...components.flatMap(readTopicCodes)],
    topicNames: components.flatMap(readTopicNames),
    keywords: descriptive.flatMap((d) => asArray(d['Property']).flatMap((p) =>
      attrOf(p, 'FormalName') === 'Keyword' ? [attrOf(p, 'Value') ?? ''] : [])),
    dataContent: contentItems.filter((i) => !isPicture(i)).map(rawDataContent).find((raw) => raw !== undefined && raw.trim() !== ''),
    pictures: contentItems.filter(isPicture).map(readPicture),
  };
}

function collectComponents(value: unknown, depth: number): readonly XmlElement[] {
  if (depth >= MAX_DEPTH) return [];
  return asArray(value).flatMap((node) => {
    const component = asElement(node) ?? {};
    return [component, ...collectComponents(component['NewsComponent'], depth + 1)];
  });
}

function readSubjectCodes(descriptive: XmlElement): readonly NewsML1Code[] {
  return asArray(descriptive['SubjectCode']).flatMap((code) => {
    const element = asElement(code) ?? {};
    return ['Subject', 'SubjectMatter', 'SubjectDetail'].flatMap((level) =>
      asArray(element[level]).flatMap((s) => {
        const formal = attrOf(s, 'FormalName');
        return formal ? [{ code: formal, scheme: attrOf(s, 'Scheme') }] : [];
      }));
  });
}

function topics(component: XmlElement): readonly XmlElement[] {
  return asArray(component['TopicSet']).flatMap((set) => asArray(asElement(set)?.['Topic']).map((t) => asElement(t) ?? {}));
}

function readTopicCodes(component: XmlElement): readonly NewsML1Code[] {
  return topics(component).flatMap((topic) => {
    const code = textOf(topic['FormalName'])?.trim();
    return code ? [{ code, scheme: attrOf(topic['FormalName'], 'Scheme') }] : [];
  });
}

function readTopicNames(component: XmlElement): readonly NewsML1Text[] {
  return topics(component).flatMap((topic) => asArray(topic['Description']).flatMap((d) =>
    attrOf(d, 'Variant') === 'Name' ? [{ text: textOf(d) ?? '', lang: attrOf(d, 'xml:lang') }] : []));
}

function isPicture(contentItem: XmlElement): boolean {
  return PICTURE_MEDIA.has(attrOf(contentItem['MediaType'], 'FormalName')?.toLowerCase() ?? '');
}

function rawDataContent(contentItem: XmlElement): string | undefined {
  const data = contentItem['DataContent'];
  const raw = typeof data === 'string' ? data : asElement(data)?.[TEXT];
  return typeof raw === 'string' ? raw : undefined;
}

function readPicture(contentItem: XmlElement): Rendition {
  const properties = asArray(asElement(contentItem['Characteristics'])?.['Property']);
  const property = (name: string): string | undefined => attrOf(properties.find((p) => attrOf(p, 'FormalName') === name), 'Value');
  return {
    href: attrOf(contentItem, 'Href'),
    name: attrOf(contentItem['Role'], 'FormalName'),
    type: attrOf(contentItem['MimeType'], 'FormalName'),
    width: toPositiveInt(property('Width')),
    height: toPositiveInt(property('Height')),
  };
}
