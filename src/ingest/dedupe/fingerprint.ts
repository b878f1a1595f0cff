// What the dedupe stage knows of a story: its exact keys, its shingles and names for
// comparing, and its LSH bands for finding candidates. Pure.
import type { StoryDraft } from '../../domain/story.ts';
import { shortHash } from '../../lib/hash.ts';
import { bandsOf, hash32, shingleHashes, signatureOf } from './minhash.ts';
import { contentWords, shinglesOf } from './shingles.ts';
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

/** `link:<link>` unless the link is a site's front page (some feeds link every item there). */
export function linkKey(link: string | undefined): string | undefined {
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.pathname === '/' && url.search === '') return undefined;
  return `link:${url.href}`;
}

/** `body:<hash>` over the body's words, lower-cased and accent-folded, markup and punctuation ignored. */
export function bodyKey(bodyHtml: string): string | undefined {
  const words = contentWords(bodyHtml.replace(TAG, ' ').replace(/&[a-z#0-9]+;/gi, ' '));
  if (words.length < MIN_BODY_WORDS) return undefined;
  return `body:${shortHash(words.join(' '), 32)}`;
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
  const names = words.filter((w, i) => (i > 0 && CAPITALISED.test(w)) || (i === 0 && SHOUTED.test(w)) || CODE.test(w)).flatMap((w) => contentWords(w));
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
    shingles: shingleHashes(shingles),
    names: namesOf(draft.headline),
    at: draft.createdAt,
    origin: originOf(draft.agency ?? null, source ?? null),
    bands: bandsOf(signatureOf(shingles)),
  };
}

export function originOf(agency: string | null, source: number | string | null): string | undefined {
  if (agency) return `agency:${agency.toLowerCase()}`;
  return source === null ? undefined : `source:${source}`;
}
