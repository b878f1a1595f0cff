// The dedupe stage's store side, inside the publish transaction: for each draft whose
// identity is new, is it a copy of a stored (or earlier in this batch) story — same
// link, same body, or alike at the same-story level — or another source's report of a
// stored event? Lookups are batched: one query for keys, one (per 500 bands) for LSH
// candidates capped per band, one for the candidates' stored shingles.
import type { Transaction } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { StoryDraft } from '../../domain/story.ts';
import { findBandCandidates, findMatchStates, findStoryKeys, type MatchState } from '../../store/cluster-repository.ts';
import { fingerprintDraft, originOf, type Fingerprint } from '../dedupe/fingerprint.ts';
import { decodeHashes } from '../dedupe/minhash.ts';
import { bestMatch, WINDOW_MS, type Comparable } from '../dedupe/match.ts';

/** A stored story, or the index of a new draft earlier in the batch. */
export type MatchTarget = { readonly kind: 'stored'; readonly state: MatchState } | { readonly kind: 'pending'; readonly index: number };

export type DraftMatch =
  | { readonly kind: 'none' }
  | { readonly kind: 'same-story'; readonly target: MatchTarget }
  | { readonly kind: 'same-event'; readonly target: MatchTarget };

/** Newest stories read per band: bounds the candidates a band gives. */
export const CANDIDATES_PER_BAND = 4;
/** A band this many stories in the window hold is boilerplate: ignored, and no longer written. */
export const HOT_BAND = 16;

type Candidate = { readonly ref: MatchTarget; readonly story: Comparable };

export interface Matcher {
  fingerprint(draft: StoryDraft): Fingerprint;
  match(draft: StoryDraft): DraftMatch;
  /** Makes a new draft (stored at the end of the batch) a candidate for the drafts after it. */
  addPending(index: number, draft: StoryDraft): void;
  /** The bands worth writing for a new story (hot ones left out). */
  bandsToStore(draft: StoryDraft): number[];
}

const EMPTY: Fingerprint = { keys: [], shingles: new Uint32Array(0), names: new Uint32Array(0), time: NaN, origin: undefined, bands: [] };

/** The stage switched off (bench only): nothing matches, nothing is fingerprinted. */
export const noMatcher: Matcher = { fingerprint: () => EMPTY, match: () => ({ kind: 'none' }), addPending: () => undefined, bandsToStore: () => [] };

function comparableOf(state: MatchState): Comparable | undefined {
  const shingles = state.shingles === null ? undefined : decodeHashes(state.shingles);
  const names = state.names === null ? undefined : decodeHashes(state.names);
  if (!shingles || !names) return undefined;
  return { shingles, names, time: Date.parse(state.createdAt), origin: originOf(state.agency, state.sourceId) };
}

export async function loadMatcher(trx: Transaction<Database>, drafts: readonly StoryDraft[], sourceId: number | null): Promise<Matcher> {
  const prints = new Map<StoryDraft, Fingerprint>(drafts.map((d) => [d, fingerprintDraft(d, sourceId ?? undefined)]));
  const fingerprint = (d: StoryDraft): Fingerprint => prints.get(d) ?? fingerprintDraft(d, sourceId ?? undefined);
  const all = [...prints.values()];
  const keyed = await findStoryKeys(trx, all.flatMap((f) => f.keys));
  const times = drafts.map((d) => Date.parse(d.createdAt)).filter((t) => !Number.isNaN(t));
  const { stories: byBand, hot } =
    times.length === 0
      ? { stories: new Map<number, number[]>(), hot: new Set<number>() }
      : await findBandCandidates(trx, all.flatMap((f) => f.bands), new Date(Math.min(...times) - WINDOW_MS).toISOString(), new Date(Math.max(...times) + WINDOW_MS).toISOString(), CANDIDATES_PER_BAND, HOT_BAND);
  const states = await findMatchStates(trx, [...keyed.values(), ...[...byBand.values()].flat()]);
  const stored = new Map<number, Candidate>();
  for (const state of states.values()) {
    const story = comparableOf(state);
    if (story) stored.set(state.id, { ref: { kind: 'stored', state }, story });
  }
  const pendingKeys = new Map<string, number>();
  const pendingBands = new Map<number, Candidate[]>();
  const pendingHeld = new Map<number, number>();

  return {
    fingerprint,
    match(draft) {
      const f = fingerprint(draft);
      for (const key of f.keys) {
        const index = pendingKeys.get(key);
        if (index !== undefined) return { kind: 'same-story', target: { kind: 'pending', index } };
        const id = keyed.get(key);
        const state = id === undefined ? undefined : states.get(id);
        if (state) return { kind: 'same-story', target: { kind: 'stored', state } };
      }
      const candidates = new Set<Candidate>();
      for (const band of f.bands) {
        if (hot.has(band)) continue;
        for (const id of byBand.get(band) ?? []) {
          const c = stored.get(id);
          if (c) candidates.add(c);
        }
        for (const c of pendingBands.get(band) ?? []) candidates.add(c);
      }
      const best = bestMatch(f, candidates);
      if (!best) return { kind: 'none' };
      return { kind: best.level, target: best.ref };
    },
    addPending(index, draft) {
      const f = fingerprint(draft);
      for (const key of f.keys) if (!pendingKeys.has(key)) pendingKeys.set(key, index);
      const c: Candidate = { ref: { kind: 'pending', index }, story: f };
      for (const band of f.bands) {
        if (hot.has(band)) continue;
        const held = (pendingHeld.get(band) ?? 0) + 1;
        pendingHeld.set(band, held);
        // As hot within the batch as in the store: the same boilerplate.
        if (held >= HOT_BAND) {
          hot.add(band);
          pendingBands.delete(band);
          continue;
        }
        const list = pendingBands.get(band) ?? [];
        if (list.length < CANDIDATES_PER_BAND) list.push(c);
        pendingBands.set(band, list);
      }
    },
    bandsToStore(draft) {
      return fingerprint(draft).bands.filter((b) => !hot.has(b));
    },
  };
}
