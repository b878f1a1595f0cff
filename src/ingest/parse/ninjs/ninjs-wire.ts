// IPTC ninjs 1.x, 2.x and 3.x (news in JSON) as it comes over the wire. Member names are
// read case-insensitively: 1.x/2.x write `versioncreated`, 3.x `versionCreated`.
import type { Rendition } from '../newsml-g2/iptc-codes.ts';

export interface NinjsText {
  readonly value: string;
  readonly role?: string;
  readonly contentType?: string;
}

export interface NinjsConcept {
  readonly code?: string;
  readonly uri?: string;
  readonly scheme?: string;
  readonly name?: string;
}

export interface NinjsItem {
  readonly id?: string;
  readonly type?: string;
  readonly version?: unknown;
  readonly versionCreated?: string;
  readonly firstCreated?: string;
  readonly embargoed?: string;
  readonly pubStatus?: string;
  readonly language?: string;
  readonly title?: string;
  readonly headlines: readonly NinjsText[];
  readonly bodies: readonly NinjsText[];
  readonly descriptions: readonly NinjsText[];
  readonly bylines: readonly string[];
  readonly located?: string;
  readonly subjects: readonly NinjsConcept[];
  readonly keywords: readonly string[];
  readonly sources: readonly string[];
  readonly renditions: readonly Rendition[];
  readonly associations: readonly { readonly name: string; readonly item: NinjsItem }[];
}

type Json = Readonly<Record<string, unknown>>;

/**
 * The ninjs objects of a document: one object, an array of them (a ninjs collection), or
 * the two listings that wrap ninjs — AP Media API (`data.item`, `data.items[].item`, whose
 * stable id is `altids.itemid`, the uri carrying per-request tokens) and Superdesk's
 * `{ "item": [...] }` pages.
 */
export function readNinjsDocument(json: unknown): readonly NinjsItem[] {
  if (Array.isArray(json)) return json.flatMap((item) => (isObject(item) ? [readNinjsItem(item)] : []));
  if (!isObject(json)) return [];
  const data = member(json, 'data');
  if (isObject(data) && member(json, 'api_version') !== undefined) {
    const wrapped = [member(data, 'item'), ...asList(member(data, 'items')).map((entry) => (isObject(entry) ? member(entry, 'item') : undefined))];
    return wrapped.flatMap((item) => (isObject(item) ? [readNinjsItem(item, stringOf(member(asObject(member(item, 'altids')), 'itemid')))] : []));
  }
  const page = member(json, 'item');
  if (Array.isArray(page) && member(json, 'uri') === undefined) return readNinjsDocument(page);
  return [readNinjsItem(json)];
}

// Associations nest items in items; a story's picture is one level down, so deeper ones are not read.
const MAX_ASSOCIATION_DEPTH = 2;

export function readNinjsItem(json: Json, id?: string, depth = 0): NinjsItem {
  const get = (name: string): unknown => member(json, name);
  return {
    id: id ?? stringOf(get('uri')) ?? stringOf(get('guid')),
    type: stringOf(get('type')),
    version: get('version'),
    versionCreated: stringOf(get('versioncreated')),
    firstCreated: stringOf(get('firstcreated')),
    embargoed: stringOf(get('embargoed')),
    pubStatus: stringOf(get('pubstatus')),
    language: stringOf(get('language')),
    title: stringOf(get('title')),
    headlines: [...texts(get('headline'), 'text/plain'), ...readTexts(get('headlines'))],
    bodies: [
      ...texts(get('body_html'), 'text/html'), ...texts(get('body_xhtml'), 'application/xhtml+xml'),
      ...texts(get('body_text'), 'text/plain'), ...readTexts(get('bodies')),
    ],
    descriptions: [
      ...texts(get('description_html'), 'text/html'), ...texts(get('description_text'), 'text/plain'),
      ...readTexts(get('descriptions')),
    ],
    bylines: [
      ...texts(get('by'), undefined), ...texts(get('byline'), undefined),
      ...asList(get('authors')).flatMap((a) => texts(member(asObject(a), 'name'), undefined)),
    ].map((t) => t.value),
    located: stringOf(get('located')) ?? stringOf(member(asObject(get('located')), 'name')),
    subjects: [...asList(get('subject')), ...asList(get('subjects'))].map(readConcept),
    keywords: asList(get('keywords')).flatMap((k) => (typeof k === 'string' ? [k] : [])),
    sources: [get('copyrightholder'), get('provider'), get('source'), ...asList(get('infosource')), ...asList(get('infosources'))]
      .flatMap((s) => [stringOf(s) ?? stringOf(member(asObject(s), 'name'))].filter((n): n is string => n !== undefined)),
    renditions: entries(get('renditions')).map(([name, value]) => readRendition(name, asObject(value))),
    associations: depth >= MAX_ASSOCIATION_DEPTH ? [] : entries(get('associations')).flatMap(([name, value]) =>
      (isObject(value) ? [{ name, item: readNinjsItem(value, undefined, depth + 1) }] : [])),
  };
}

function readTexts(value: unknown): readonly NinjsText[] {
  return asList(value).flatMap((entry) => {
    const text = asObject(entry);
    const body = stringOf(member(text, 'value'));
    return body === undefined ? [] : [{ value: body, role: stringOf(member(text, 'role')), contentType: stringOf(member(text, 'contenttype')) }];
  });
}

function texts(value: unknown, contentType: string | undefined): readonly NinjsText[] {
  const text = stringOf(value);
  return text === undefined ? [] : [{ value: text, contentType }];
}

function readConcept(value: unknown): NinjsConcept {
  const concept = asObject(value);
  return {
    code: stringOf(member(concept, 'code')) ?? stringOf(member(concept, 'literal')),
    uri: stringOf(member(concept, 'uri')),
    scheme: stringOf(member(concept, 'scheme')),
    name: stringOf(member(concept, 'name')),
  };
}

function readRendition(name: string, value: Json): Rendition {
  return {
    href: stringOf(member(value, 'href')),
    name: stringOf(member(value, 'name')) ?? name,
    type: stringOf(member(value, 'mimetype')) ?? stringOf(member(value, 'contenttype')),
    width: dimension(member(value, 'width')),
    height: dimension(member(value, 'height')),
  };
}

/** Named members of a 1.x/2.x object map, or the entries of a 3.x array (named by their `name`). */
function entries(value: unknown): readonly (readonly [string, unknown])[] {
  if (Array.isArray(value)) return value.map((entry, i) => [stringOf(member(asObject(entry), 'name')) ?? String(i), entry] as const);
  return isObject(value) ? Object.entries(value) : [];
}

/** A member by name, case-insensitively (exact spelling first). */
function member(json: Json, name: string): unknown {
  if (Object.hasOwn(json, name)) return json[name];
  for (const key in json) if (key.toLowerCase() === name) return json[key];
  return undefined;
}

function dimension(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function asObject(value: unknown): Json {
  return isObject(value) ? value : {};
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
