// Safe, lenient XML reading for feeds and wire formats: text in, plain objects out.
//
// Output shape (the one fast-xml-parser made familiar): child elements by tag name (an
// array when repeated), attributes as `@name`, text as `#text`; an element holding only
// text is that string, an empty one is ''. Prefixed names are kept (`dc:creator`).
//
// Hand-written rather than fast-xml-parser: on our feed corpus fast-xml-parser's parse
// alone took 70–85 % of rss-parser's CPU time, and the ingest budget is half of it; one
// indexOf-driven pass that builds the objects directly is about twice as fast again. It also lets us be exactly as
// lenient as feeds need and no more:
//   - Safety: DTDs are skipped, never read. Only the five XML entities, character
//     references and HTML named entities (which feeds use undeclared: `&nbsp;`) are
//     decoded, so neither "billion laughs" nor XXE (`SYSTEM "file:///…"`) can expand.
//   - Leniency: whitespace before `<?xml`, unquoted attributes, a stray `<` or `&`, and
//     unclosed inner elements (an end tag closes up to its open element, as HTML parsers do).
//   - Strictness: a document whose root element never closes is reported as truncated;
//     an unterminated comment, CDATA section or tag fails with its line number.
import { decodeHTMLStrict } from 'entities';

/** A parsed element: child elements by tag name, attributes as `@name`, text as `#text`. */
export interface XmlElement {
  readonly [key: string]: unknown;
}

export interface XmlDocument {
  /** Root element name after prefix renaming (e.g. `rss`, `rdf:RDF`, `feed`). */
  readonly rootName: string;
  /** The root element; a string when it holds text only. */
  readonly root: XmlElement | string;
}

export type XmlOutcome =
  | { readonly kind: 'ok'; readonly doc: XmlDocument }
  | { readonly kind: 'failed'; readonly error: string };

export interface XmlReadOptions {
  /** Elements whose inner markup is kept raw as `#text` (Atom xhtml); gets the name and attributes. */
  readonly rawContent?: (name: string, element: XmlElement) => boolean;
  /** Namespace URI -> prefix the reader expects (`''` = unprefixed); other prefixes are renamed. */
  readonly namespaces?: Readonly<Record<string, string>>;
  /** Prefixes used without a declaration, renamed when undeclared (`{ rss: '' }`). */
  readonly undeclaredPrefixes?: Readonly<Record<string, string>>;
}

export interface RootElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Offset of the root's `<`. */
  readonly start: number;
}

export const ATTR = '@';
export const TEXT = '#text';
const MAX_DEPTH = 512;

interface Frame {
  readonly name: string;
  /** The name as written, before prefix renaming. */
  readonly rawName: string;
  readonly element: Record<string, unknown>;
  text: string;
  hasKeys: boolean;
}

/** Parses XML text into plain objects; never throws. */
export function parseXml(text: string, options: XmlReadOptions = {}): XmlOutcome {
  const root = readRootElement(text);
  if (!root) return { kind: 'failed', error: 'not XML (no root element)' };
  // Entities are never expanded (no XXE, no billion laughs); a document that declares
  // them is refused outright rather than stored with its &name; references as text.
  if (/<!ENTITY\b/.test(text.slice(0, root.start))) return { kind: 'failed', error: 'entity declarations (<!ENTITY>) are refused: entities are never expanded' };
  return new XmlScanner(text, prefixRenames(text, root, options), options.rawContent).scan(root.start);
}

/** Finds the root element's name and attributes, skipping BOM, whitespace, PIs, comments, DOCTYPE. */
export function readRootElement(text: string): RootElement | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3c) return undefined;
    if (text.startsWith('<?', i)) i = indexAfter(text, '?>', i + 2) ?? -1;
    else if (text.startsWith('<!--', i)) i = indexAfter(text, '-->', i + 4) ?? -1;
    else if (text.charCodeAt(i + 1) === 0x21) i = declarationEnd(text, i + 2);
    else break;
    if (i < 0) return undefined;
  }
  const end = startTagEnd(text, i + 1);
  if (end < 0 || !isNameStart(text.charCodeAt(i + 1))) return undefined;
  const nameEnd = nameEndAt(text, i + 1, end);
  const attributes: Record<string, string> = {};
  readAttributes(text, nameEnd, end, (name, value) => { attributes[name] = value; });
  return { name: text.slice(i + 1, nameEnd), attributes, start: i };
}

// One forward pass: `<` found by indexOf, text sliced between tags, objects built as
// elements close. Each step returns the offset to continue from, or -1 after error().
class XmlScanner {
  private readonly stack: Frame[] = [];
  private root: XmlDocument | undefined;
  private lastError = '';

  constructor(
    private readonly text: string,
    private readonly renames: ReadonlyMap<string, string>,
    private readonly rawContent: XmlReadOptions['rawContent'],
  ) {}

