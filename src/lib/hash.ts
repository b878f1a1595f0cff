import { hash } from 'node:crypto';

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  // One-shot: no Hash object a call (ingest hashes every item's content).
  return hash('sha256', text, 'hex');
}

/**
 * SHA-256 over several fields at once. The fields are JSON-encoded as an array so that
 * ('ab', 'c') and ('a', 'bc') can never hash alike.
 */
export function hashFields(fields: readonly (string | undefined)[]): string {
  return sha256Hex(JSON.stringify(fields.map((field) => field ?? null)));
}

/** The first `length` hex digits of the SHA-256 of `text`: short ids, not security. */
export function shortHash(text: string, length: number): string {
  return sha256Hex(text).slice(0, length);
}
