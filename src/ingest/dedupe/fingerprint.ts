// What the dedupe stage knows of a story: its exact keys and its MinHash signature
// with LSH bands. Pure.
import type { StoryDraft } from '../../domain/story.ts';
import { shortHash } from '../../lib/hash.ts';
import { bandsOf, signatureOf, type Signature } from './minhash.ts';
import { contentWords, shinglesOf } from './shingles.ts';

export interface Fingerprint {
  /** `link:…` and `body:…`: equal keys mean the same story, whatever the guids say. */
  readonly keys: readonly string[];
  readonly signature: Signature;
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

export function fingerprintDraft(draft: Pick<StoryDraft, 'headline' | 'summary' | 'bodyHtml' | 'link'>): Fingerprint {
  const keys = [linkKey(draft.link), bodyKey(draft.bodyHtml)].filter((k): k is string => k !== undefined);
  const signature = signatureOf(shinglesOf(draft.headline, draft.summary));
  return { keys, signature, bands: bandsOf(signature) };
}
