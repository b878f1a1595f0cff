// Ingest throughput, end to end from files into the store: fetch (file), parse,
// normalize, dedupe, classify, publish. Prints items/s. With `--labels=N`, a desk's N
// sector labels are in the store first (the sector model learned from them classifies).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWireFiles } from './make-wire.ts';
import { migrate, openStore, type Store, type StoreLocation } from '../src/store/store.ts';
import { addSectorLabel } from '../src/store/geo-repository.ts';
import { ingestInput } from '../src/ingest/pipeline.ts';
import { DEFAULT_SECTORS } from '../src/config/site-defaults.ts';
import { onInterrupt } from './interrupt.ts';
import { pino } from 'pino';
import { announceWithin } from '../src/cli/announcer.ts';

const quiet = pino({ level: 'silent' });

export interface IngestFigures {
  readonly items: number;
  readonly seconds: number;
  readonly itemsPerSecond: number;
  /** Items per second of the process's own CPU time: steadier than wall time on a shared box. */
  readonly itemsPerCpuSecond?: number;
}

export interface IngestOptions {
  /** PostgreSQL; SQLite (a temporary file) when absent. */
  readonly location?: StoreLocation;
  /** The duplicates stage (default on). */
  readonly dedupe?: boolean;
  /** Editors' labels in the store before the timed run (default none). */
  readonly labels?: number;
  /** Announce each publish inside its transaction, as serve does on PostgreSQL (default off). */
  readonly announce?: boolean;
}

export async function benchIngest(count: number, options: IngestOptions = {}): Promise<IngestFigures> {
  const { location, dedupe = true, labels = 0, announce = false } = options;
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  const removeOnInterrupt = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const files = writeWireFiles(join(dir, 'wire'), count);
    const store = openStore(location ?? { kind: 'sqlite', path: join(dir, 'bench.db') });
    await migrate(store);
    if (labels > 0) await labelStories(store, join(dir, 'labelled'), count, labels);
    const started = performance.now();
    const cpu = process.cpuUsage();
    let items = 0;
    for (const file of files) {
      const run = await ingestInput(file, { store, sectors: DEFAULT_SECTORS, now: () => new Date(), dedupe, ...(announce ? { announceWithin: announceWithin(store.engine, quiet) } : {}) });
      if (run.error) throw new Error(run.error);
      items += run.new + run.updated + run.unchanged;
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    await store.close();
    return { items, seconds, itemsPerSecond: items / seconds, itemsPerCpuSecond: items / ((used.user + used.system) / 1e6) };
  } finally {
    removeOnInterrupt();
    rmSync(dir, { recursive: true, force: true });
  }
}


/**
 * A desk's labels before the timed run: `labels` other items (numbered after the timed ones)
 * ingested, then each filed by an editor under a sector (spread over all of them), so the
 * timed run's first poll trains the learned model and every item is scored by it.
 */
async function labelStories(store: Store, dir: string, after: number, labels: number): Promise<void> {
  for (const file of writeWireFiles(dir, labels, 1000, undefined, after)) {
    const run = await ingestInput(file, { store, sectors: DEFAULT_SECTORS, now: () => new Date() });
    if (run.error) throw new Error(run.error);
  }
  const ids = await store.db.selectFrom('stories').select('id').orderBy('id').execute();
  const at = new Date().toISOString();
  for (const [i, { id }] of ids.entries()) {
    await addSectorLabel(store.db, { storyId: id, sector: DEFAULT_SECTORS[(i * 7) % DEFAULT_SECTORS.length]?.slug ?? 'politics', labelledBy: 'bench', labelledAt: at });
  }
}

/**
 * benchIngest in a child process (`node --import tsx bench/ingest.ts COUNT [POSTGRES_URL]`,
 * which prints the figures as JSON): the driver's event loop stays free while the ingest
 * keeps a core busy, so a Ctrl-C reaches its cleanup (tsx kills a process that does not
 * answer a signal within 60 ms, before any cleanup could run).
 */
export async function benchIngestInChild(count: number, options: IngestOptions = {}): Promise<IngestFigures> {
  const { location, dedupe = true, labels = 0, announce = false } = options;
  if (location?.kind === 'sqlite') throw new Error('benchIngestInChild: SQLite always goes to a temporary file');
  const args = ['--import', 'tsx', 'bench/ingest.ts', String(count), ...(location ? [location.url] : []), ...(dedupe ? [] : ['--no-dedupe']), ...(labels > 0 ? [`--labels=${labels}`] : []), ...(announce ? ['--announce'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const stopOnInterrupt = onInterrupt(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited.catch(() => undefined);
  });
  try {
    const code = await exited;
    if (code !== 0) throw new Error(`ingest benchmark child exited with ${String(code)}`);
    return JSON.parse(out) as IngestFigures;
  } finally {
    stopOnInterrupt();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dedupe = !args.includes('--no-dedupe');
  const labels = Number(args.find((a) => a.startsWith('--labels='))?.slice('--labels='.length) ?? 0);
  const [count, url] = args.filter((a) => !a.startsWith('--'));
  if (!(Number(count) > 0) || !(labels >= 0)) throw new Error('usage: ingest.ts COUNT [POSTGRES_URL] [--no-dedupe] [--labels=N] [--announce]');
  const figures = await benchIngest(Number(count), { ...(url ? { location: { kind: 'postgres', url } } : {}), dedupe, labels, announce: args.includes('--announce') });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
