// Small text and URL helpers shared by the format adapters.
import { decodeHTMLStrict } from 'entities';

const TAG = /<(?:[a-zA-Z/!?][^>]*)>/g;
// Tags, entities, or whitespace that collapsing would change.
const NEEDS_WORK = /[<&]|[^\S ]|  |^ | $/;

/**
 * Plain text from a field that may hold HTML (RSS titles, authors, categories): tags
 * stripped, HTML entities decoded, whitespace collapsed. Feeds double-escape titles
 * (`&amp;#8217;`) often enough that decoding once more is the useful reading.
 */
export function toPlainText(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  let text = value;
  if (!NEEDS_WORK.test(text)) return text;
  if (text.indexOf('<') !== -1) text = text.replace(TAG, ' ');
  if (text.indexOf('&') !== -1) text = decodeHTMLStrict(text);
  return text.replace(/\s+/g, ' ').trim();
}

/** Plain text, or undefined when nothing is left. */
export function toPlainTextOrUndefined(value: string | undefined): string | undefined {
  const text = toPlainText(value);
  return text === '' ? undefined : text;
}

/** Markup kept as it is (sanitizing is normalize's job); blank becomes undefined. */
export function nonBlank(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /\S/.test(value) ? value : undefined;
}

/**
 * An absolute http(s) URL, resolving relative references against the given bases in
 * order (xml:base, then the feed's link). Other schemes (javascript:, data:) are dropped.
 */
export function resolveUrl(value: string | undefined, ...bases: readonly (string | undefined)[]): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  const base = bases.find((b) => b !== undefined && isHttpUrl(b));
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(value.trim());
}

/** Distinct non-empty plain-text values, in order. */
export function distinctTexts(values: readonly (string | undefined)[]): readonly string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const text = toPlainText(value);
    if (text !== '') seen.add(text);
  }
  return [...seen];
}

/** A positive integer attribute, or undefined. */
export function toPositiveInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** `jo@example.com (Jo Smith)` -> `Jo Smith` (RSS 2.0 author); other text as plain text. */
export function authorName(value: string | undefined): string | undefined {
  const text = toPlainTextOrUndefined(value);
  if (text === undefined) return undefined;
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  return named?.[1]?.trim() || text;
}

/**
 * WebSub discovery (W3C WebSub §4): the hubs, absolute http(s) URLs (a relative hub is
 * resolved against the self URL), and the self URL; undefined when no usable hub is named.
 */
export function websubLinks(hubHrefs: readonly (string | undefined)[], selfHref: string | undefined): { hubs: string[]; self?: string } | undefined {
  const self = resolveUrl(selfHref);
  const hubs = [...new Set(hubHrefs.map((h) => resolveUrl(h, self)).filter((h): h is string => h !== undefined))];
  if (hubs.length === 0) return undefined;
  return self ? { hubs, self } : { hubs };
}
