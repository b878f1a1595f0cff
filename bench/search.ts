// Search latency over a large archive: N stories (default 100,000) seeded through the
// real ingest (bench/seed-db.ts), then a fixed, seeded mix of queries through
// searchStories — common and rare words, two words, phrases, prefixes, OR, exclusions,
// filters, and garbage — timed one at a time. On PostgreSQL the same database is
// copied with migrateData, as an operator moving to several nodes would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/store/store.ts';
import { searchStories, type SearchRequest } from '../src/search/search.ts';
import { seedDatabase } from './seed-db.ts';
import { copySqliteInto, createBenchDatabase } from './pg.ts';
import { onInterrupt } from './interrupt.ts';

export interface SearchFigures {
  readonly engine: string;
  readonly queries: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Queries that found at least one story. */
  readonly withHits: number;
}

const COMMON = ['officials', 'cricket', 'vaccine', 'inflation', 'solar', 'parliament', 'metro', 'sanitation', 'heatwave', 'schools', 'analysts', 'funding', 'experts'];
const CITIES = ['moscow', 'nairobi', 'geneva', 'lagos', 'jakarta', 'brasilia', 'berlin', 'suva', 'cairo', 'delhi'];
const PHRASES = ['"central bank"', '"monsoon retreats early"', '"final-over thriller"', '"digital classrooms"', '"drinking water"', '"coal output slows"', '"senior official"'];
const PREFIXES = ['vacc*', 'parliam*', 'inflat*', 'sol*', 'crick*', 'elect*', 'commut*'];
const GARBAGE = ['"unbalanced', '-', '***', "'; DROP TABLE stories; --", '🗞️😀', 'NEAR(a b)', 'AND OR NOT', 'भारत', 'مصر', '中文新闻', 'zzqqxx', '((cricket', 'a:b ^c'];
const SECTORS = ['sports', 'health', 'technology', 'politics', 'economy-business'];
const AGENCIES = ['PTI', 'Reuters', 'AFP', 'IANS'];

/** A deterministic query mix: same seed, same queries, so runs compare. */
export function queryMix(count: number, seed = 42): Omit<SearchRequest, 'now'>[] {
  let state = seed;
  const rand = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const base = Date.parse('2026-11-28T12:00:00Z');
  const kinds: (() => Omit<SearchRequest, 'now'>)[] = [
    () => ({ text: pick(COMMON) }),
    () => ({ text: String(Math.floor(rand() * 100_000)) }), // rare: one story's number
    () => ({ text: `${pick(COMMON)} ${pick(CITIES)}` }),
    () => ({ text: pick(PHRASES) }),
    () => ({ text: pick(PREFIXES) }),
    () => ({ text: `${pick(COMMON)} OR ${pick(COMMON)}` }),
    () => ({ text: `${pick(COMMON)} -${pick(CITIES)}` }),
    () => ({ text: pick(COMMON), filters: { sectors: new Set([pick(SECTORS)]) } }),
    () => ({ text: `${pick(COMMON)} ${pick(CITIES)}`, filters: { agencies: new Set([pick(AGENCIES)]) } }),
    () => {
      const from = base - Math.floor(rand() * 60) * 86_400_000;
      return { text: pick(COMMON), filters: { createdFrom: new Date(from - 7 * 86_400_000).toISOString(), createdBefore: new Date(from).toISOString() } };
    },
    () => ({ text: pick(COMMON), page: 2 + Math.floor(rand() * 5) }),
    () => ({ text: pick(GARBAGE) }),
  ];
  return Array.from({ length: count }, (_, i) => (kinds[i % kinds.length] as () => Omit<SearchRequest, 'now'>)());
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

export async function timeQueries(store: Store, engine: string, count: number): Promise<SearchFigures> {
  const now = new Date('2026-11-28T12:00:00Z');
  for (const q of queryMix(60, 7)) await searchStories(store, { ...q, now }); // warm-up: caches, prepared plans
  const times: number[] = [];
  let withHits = 0;
  for (const q of queryMix(count)) {
    const started = performance.now();
    const page = await searchStories(store, { ...q, now });
    times.push(performance.now() - started);
    if (page.kind === 'results' && page.hits.length > 0) withHits++;
  }
  times.sort((a, b) => a - b);
  return { engine, queries: count, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times[times.length - 1] ?? 0, withHits };
}

/** Seeds `stories` into SQLite, times the mix there, then on PostgreSQL when `withPostgres`. */
export async function benchSearch(stories: number, queries: number, withPostgres: boolean): Promise<SearchFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-search-'));
  const removeOnInterrupt = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const dbPath = join(dir, 'bench.db');
    await seedDatabase(dbPath, stories);
    const figures: SearchFigures[] = [];
    const sqlite = openStore({ kind: 'sqlite', path: dbPath });
    try {
      figures.push(await timeQueries(sqlite, 'sqlite', queries));
    } finally {
      await sqlite.close();
    }
    if (withPostgres) figures.push(await onPostgres(dbPath, queries));
    return figures;
  } finally {
    removeOnInterrupt();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(dbPath: string, queries: number): Promise<SearchFigures> {
  const db = await createBenchDatabase();
  const dropOnInterrupt = onInterrupt(() => db.drop());
  try {
    await copySqliteInto(db, dbPath);
    const store = openStore({ kind: 'postgres', url: db.url });
    try {
      return await timeQueries(store, 'postgres', queries);
    } finally {
      await store.close();
    }
  } finally {
    dropOnInterrupt();
    await db.drop();
  }
}
