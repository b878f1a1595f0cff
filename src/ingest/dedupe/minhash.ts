// MinHash signatures and LSH bands, hand-written (see README: the npm `minhash`
// package is unmaintained and allocates per hash). A signature is SIZE 32-bit minima
// of independently seeded hashes over a story's shingles; the share of equal
// positions between two signatures estimates the Jaccard similarity of the sets.
// Bands of ROWS positions hashed together make LSH keys: two stories with
// similarity s share at least one band with probability 1 - (1 - s^ROWS)^BANDS.
// Candidates are then verified exactly, on the stored shingle hashes (a 64-position
// estimate is ±0.06 around the thresholds; the exact figure costs the same storage).

// Two rows a band: reports of one event share 0.15-0.3 of their shingles, and
// 1 - (1 - s^2)^20 finds 36 % of pairs at 0.15, 85 % at 0.3 and every re-send (0.6+:
// 99.99 %); four rows would find 1 % at 0.15. Twenty bands keep writes at 20 rows a story.
export const ROWS = 2;
export const BANDS = 20;
export const SIZE = ROWS * BANDS;

/** FNV-1a over UTF-16 code units, then a murmur3 finalizer: a well-mixed 32-bit hash. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds: signatures stored by one release must compare with the next one's.
const SEEDS = Array.from({ length: SIZE }, (_, i) => mix32(0x9e3779b9 * (i + 1)));

export type Signature = Uint32Array;

/** The signature of a shingle set; an empty set gives all-0xffffffff (similar to nothing, see similarity). */
export function signatureOf(shingles: Iterable<string>): Signature {
  const sig = new Uint32Array(SIZE).fill(0xffffffff);
  for (const s of shingles) {
    const base = hash32(s);
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

/** The shingles as sorted, distinct 32-bit hashes: what the store keeps to verify candidates. */
export function shingleHashes(shingles: Iterable<string>): Uint32Array {
  const out = Uint32Array.from(new Set([...shingles].map((s) => hash32(s))));
  return out.sort();
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

/** Hex, 8 digits a hash: what the store keeps. */
export function encodeHashes(hashes: Uint32Array): string {
  let out = '';
  for (const v of hashes) out += v.toString(16).padStart(8, '0');
  return out;
}

/** The hashes back from hex; undefined when the text is not that (a bad row never crashes ingest). */
export function decodeHashes(hex: string): Uint32Array | undefined {
  if (hex.length % 8 !== 0 || !/^[0-9a-f]*$/.test(hex)) return undefined;
  const out = new Uint32Array(hex.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return out;
}
