export interface FetchedBody {
  readonly kind: 'ok';
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** Where the bytes finally came from (after redirects). */
  readonly location: string;
}

export type FetchOutcome =
  | FetchedBody
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'failed'; readonly error: string; readonly retryAfterSeconds?: number };

export interface Validators {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}