  scan(start: number): XmlOutcome {
    const text = this.text;
    let pos = start;
    while (this.root === undefined) {
      const lt = text.indexOf('<', pos);
      const top = this.stack[this.stack.length - 1];
      if (lt < 0) break;
      if (lt > pos && top) top.text += decodeText(text.slice(pos, lt));
      const next = text.charCodeAt(lt + 1);
      let end: number;
      if (next === 0x2f) end = this.endTag(lt);
      else if (next === 0x21) end = this.bang(lt, top);
      else if (next === 0x3f) end = indexAfter(text, '?>', lt + 2) ?? this.error('processing instruction is not closed');
      else if (isNameStart(next)) end = this.startTag(lt);
      else {
        if (top) top.text += '<'; // a stray `<` in text, as in "a < b"
        end = lt + 1;
      }
      if (end < 0) return this.fail(lt, this.lastError);
      pos = end;
    }
    if (this.root) return { kind: 'ok', doc: this.root };
    const rootName = this.stack[0]?.rawName ?? '?';
    return { kind: 'failed', error: `truncated XML (root element <${rootName}> is never closed)` };
  }

  private error(message: string): number {
    this.lastError = message;
    return -1;
  }

  private startTag(lt: number): number {
    const text = this.text;
    const gt = startTagEnd(text, lt + 1);
    if (gt < 0) return this.error(`start tag <${text.slice(lt + 1, nameEndAt(text, lt + 1, Math.min(text.length, lt + 100)))}> is not closed`);
    const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
    const nameEnd = nameEndAt(text, lt + 1, gt);
    const rawName = text.slice(lt + 1, nameEnd);
    const name = safeName(renameTag(rawName, this.renames));
    const element: Record<string, unknown> = {};
    const hasAttributes = readAttributes(text, nameEnd, selfClosing ? gt - 1 : gt, (attr, value) => {
      element[ATTR + attr] = decodeText(value);
    });
    if (selfClosing) {
      this.attach(name, hasAttributes ? element : '');
      return gt + 1;
    }
    if (this.rawContent?.(name, element)) {
      const close = rawContentEnd(text, rawName, gt + 1);
      if (!close) return this.error(`<${rawName}> is never closed`);
      element[TEXT] = normalizeNewlines(text.slice(gt + 1, close[0]));
      this.attach(name, element);
      return close[1];
    }
    if (this.stack.length >= MAX_DEPTH) return this.error('elements nested too deeply');
    this.stack.push({ name, rawName, element, text: '', hasKeys: hasAttributes });
    return gt + 1;
  }

  // An end tag closes the nearest open element of its name and any left open inside it;
  // an end tag with no open element of its name is ignored.
  private endTag(lt: number): number {
    const gt = this.text.indexOf('>', lt + 2);
    if (gt < 0) return this.error('end tag is not closed');
    const rawName = this.text.slice(lt + 2, gt).trim();
    let depth = this.stack.length - 1;
    while (depth >= 0 && this.stack[depth]!.rawName !== rawName) depth--;
    while (depth >= 0 && this.stack.length > depth) this.closeTop();
    return gt + 1;
  }

  private bang(lt: number, top: Frame | undefined): number {
    const text = this.text;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      return end < 0 ? this.error('comment is not closed') : end + 3;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) return this.error('CDATA section is not closed');
      if (top) top.text += normalizeNewlines(text.slice(lt + 9, end));
      return end + 3;
    }
    const end = declarationEnd(text, lt + 2); // a misplaced DOCTYPE: skipped, never read
    return end < 0 ? this.error('declaration is not closed') : end;
  }

  private closeTop(): void {
    const frame = this.stack.pop()!;
    const text = frame.text.trim();
    let value: XmlElement | string = text;
    if (frame.hasKeys) {
      if (text !== '') frame.element[TEXT] = text;
      value = frame.element;
    }
    if (this.stack.length === 0) this.root = { rootName: frame.name, root: value };
    else this.attach(frame.name, value);
  }

  private attach(name: string, value: XmlElement | string): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.root = { rootName: name, root: value };
      return;
    }
    const element = parent.element;
    const existing = element[name];
    // A function is Object.prototype's (`toString`), not an earlier sibling.
    if (existing === undefined || typeof existing === 'function') element[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else element[name] = [existing, value];
    parent.hasKeys = true;
  }

  private fail(offset: number, message: string): XmlOutcome {
    let line = 1;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) line++;
    return { kind: 'failed', error: `malformed XML at line ${line}: ${message}` };
  }
}

// --- reading helpers -----------------------------------------------------------------

/** Always an array: absent -> [], single -> [value]. */
export function asArray(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The element as an object, or undefined when it is text-only or absent. */
export function asElement(value: unknown): XmlElement | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlElement) : undefined;
}

/** Text content of an element (first one when repeated); nested markup is flattened. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  const element = asElement(value);
  if (!element) return undefined;
  const own = element[TEXT];
  if (typeof own === 'string') return own;
  let text = '';
  for (const key in element) {
    if (key.startsWith(ATTR)) continue;
    for (const child of asArray(element[key])) text += textOf(child) ?? '';
  }
  return text === '' ? undefined : text;
}

/** Text of every occurrence of a repeated element, blanks dropped. */
export function textsOf(value: unknown): readonly string[] {
  const texts: string[] = [];
  for (const node of asArray(value)) {
    const text = textOf(node);
    if (text !== undefined && text.trim() !== '') texts.push(text);
  }
  return texts;
}

