// The two levels (thresholds set on the labelled pairs, `npm run bench -- dedupe`;
// figures in bench/RESULTS.md), from the Jaccard similarity of headline + lead shingles:
// - same story: a re-send or a lightly edited version (merged into one story). Not
//   when each headline names someone or somewhere the other does not: templated
//   series ("Weather in Posadas today" / "Weather in Obera today") differ only there.
// - same event: another source's report of it (clustered, shown once in lists). One
//   source does not report one event twice under two identities, so two items from one
//   source are never the same event: consecutive items of a roundup are not clustered.
// Items with too little text (a bare "Agenda for Wednesday") only merge by exact key.
import { jaccard } from './minhash.ts';

export const SAME_STORY = 0.6;
export const SAME_EVENT = 0.15;
/** Fewer distinct shingles than this is too little text to call two items alike. */
export const MIN_SHINGLES = 12;
/** Stories further apart in time than this are never matched (and their bands are pruned). */
export const WINDOW_MS = 48 * 3_600_000;

export type MatchLevel = 'same-story' | 'same-event' | 'none';

/** What comparing two stories needs (fingerprint.ts makes it for drafts; the store keeps it). */
export interface Comparable {
  /** Sorted shingle hashes of headline and lead. */
  readonly shingles: Uint32Array;
  /** Sorted hashes of the headline's capitalised words (but its first): names. */
  readonly names: Uint32Array;
  /** Milliseconds since the epoch (NaN when unknown: never matched by time). */
  readonly time: number;
  /** The agency, else the source: reports from one origin are never one event. */
  readonly origin: string | undefined;
}

/** Each side has a name the other lacks. */
function namesConflict(a: Uint32Array, b: Uint32Array): boolean {
  const other = (x: Uint32Array, y: Uint32Array) => x.some((v) => !y.includes(v));
  return other(a, b) && other(b, a);
}

export function compareStories(a: Comparable, b: Comparable): { level: MatchLevel; score: number } {
  const none = { level: 'none' as const, score: 0 };
  if (!(Math.abs(a.time - b.time) <= WINDOW_MS)) return none;
  if (a.shingles.length < MIN_SHINGLES || b.shingles.length < MIN_SHINGLES) return none;
  const score = jaccard(a.shingles, b.shingles);
  if (score >= SAME_STORY && !namesConflict(a.names, b.names)) return { level: 'same-story', score };
  const sameOrigin = a.origin !== undefined && a.origin === b.origin;
  if (score >= SAME_EVENT && !sameOrigin) return { level: 'same-event', score };
  return { level: 'none', score };
}

export interface Match<T> {
  readonly level: Exclude<MatchLevel, 'none'>;
  readonly ref: T;
  readonly score: number;
}

/** The best candidate: a same-story match before any same-event one, then the most similar. */
export function bestMatch<T>(item: Comparable, candidates: Iterable<{ readonly ref: T; readonly story: Comparable }>): Match<T> | undefined {
  let best: Match<T> | undefined;
  for (const c of candidates) {
    const { level, score } = compareStories(item, c.story);
    if (level === 'none') continue;
    const better = !best || (level === 'same-story' && best.level !== 'same-story') || (level === best.level && score > best.score);
    if (better) best = { level, ref: c.ref, score };
  }
  return best;
}
