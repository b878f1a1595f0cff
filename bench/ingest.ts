// Ingest throughput, end to end from files into the store: fetch (file), parse,
// normalize, dedupe, classify, publish. Prints items/s.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWireFiles } from './make-wire.ts';
import { migrate, openStore, type StoreLocation } from '../src/store/store.ts';
import { ingestInput } from '../src/ingest/pipeline.ts';
import { DEFAULT_SECTORS } from '../src/config/site-defaults.ts';
import { onInterrupt } from './interrupt.ts';

export interface IngestFigures {
  readonly items: number;
  readonly seconds: number;
  readonly itemsPerSecond: number;
  /** Items per second of the process's own CPU time: steadier than wall time on a shared box. */
  readonly itemsPerCpuSecond?: number;
}

export async function benchIngest(count: number, location?: StoreLocation, dedupe = true): Promise<IngestFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  const removeOnInterrupt = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const files = writeWireFiles(join(dir, 'wire'), count);
    const store = openStore(location ?? { kind: 'sqlite', path: join(dir, 'bench.db') });
    await migrate(store);
    const started = performance.now();
    const cpu = process.cpuUsage();
    let items = 0;
    for (const file of files) {
      const run = await ingestInput(file, { store, sectors: DEFAULT_SECTORS, now: () => new Date(), dedupe });
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
 * benchIngest in a child process (`node --import tsx bench/ingest.ts COUNT [POSTGRES_URL]`,
 * which prints the figures as JSON): the driver's event loop stays free while the ingest
 * keeps a core busy, so a Ctrl-C reaches its cleanup (tsx kills a process that does not
 * answer a signal within 60 ms, before any cleanup could run).
 */
export async function benchIngestInChild(count: number, location?: StoreLocation, dedupe = true): Promise<IngestFigures> {
  if (location?.kind === 'sqlite') throw new Error('benchIngestInChild: SQLite always goes to a temporary file');
  const args = ['--import', 'tsx', 'bench/ingest.ts', String(count), ...(location ? [location.url] : []), ...(dedupe ? [] : ['--no-dedupe'])];
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
  const [count, url] = args.filter((a) => a !== '--no-dedupe');
  if (!(Number(count) > 0)) throw new Error('usage: ingest.ts COUNT [POSTGRES_URL] [--no-dedupe]');
  const figures = await benchIngest(Number(count), url ? { kind: 'postgres', url } : undefined, dedupe);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