/** An attribute of an element (first one when repeated). */
export function attrOf(value: unknown, name: string): string | undefined {
  const element = asElement(Array.isArray(value) ? value[0] : value);
  const attr = element?.[ATTR + name];
  return typeof attr === 'string' ? attr : undefined;
}

// --- internals -----------------------------------------------------------------------

function decodeText(raw: string): string {
  const text = normalizeNewlines(raw);
  return text.indexOf('&') === -1 ? text : decodeHTMLStrict(text);
}

// XML 1.0 §2.11: CRLF and lone CR are read as LF.
function normalizeNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

function prefixRenames(text: string, root: RootElement, options: XmlReadOptions): Map<string, string> {
  const renames = new Map<string, string>();
  const declared = new Set<string>();
  for (const [name, uri] of Object.entries(root.attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    const prefix = name === 'xmlns' ? '' : name.slice(6);
    declared.add(prefix);
    const wanted = options.namespaces?.[uri.trim()];
    if (wanted !== undefined && wanted !== prefix && prefix !== '') renames.set(prefix, wanted);
  }
  // An undeclared prefix shows on the root's first children; no need to scan the whole text.
  const head = text.slice(root.start, root.start + 8192);
  for (const [prefix, wanted] of Object.entries(options.undeclaredPrefixes ?? {})) {
    if (!declared.has(prefix) && head.includes(`<${prefix}:`)) renames.set(prefix, wanted);
  }
  return renames;
}

function renameTag(name: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return name;
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  const to = renames.get(name.slice(0, colon));
  if (to === undefined) return name;
  return to === '' ? name.slice(colon + 1) : to + name.slice(colon);
}

// `__proto__` as a key would reach Object.prototype; nothing reads such an element anyway.
function safeName(name: string): string {
  return name === '__proto__' ? '#__proto__' : name;
}

/** Calls `add` for each `name="value"` (or unquoted `name=value`); true when there was one. */
function readAttributes(text: string, from: number, to: number, add: (name: string, value: string) => void): boolean {
  let found = false;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < to && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3d) i++;
    const name = text.slice(nameStart, i);
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d) {
      if (i === nameStart) i++; // a stray character: skip it
      continue; // a name without value is not XML; drop it
    }
    i++;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    let value: string;
    if (quote === 0x22 || quote === 0x27) {
      const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
      const end = close < 0 || close > to ? to : close;
      value = text.slice(i + 1, end);
      i = end + 1;
    } else {
      const valueStart = i;
      while (i < to && !isSpace(text.charCodeAt(i))) i++;
      value = text.slice(valueStart, i);
    }
    if (name !== '' && name !== '/') {
      add(name, value);
      found = true;
    }
  }
  return found;
}

/** Offset of the `>` ending the tag whose name starts at `from`, skipping quoted values; -1 if none. */
function startTagEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3e) return i;
    if (c === 0x22 || c === 0x27) {
      const close = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === 0x3c) return -1; // a new tag begins: this one was never closed
  }
  return -1;
}

function nameEndAt(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3c) break;
    i++;
  }
  return i;
}

// End of `<!DOCTYPE …>` or another declaration, from just after `<!`: brackets of an
// internal subset, quoted literals and comments inside it are skipped, never read.
function declarationEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const close = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === 0x3c && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return -1;
      i = close + 2;
    } else if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
    else if (c === 0x3e && depth <= 0) return i + 1;
  }
  return -1;
}

// [start of `</name`, offset after its `>`] for raw content, counting nested same-name
// elements. Both searches only move forward, so this stays linear on hostile input.
function rawContentEnd(text: string, rawName: string, from: number): [number, number] | undefined {
  const open = '<' + rawName;
  const close = '</' + rawName;
  let depth = 1;
  let nextOpen = text.indexOf(open, from);
  let i = from;
  for (;;) {
    const end = text.indexOf(close, i);
    if (end < 0) return undefined;
    while (nextOpen >= 0 && nextOpen < end) {
      if (isNameBoundary(text.charCodeAt(nextOpen + open.length))) depth++;
      nextOpen = text.indexOf(open, nextOpen + 1);
    }
    const gt = text.indexOf('>', end);
    if (gt < 0) return undefined;
    if (isNameBoundary(text.charCodeAt(end + close.length)) && --depth === 0) return [end, gt + 1];
    i = gt + 1;
  }
}

function indexAfter(text: string, marker: string, from: number): number | undefined {
  const at = text.indexOf(marker, from);
  return at < 0 ? undefined : at + marker.length;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isNameBoundary(c: number): boolean {
  return isSpace(c) || c === 0x3e || c === 0x2f;
}

// XML NameStartChar, loosely: letters, `_`, `:` and anything non-ASCII.
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80;
}
