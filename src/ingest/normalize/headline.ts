import { htmlToText } from '../../lib/html.ts';
import { collapseWhitespace, findSentenceEnds, truncateChars, truncateWords } from '../../lib/text.ts';

// Longer than any real headline; stops a feed that puts the story in <title>.
const HEADLINE_MAX_CHARS = 300;
/** A headline made from the body is its first sentence, at most this many words. */
export const DERIVED_HEADLINE_MAX_WORDS = 12;

/** The feed title as plain text: tags stripped, entities decoded, whitespace collapsed. */
export function cleanHeadline(title: string): string {
  return truncateChars(collapseWhitespace(htmlToText(title)), HEADLINE_MAX_CHARS);
}

/** A headline for an item without one: the first sentence of its lead text. */
export function headlineFromText(text: string): string {
  // A first sentence longer than this is cut to 12 words anyway.
  const lead = collapseWhitespace(text.slice(0, 1000));
  const firstEnd = findSentenceEnds(lead)[0];
  const sentence = firstEnd === undefined ? lead : lead.slice(0, firstEnd);
  const short = truncateWords(sentence, DERIVED_HEADLINE_MAX_WORDS);
  // Headlines carry no full stop.
  return short.endsWith('…') ? short : short.replace(/\.+$/u, '');
}
