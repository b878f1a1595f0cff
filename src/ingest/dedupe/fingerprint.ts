// What the dedupe stage knows of a story: its exact keys, its shingles and names for
// comparing, and its LSH bands for finding candidates. Pure.
import type { StoryDraft } from '../../domain/story.ts';
import { bandsOf, signatureOf } from './minhash.ts';
import { contentWords, hash32, shinglesOf } from './shingles.ts';
import type { Comparable } from './match.ts';

export interface Fingerprint extends Comparable {
  /** `link:…` and `body:…`: equal keys mean the same story, whatever the guids say. */
  readonly keys: readonly string[];
  /** LSH keys from the MinHash signature: stories sharing one are candidates. */
  readonly bands: readonly number[];
}

// Shorter bodies ("Photo: …", "More to follow") are alike across unrelated stories.
const MIN_BODY_WORDS = 25;
const TAG = /<[^>]*>/g;

// A site's front page: some feeds link every item there.
const FRONT_PAGE = /^https?:\/\/[^/?#]+\/?$/i;

/** `link:<link>` (normalize made it an absolute http(s) URL) unless it is a front page. */
export function linkKey(link: string | undefined): string | undefined {
  return !link || FRONT_PAGE.test(link) ? undefined : `link:${link}`;
}

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** `body:<hash>` over the body's words, lower-cased, markup and punctuation ignored. */
export function bodyKey(bodyHtml: string): string | undefined {
  const text = bodyHtml.replace(TAG, ' ').replace(/&[a-z#0-9]+;/gi, ' ').toLowerCase().replace(NOT_WORD, ' ').trim();
  let words = 0;
  for (let i = text.indexOf(' '); i !== -1 && words < MIN_BODY_WORDS; i = text.indexOf(' ', i + 1)) words++;
  if (words + 1 < MIN_BODY_WORDS) return undefined;
  // Two 32-bit hashes under different seeds: 64 bits, far from colliding among a few
  // days of stories, and a tenth of SHA-256's cost over a long body.
  return `body:${hash32(text).toString(16).padStart(8, '0')}${hash32(text, 0x9747b28c).toString(16).padStart(8, '0')}`;
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
