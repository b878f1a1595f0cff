// What two versions of a story share: the content words of headline and lead, and
// their adjacent pairs. Unigrams carry "same event" (names, places, numbers), pairs
// make a rewrite score lower than a re-send. Pure.
import { forEachWord } from '../../lib/text.ts';

// Function words and wire boilerplate that say nothing about the event.
const STOP = new Set(
  (
    'a an and are as at be been but by for from had has have he her his in into is it its of on or our she that the their ' +
    'them they this to was were which who will with would said says say after over about also more than not no new up out ' +
    'we you your i me my us all can could may might should just one two some any there here when what where while how ' +
    'news roundup update updated live latest report reports reported according told tuesday monday wednesday thursday friday ' +
    'saturday sunday today yesterday week pti reuters afp ians ani ap upi'
  ).split(' '),
);

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Lower-cased content words (runs of letters and digits, \p{L} and \p{N}), stop words
 * dropped; accents folded. Read by character codes: ingest fingerprints every new story.
 */
export function contentWords(text: string): string[] {
  const folded = (NON_ASCII.test(text) ? text.normalize('NFKD').replace(/\p{M}+/gu, '') : text).toLowerCase();
  const words: string[] = [];
  forEachWord(folded, (start, end) => {
    const word = folded.slice(start, end);
    if ((word.length < 2 && !isDigit(word.charCodeAt(0))) || STOP.has(word)) return;
    words.push(word);
  });
  return words;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

// "NEW DELHI, Nov 28 (PTI) - ": every story of that city and day opens so; left in,
// the dateline alone would make a day's stories from one city look alike.
const DATELINE = /^[^()\n]{0,60}\([^()]{1,30}\)\s*[-–—:]\s*/u;

/** The lead without its dateline. */
export function stripDateline(lead: string): string {
  return lead.replace(DATELINE, '');
}

/**
 * Unigrams and adjacent pairs of the headline's and the lead's content words (dateline
 * left out), as 32-bit hashes: sorted and distinct, what comparing and MinHash need.
 */
export function shinglesOf(headline: string, lead: string): Uint32Array {
  const out: number[] = [];
  for (const part of [headline, stripDateline(lead)]) {
    let previous: number | undefined;
    for (const word of contentWords(part)) {
      const h = hash32(word);
      out.push(h);
      if (previous !== undefined) out.push(pairHash(previous, h));
      previous = h;
    }
  }
  return Uint32Array.from(new Set(out)).sort();
}

/** FNV-1a over UTF-16 code units, then a murmur3 finalizer: a well-mixed 32-bit hash. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A word pair's hash: order matters ("new york" is not "york new"). */
function pairHash(a: number, b: number): number {
  return mix32(Math.imul(a, 0x9e3779b1) ^ b ^ 0x2545f491);
}

export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
