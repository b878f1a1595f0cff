// Atom wire structs -> WireItem.
import type { WireItem } from '../../../domain/wire-item.ts';
import { agencyFromSource } from '../agency-names.ts';
import { parseFeedDate } from '../feed-date.ts';
import { distinctTexts, nonBlank, resolveUrl, toPlainText, toPlainTextOrUndefined } from '../feed-text.ts';
import { pickImage } from '../media-image.ts';
import type { AtomEntry, AtomFeedHead, AtomLink, AtomText } from './atom-wire.ts';

/** What entries inherit from their feed. */
export interface AtomContext {
  readonly link?: string;
  /** Base URIs for relative references, best first: feed xml:base, the feed's self link, its alternate link. */
  readonly bases: readonly (string | undefined)[];
  readonly authors: readonly string[];
  readonly language?: string;
}

export function toAtomContext(head: AtomFeedHead): AtomContext {
  // The self link is the document's own URL (RFC 4287 §4.2.7.2), the base RFC 3986 falls back to.
  const self = resolveUrl(head.links.find((l) => l.rel === 'self')?.href);
  const base = resolveUrl(head.base, self);
  const link = resolveUrl(alternateLink(head.links)?.href, base, self);
  return {
    link,
    bases: [base, self, link],
    authors: head.authors,
    language: toPlainTextOrUndefined(head.language),
  };
}

export function adaptAtomEntry(entry: AtomEntry, context: AtomContext): WireItem {
  const bases = [resolveUrl(entry.base, ...context.bases), ...context.bases];
  const authors = distinctTexts(entry.authors.length > 0 ? entry.authors : context.authors);
  const content = entry.content?.src === undefined ? entry.content : undefined;
  return {
    guid: entry.id?.trim() || undefined,
    link: resolveUrl(alternateLink(entry.links)?.href, ...bases),
    title: toPlainText(entry.title?.value),
    summary: entry.summary ? nonBlank(markupOf(entry.summary) ?? entry.summary.value) : undefined,
    bodyHtml: content ? nonBlank(markupOf(content)) : undefined,
    bodyText: content && isPlainText(content) ? nonBlank(content.value) : undefined,
    author: authors.length > 0 ? authors.join(', ') : undefined,
    published: parseFeedDate(entry.published),
    updated: parseFeedDate(entry.updated),
    categories: distinctTexts(entry.categories),
    image: pickImage(entry.element, enclosures(entry.links), bases),
    agency: agencyFromSource(toPlainTextOrUndefined(entry.source)),
    language: toPlainTextOrUndefined(entry.language) ?? context.language,
  };
}

// RFC 4287 §4.2.7.2: no rel means "alternate". Prefer an HTML alternate over other types.
function alternateLink(links: readonly AtomLink[]): AtomLink | undefined {
  const alternates = links.filter((l) => l.rel === 'alternate' && l.href !== undefined);
  return alternates.find((l) => l.type === undefined || l.type.includes('html')) ?? alternates[0];
}

function enclosures(links: readonly AtomLink[]): readonly { url?: string; type?: string }[] {
  return links.filter((l) => l.rel === 'enclosure').map((l) => ({ url: l.href, type: l.type }));
}

/** HTML for html/xhtml constructs, undefined for text and other media types. */
function markupOf(text: AtomText): string | undefined {
  if (text.type === 'html' || text.type === 'text/html') return text.value;
  if (text.type === 'xhtml' || text.type === 'application/xhtml+xml') return unwrapXhtml(text.value);
  return undefined;
}

function isPlainText(text: AtomText): boolean {
  return text.type === 'text' || text.type === 'text/plain';
}

// RFC 4287 §3.1.1.3: XHTML content is wrapped in one xhtml:div, which is not part of it.
function unwrapXhtml(raw: string): string {
  const match = /^\s*<((?:([\w.-]+):)?div)\b[^>]*>([\s\S]*)<\/\1\s*>\s*$/.exec(raw);
  if (!match) return raw;
  const [, , prefix, inner = ''] = match;
  return prefix ? inner.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1') : inner;
}
