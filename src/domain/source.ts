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
  readonly createdAt: string;
  readonly lastFetchedAt: string | null;
  readonly lastError: string | null;
  readonly lastSuccessAt: string | null;
  readonly consecutiveFailures: number;
  readonly nextFetchAt: string | null;
  /** HTTP validators from the last changed response (RFC 9110 conditional GET). */
  readonly etag: string | null;
  readonly lastModified: string | null;
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
