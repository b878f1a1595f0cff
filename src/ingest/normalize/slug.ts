import { shortHash } from '../../lib/hash.ts';
import { foldToAscii } from '../../lib/text.ts';

export const SLUG_MAX_CHARS = 80;

/**
 * URL slug from a headline: ASCII, lower case, hyphens, at most 80 characters cut at a
 * word. Accents are folded ("Café à Paris" -> "cafe-a-paris"). A headline mostly in a
 * script with no ASCII reading (Cyrillic, Devanagari, CJK…) gets "story-" and six hex
 * digits of its hash instead: stable, and better than a slug of stray Latin words.
 */
export function slugify(headline: string): string {
  const folded = foldToAscii(headline).toLowerCase().replace(/['’`]/g, '');
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const letters = (headline.match(/\p{L}/gu) ?? []).length;
  const latinLetters = (slug.match(/[a-z]/g) ?? []).length;
  if (slug === '' || latinLetters * 2 < letters) return `story-${shortHash(headline, 6)}`;
  return cutAtWord(slug, SLUG_MAX_CHARS);
}

function cutAtWord(slug: string, maxChars: number): string {
  if (slug.length <= maxChars) return slug;
  const lastHyphen = slug.lastIndexOf('-', maxChars);
  return (lastHyphen > 0 ? slug.slice(0, lastHyphen) : slug.slice(0, maxChars)).replace(/-+$/, '');
}
