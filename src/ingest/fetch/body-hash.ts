import { createHash } from 'node:crypto';

/** SHA-256 of a fetched body, hex: what the body-hash validator compares. */
export function hashBody(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
