import { mix32 } from './shingles.ts';

// MinHash signatures and LSH bands, hand-written (see README: the npm `minhash`
// package is unmaintained and allocates per hash). A signature is SIZE 32-bit minima
// of independently seeded hashes over a story's shingles; the share of equal
// positions between two signatures estimates the Jaccard similarity of the sets.
// Bands of ROWS positions hashed together make LSH keys: two stories with
// similarity s share at least one band with probability 1 - (1 - s^ROWS)^BANDS.
// Candidates are then verified exactly, on the stored shingle hashes (a 64-position
// estimate is ±0.06 around the thresholds; the exact figure costs the same storage).

// Two rows a band: reports of one event share 0.15-0.3 of their shingles, and
// 1 - (1 - s^2)^10 finds 20 % of pairs at 0.15, 60 % at 0.3, 98.8 % at 0.6 and 99.8 %
// at 0.7 (re-sends with the same body or link are found by key, not by band). Each band
// is a row written and looked up per story: ten keep the stage within the ingest budget
// (bench/RESULTS.md); four rows a band would find 1 % of events at 0.15.
export const ROWS = 2;
export const BANDS = 10;
export const SIZE = ROWS * BANDS;

// Fixed seeds: signatures stored by one release must compare with the next one's.
const SEEDS = Array.from({ length: SIZE }, (_, i) => mix32(0x9e3779b9 * (i + 1)));

export type Signature = Uint32Array;

/** The signature of a set of shingle hashes; an empty set gives all-0xffffffff (similar to nothing). */
export function signatureOf(shingles: Uint32Array): Signature {
  const sig = new Uint32Array(SIZE).fill(0xffffffff);
  for (const base of shingles) {
    for (let i = 0; i < SIZE; i++) {
      const v = mix32(base ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of equal positions (0 for an empty set's signature). */
export function similarity(a: Signature, b: Signature): number {
  if (isEmpty(a) || isEmpty(b)) return 0;
  let equal = 0;
  for (let i = 0; i < SIZE; i++) if (a[i] === b[i]) equal++;
  return equal / SIZE;
}

function isEmpty(sig: Signature): boolean {
  return sig[0] === 0xffffffff && sig[1] === 0xffffffff;
}

/**
 * One key per band: the band's index and rows hashed to 52 bits (a safe integer, a
 * bigint column in both engines). An empty signature has no bands.
 */
export function bandsOf(sig: Signature): number[] {
  if (isEmpty(sig)) return [];
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let hi = mix32(b + 1);
    let lo = mix32(0x5bd1e995 ^ b);
    for (let r = 0; r < ROWS; r++) {
      const v = sig[b * ROWS + r]!;
      hi = mix32(hi ^ v);
      lo = mix32(Math.imul(lo, 31) ^ v);
    }
    out.push((hi & 0xfffff) * 0x100000000 + lo);
  }
  return out;
}

/** Exact Jaccard similarity of two sorted hash sets (0 when either is empty). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return both / (a.length + b.length - both);
}

/** Base64 of the hashes' little-endian bytes: what the store keeps (compact, decoded natively). */
export function encodeHashes(hashes: Uint32Array): string {
  return Buffer.from(LITTLE_ENDIAN ? hashes.buffer.slice(hashes.byteOffset, hashes.byteOffset + hashes.byteLength) : swapped(hashes)).toString('base64');
}

// The stored bytes are little-endian; on such a machine (x86, ARM) they are copied as
// they are, which is what makes decoding cheap.
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

function swapped(hashes: Uint32Array): ArrayBuffer {
  const view = new DataView(new ArrayBuffer(hashes.length * 4));
  hashes.forEach((v, i) => view.setUint32(i * 4, v, true));
  return view.buffer;
}

/**
 * The hashes back; undefined when the text cannot be that (a bad row never crashes
 * ingest). Only the length is checked: Buffer's decoder skips characters outside
 * base64, so a damaged row decodes to other hashes (a missed match, not a crash), and a
 * regular expression over every candidate's row cost more than the rest of the decode.
 */
export function decodeHashes(text: string): Uint32Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) return undefined;
  if (LITTLE_ENDIAN) return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}
