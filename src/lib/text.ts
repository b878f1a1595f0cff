import { decodeHTMLStrict } from 'entities';

// Plain-text helpers shared by normalize and classify. Everything here takes and returns
// plain text (never HTML) and is pure.

const LEFTOVER_ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/**
 * Decodes HTML character references. Strict: only references ending in `;`, so "AT&T"
 * or "Tom&notes" stay as written. Feeds often escape twice ("&amp;#8217;"), so a second
 * layer is decoded when the first pass leaves a reference behind.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const once = decodeHTMLStrict(text);
  return LEFTOVER_ENTITY.test(once) ? decodeHTMLStrict(once) : once;
}

// Soft hyphen, zero-width space, word joiner, BOM; C0 controls other than whitespace.
// ZWJ/ZWNJ stay: Indic scripts and emoji need them.
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f]/g;
const WHITESPACE_RUN = /\s+/g;

/** Removes invisible characters, turns every whitespace run into one space, trims. */
export function collapseWhitespace(text: string): string {
  if (isCollapsed(text)) return text;
  return text.replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Whether `collapseWhitespace` would return the text as it is: no invisible character,
 * no whitespace but single spaces between other characters. One pass over the codes;
 * most paragraphs need nothing done, and ingest collapses every one it reads.
 */
function isCollapsed(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (i === 0 || i === last || text.charCodeAt(i - 1) === 32) return false;
    } else if (code < 32 || code === 127) {
      return false;
    } else if (code >= 160 && isSpaceOrInvisible(code)) {
      return false;
    }
  }
  return true;
}

/** \s (and so trim) beyond ASCII, and the INVISIBLE characters beyond ASCII. */
function isSpaceOrInvisible(code: number): boolean {
  return code === 0xa0 || code === 0xad || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x2060 || code === 0x3000 || code === 0xfeff;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Code units of the letter or digit (\p{L}, \p{N}) at `i`: 2 for one outside the BMP, 0 for anything else. ASCII by code. */
export function letterOrDigitWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? 1 : 0;
  const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return LETTER_OR_DIGIT.test(text.slice(i, i + width)) ? width : 0;
}

/**
 * Calls `onWord(start, end)` for each run of letters and digits, in order. Character
 * codes rather than a regular expression per word: ingest reads every story's headline,
 * summary and lead this way (sector model, dedupe fingerprints).
 */
export function forEachWord(text: string, onWord: (start: number, end: number) => void): void {
  for (let i = 0; i < text.length; ) {
    let width = letterOrDigitWidth(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    for (i += width; i < text.length && (width = letterOrDigitWidth(text, i)) > 0; i += width);
    onWord(start, i);
  }
}

const WORD = /\S+/g;

/** Whitespace-separated words, at most `limit` of them (reading stops there). */
export function splitWords(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const words: string[] = [];
  if (limit <= 0) return words;
  for (const [word] of text.matchAll(WORD)) {
    words.push(word);
    if (words.length >= limit) break;
  }
  return words;
}

/** Cuts to at most `maxChars` characters, preferring the last space, adding "…". */
export function truncateChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The first `maxWords` words, with "…" when something was cut. */
export function truncateWords(text: string, maxWords: number): string {
  const words = splitWords(text, maxWords + 1);
  if (words.length <= maxWords) return words.join(' ');
  return `${words.slice(0, maxWords).join(' ').replace(/[\s,;:–—-]+$/u, '')}…`;
}

// Letters that NFKD does not decompose into a base letter plus marks.
const ASCII_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L',
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H', ŋ: 'n', Ŋ: 'N',
  ŧ: 't', Ŧ: 'T', ſ: 's', ĸ: 'k', '‘': "'", '’': "'", '‚': "'", '‛': "'", '“': '"', '”': '"',
  '„': '"', '–': '-', '—': '-', '‐': '-', '‑': '-', '…': '...',
};
const FOLDABLE = new RegExp(`[${Object.keys(ASCII_FOLDS).join('')}]`, 'gu');
const COMBINING_MARK = /\p{M}/gu;

/**
 * Latin text to ASCII: "Café à Paris" -> "Cafe a Paris", "Straße" -> "Strasse".
 * Characters with no Latin reading (Cyrillic, Devanagari, CJK…) are left as they are;
 * callers decide what to do with them.
 */
export function foldToAscii(text: string): string {
  // Fast path: most wire copy is ASCII already.
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text.normalize('NFKD').replace(COMBINING_MARK, '').replace(FOLDABLE, (ch) => ASCII_FOLDS[ch] ?? ch);
}

// Words after which a period does not end a sentence (titles, months, company forms).
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'sgt', 'cpl', 'maj', 'adm', 'cmdr',
  'gov', 'sen', 'rep', 'rev', 'hon', 'st', 'mt', 'ft', 'jr', 'sr', 'no', 'nos', 'vs', 'inc', 'ltd',
  'co', 'corp', 'bros', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'approx', 'est', 'dept', 'govt', 'pvt', 'smt', 'shri', 'rs', 'ave', 'blvd', 'fig',
]);

// A candidate end: terminal punctuation, optional closing quotes/brackets, then a space
// and something that can start a sentence (a capital, a digit, an opening quote).
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\d])/gu;

/**
 * Offsets just after each sentence end in `text` (plain, whitespace-collapsed), plus the
 * text's end when it finishes with terminal punctuation. Abbreviations ("Mr.", "Jan."),
 * initials and acronyms ("J.", "U.S.") and ellipses are not sentence ends.
 */
export function findSentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(SENTENCE_END)) {
    if (!isAbbreviationAt(text, match.index, match[0])) ends.push(match.index + match[0].length);
  }
  if (/[.!?]["'”’)\]]*$/u.test(text) && !/(?:\.\.\.|…)$/u.test(text)) {
    const last = text.length;
    if (ends[ends.length - 1] !== last) ends.push(last);
  }
  return ends;
}

function isAbbreviationAt(text: string, index: number, punctuation: string): boolean {
  if (!punctuation.startsWith('.')) return false;
  if (punctuation.startsWith('...')) return true;
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, index - 20), index))?.[1] ?? '';
  const lastPart = before.split('.').pop() ?? '';
  // Initials and dotted acronyms: "J.", "U.S.", "a.m."
  if (lastPart.length === 1) return true;
  return ABBREVIATIONS.has(lastPart.toLowerCase());
}
