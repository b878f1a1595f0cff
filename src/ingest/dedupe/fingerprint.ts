// What the dedupe stage knows of a story: its exact keys, its shingles and names for
// comparing, and its LSH bands for finding candidates. Pure.
import type { StoryDraft } from '../../domain/story.ts';
import { bandsOf, signatureOf } from './minhash.ts';
import { contentWords, hash32, mix32, shinglesOf } from './shingles.ts';
import type { Comparable } from './match.ts';

export interface Fingerprint extends Comparable {
  /** `link:…` and `body:…`: equal keys mean the same story, whatever the guids say. */
  readonly keys: readonly string[];
  /** LSH keys from the MinHash signature: stories sharing one are candidates. */
  readonly bands: readonly number[];
}

// Shorter bodies ("Photo: …", "More to follow") are alike across unrelated stories.
const MIN_BODY_WORDS = 25;

// A site's front page: some feeds link every item there.
const FRONT_PAGE = /^https?:\/\/[^/?#]+\/?$/i;

/** `link:<link>` (normalize made it an absolute http(s) URL) unless it is a front page. */
export function linkKey(link: string | undefined): string | undefined {
  return !link || FRONT_PAGE.test(link) ? undefined : `link:${link}`;
}

/**
 * `body:<hash>` over the body's words, lower-cased, markup, entities and punctuation
 * ignored: one pass over the characters, two 32-bit FNV-1a hashes (64 bits, far from
 * colliding among a few days of stories) and no copies of the text.
 */
export function bodyKey(bodyHtml: string): string | undefined {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let words = 0;
  let inWord = false;
  let inTag = false;
  let inEntity = false;
  const feed = (c: number) => {
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  };
  for (let i = 0; i < bodyHtml.length; i++) {
    let c = bodyHtml.charCodeAt(i);
    if (inTag) {
      if (c === 62 /* > */) inTag = false;
      continue;
    }
    if (inEntity) {
      if (c === 59 /* ; */ || c === 32) inEntity = false;
      continue;
    }
    // Tags and entities separate words, as spaces do.
    if (c === 60 /* < */) inTag = true;
    else if (c === 38 /* & */) inEntity = true;
    const letter = !inTag && !inEntity && isWordChar(c);
    if (letter) {
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) c = String.fromCharCode(c).toLowerCase().charCodeAt(0);
      if (!inWord) {
        if (words > 0) feed(32);
        words++;
      }
      feed(c);
    }
    inWord = letter;
  }
  if (words < MIN_BODY_WORDS) return undefined;
  return `body:${mix32(a).toString(16).padStart(8, '0')}${mix32(b).toString(16).padStart(8, '0')}`;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(String.fromCharCode(c));
}

const CAPITALISED = /^\p{Lu}/u;
const SHOUTED = /^\p{Lu}{3,}$/u;
const CODE = /\p{L}.*\p{N}|\p{N}.*\p{L}/u;

/**
 * Hashes of the headline's names: capitalised words but the first (sentence case
 * capitalises it anyway), a first word in capitals (a desk or series label: "SPORTS -"),
 * and words mixing letters and digits (versions, flights, models: "3.5.0rc1", "A320").
 */
export function namesOf(headline: string): Uint32Array {
  const words = headline.split(/[\s,:;!?()"“”‘–—-]+/).filter((w) => w !== '');
  const names = contentWords(words.filter((w, i) => (i > 0 && CAPITALISED.test(w)) || (i === 0 && SHOUTED.test(w)) || CODE.test(w)).join(' '));
  // In a headline of a few words every word names the story ("Magazine solutions" /
  // "Magazine printables"): all of them count.
  const plain = contentWords(headline).filter((w) => !/^\p{N}+$/u.test(w));
  return Uint32Array.from(new Set([...names, ...(plain.length <= SHORT_HEADLINE ? plain : [])].map((n) => hash32(n)))).sort();
}

const SHORT_HEADLINE = 4;

/** `origin`: the agency, else the source (`source:<id>`), else unknown. */
export function fingerprintDraft(draft: Pick<StoryDraft, 'headline' | 'summary' | 'bodyHtml' | 'link' | 'agency' | 'createdAt'>, source?: number | string): Fingerprint {
  const keys = [linkKey(draft.link), bodyKey(draft.bodyHtml)].filter((k): k is string => k !== undefined);
  const shingles = shinglesOf(draft.headline, draft.summary);
  return {
    keys,
    shingles,
    names: namesOf(draft.headline),
    time: Date.parse(draft.createdAt),
    origin: originOf(draft.agency ?? null, source ?? null),
    bands: bandsOf(signatureOf(shingles)),
  };
}

export function originOf(agency: string | null, source: number | string | null): string | undefined {
  if (agency) return `agency:${agency.toLowerCase()}`;
  return source === null ? undefined : `source:${source}`;
}
