import { htmlToText } from '../../lib/html.ts';
import { collapseWhitespace, truncateChars } from '../../lib/text.ts';

export const AUTHOR_MAX_CHARS = 120;
export const CATEGORIES_MAX = 20;
const CATEGORY_MAX_CHARS = 100;

/**
 * The byline name: plain text, at most 120 characters. RSS writes `email (Name)`; the
 * name is kept and a bare address dropped: the site does not publish addresses.
 */
export function cleanAuthor(author: string | undefined): string | undefined {
  if (author === undefined) return undefined;
  let name = collapseWhitespace(htmlToText(author));
  const rssForm = /^\S+@\S+\s+\((.+)\)$/u.exec(name);
  if (rssForm?.[1] !== undefined) name = rssForm[1].trim();
  if (name === '' || /^\S+@\S+\.\S+$/u.test(name)) return undefined;
  return truncateChars(name, AUTHOR_MAX_CHARS);
}

/** Plain-text categories, trimmed, deduplicated ignoring case (first spelling wins), at most 20. */
export function cleanCategories(categories: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of categories) {
    const category = truncateChars(collapseWhitespace(htmlToText(raw)), CATEGORY_MAX_CHARS);
    const key = category.toLowerCase();
    if (category === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(category);
    if (out.length === CATEGORIES_MAX) break;
  }
  return out;
}

/** A BCP 47-looking language tag ("en", "en-US", "pt-br" -> "pt-BR"), else undefined. */
export function cleanLanguage(language: string | undefined): string | undefined {
  const tag = language?.trim().replace(/_/g, '-');
  if (!tag || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return undefined;
  const [primary = '', ...rest] = tag.split('-');
  return [primary.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
}
