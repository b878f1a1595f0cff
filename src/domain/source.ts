import type { AssignableKind } from './story.ts';

export type SourceKind = 'poll' | 'push';

export interface Source {
  readonly id: number;
  readonly name: string;
  readonly kind: SourceKind;
  /** http(s) URL or a local file path. */
  readonly url: string;
  readonly intervalSeconds: number;
  /** Agency credited when items carry none (e.g. a PTI feed). */
  readonly agency: string | null;
  /** What its items become: `wire` for agencies, `opinion`/`blog`/`interview` for a columnist's or a blog's feed. */
  readonly storyKind: AssignableKind;
  readonly createdAt: string;
  readonly lastFetchedAt: string | null;
  readonly lastError: string | null;
  readonly lastSuccessAt: string | null;
  readonly consecutiveFailures: number;
  readonly nextFetchAt: string | null;
  /** HTTP validators from the last changed response (RFC 9110 conditional GET). */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** SHA-256 of the last body ingested: an identical body is not parsed again. */
  readonly bodyHash: string | null;
  readonly lastErrorAt: string | null;
  /** Health, from the source's own stories (see jobs/source-rhythm.ts). */
  readonly rhythm: SourceRhythm;
  /** The interval learned from the rhythm (jobs/next-poll.ts); null until first learned. */
  readonly pollIntervalSeconds: number | null;
}

export interface SourceRhythm {
  /** Items dated within the last 24 hours. */
  readonly itemsPerDay: number | null;
  /** Median gap between the distinct times of its newest items; null with fewer than two. */
  readonly medianGapSeconds: number | null;
  readonly lastItemAt: string | null;
}

export type SourceStatus = 'pending' | 'ok' | 'failing' | 'quiet';

/** A source counts as quiet past 3x its usual gap, and never before an hour. */
export const QUIET_GAP_FACTOR = 3;
export const QUIET_MIN_SECONDS = 3600;

/**
 * failing: its last poll failed; quiet: it answers but has published nothing for longer
 * than its rhythm says it should (3x its median gap and over an hour; a source with no
 * known rhythm is never quiet); pending: never polled.
 */
export function sourceStatus(s: Pick<Source, 'consecutiveFailures' | 'lastFetchedAt' | 'rhythm'>, now: Date): SourceStatus {
  if (s.consecutiveFailures > 0) return 'failing';
  if (s.lastFetchedAt === null) return 'pending';
  const { medianGapSeconds, lastItemAt } = s.rhythm;
  if (medianGapSeconds === null || lastItemAt === null) return 'ok';
  const silentSeconds = (now.getTime() - Date.parse(lastItemAt)) / 1000;
  return silentSeconds > Math.max(QUIET_GAP_FACTOR * medianGapSeconds, QUIET_MIN_SECONDS) ? 'quiet' : 'ok';
}

export type IngestOutcome = 'new' | 'updated' | 'unchanged' | 'rejected';

export interface IngestSummary {
  readonly input: string;
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** Set when the whole input failed (fetch or parse). */
  readonly error?: string;
  readonly reasons: readonly string[];
}
