// The two levels, from the estimated Jaccard similarity of headline + lead shingles
// (thresholds set on the labelled pairs, bench/dedupe.ts; figures in bench/RESULTS.md):
// - same story: a re-send or a lightly edited version; merged into one story.
// - same event: another report of it (another agency's); clustered, shown once in lists.
import { similarity, type Signature } from './minhash.ts';

export const SAME_STORY = 0.7;
export const SAME_EVENT = 0.3;
/** Stories further apart in time than this are never matched (and their bands are pruned). */
export const WINDOW_MS = 48 * 3_600_000;

export type MatchLevel = 'same-story' | 'same-event' | 'none';

export function levelOf(score: number): MatchLevel {
  if (score >= SAME_STORY) return 'same-story';
  if (score >= SAME_EVENT) return 'same-event';
  return 'none';
}

export interface Candidate<T> {
  readonly ref: T;
  readonly signature: Signature;
  /** ISO time of the candidate story. */
  readonly at: string;
}

export interface Match<T> {
  readonly level: Exclude<MatchLevel, 'none'>;
  readonly ref: T;
  readonly score: number;
}

/** The most similar candidate within the window, if it is at least the same event. */
export function bestMatch<T>(signature: Signature, at: string, candidates: Iterable<Candidate<T>>): Match<T> | undefined {
  const t = Date.parse(at);
  let best: Match<T> | undefined;
  for (const c of candidates) {
    if (Math.abs(Date.parse(c.at) - t) > WINDOW_MS) continue;
    const score = similarity(signature, c.signature);
    const level = levelOf(score);
    if (level !== 'none' && (!best || score > best.score)) best = { level, ref: c.ref, score };
  }
  return best;
}
