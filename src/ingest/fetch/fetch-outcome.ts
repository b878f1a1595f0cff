export interface FetchedBody {
  readonly kind: 'ok';
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** SHA-256 of the (decoded) body: the fallback validator for servers that ignore ours. */
  readonly bodyHash: string;
  /** How long the server says the response stays fresh (Cache-Control max-age / Expires). */
  readonly freshForSeconds?: number;
  /** Where the bytes finally came from (after redirects). */
  readonly location: string;
}

export type FetchOutcome =
  | FetchedBody
  /** `same-body`: a 200 whose bytes hash to the stored body hash (server ignored our validators). */
  | { readonly kind: 'not-modified'; readonly by: 'validators' | 'same-body'; readonly freshForSeconds?: number }
  | { readonly kind: 'failed'; readonly error: string; readonly retryAfterSeconds?: number };

export interface Validators {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  /** Hash of the last body we ingested; an identical body is reported as not modified. */
  readonly bodyHash?: string | null;
}
