import { collapseWhitespace, decodeEntities } from './text.ts';

// Reading HTML rather than cleaning it: plain text, prefixes, escaping, the first picture.

/** At most `maxChars` of HTML, cut just after a tag so that no tag is left half open. */
export function htmlPrefix(html: string, maxChars: number): string {
  if (html.length <= maxChars) return html;
  return html.slice(0, html.lastIndexOf('>', maxChars - 1) + 1);
}

// Elements whose content is not text. Unclosed, one runs to the end, as in browsers.
const TEXTLESS_OPEN = /<(script|style|noscript|template|iframe|object|svg|math|head|title|textarea|select|button|nav)\b/gi;
// Comments, CDATA and tags, each ending at the end of input when unclosed: every pattern
// can always match where it starts, so hostile input cannot make the scan quadratic.
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*(?:>|$)|<[!?][^>]*(?:>|$)/g;
const TEXT_BLOCKS: ReadonlySet<string> = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li', 'ul', 'ol', 'tr', 'table', 'section', 'article',
  'header', 'footer', 'aside', 'main', 'figure', 'figcaption', 'pre', 'hr', 'dd', 'dt', 'dl', 'center', 'caption',
]);

/**
 * Plain text of (possibly untrusted, possibly broken) HTML: paragraphs separated by a
 * blank line, whitespace collapsed inside each, entities decoded. The result is text to
 * be escaped again wherever it is shown, never HTML.
 */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return joinParagraphs(html.split(/\n\s*\n/));
  const text = dropTextless(html).replace(MARKUP, (_all: string, cdata?: string, name?: string) => {
    if (cdata !== undefined) return cdata;
    if (name === undefined) return '';
    const lower = name.toLowerCase();
    if (lower === 'br') return '\n';
    return TEXT_BLOCKS.has(lower) ? '\n\n' : '';
  });
  return joinParagraphs(text.split(/\n\s*\n/).map(decodeEntities));
}

function dropTextless(html: string): string {
  TEXTLESS_OPEN.lastIndex = 0;
  if (!TEXTLESS_OPEN.test(html)) return html;
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  TEXTLESS_OPEN.lastIndex = 0;
  for (let match = TEXTLESS_OPEN.exec(html); match; match = TEXTLESS_OPEN.exec(html)) {
    if (match.index < from) continue;
    out += html.slice(from, match.index);
    const close = lower.indexOf(`</${(match[1] ?? '').toLowerCase()}`, match.index);
    const end = close === -1 ? -1 : lower.indexOf('>', close);
    from = end === -1 ? html.length : end + 1;
    TEXTLESS_OPEN.lastIndex = from;
  }
  return out + html.slice(from);
}

function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map(collapseWhitespace).filter((p) => p !== '').join('\n\n');
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for HTML content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (ch) => ESCAPES[ch] ?? ch) : text;
}

export interface HtmlImage {
  readonly src: string;
  readonly alt?: string;
}

const IMG_TAG = /<img\b[^>]*>/g;

/** The first image of HTML that `sanitizeHtml` produced (so: absolute, no pixels). */
export function findFirstImage(sanitizedHtml: string): HtmlImage | undefined {
  for (const [tag] of sanitizedHtml.matchAll(IMG_TAG)) {
    const src = /\ssrc="([^"]*)"/.exec(tag)?.[1];
    if (!src) continue;
    const alt = /\salt="([^"]*)"/.exec(tag)?.[1];
    const image: HtmlImage = { src: unescapeAttribute(src) };
    return alt ? { ...image, alt: unescapeAttribute(alt) } : image;
  }
  return undefined;
}

const UNESCAPES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

// sanitize-html writes exactly these four in attribute values (as `escapeHtml` does).
function unescapeAttribute(value: string): string {
  return value.replace(/&(?:amp|lt|gt|quot);/g, (entity) => UNESCAPES[entity] ?? entity);
}
