// Ingest throughput, end to end from files into the store: fetch (file), parse,
// normalize, dedupe, classify, publish. Prints items/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWireFiles } from './make-wire.ts';
import { migrate, openStore, type StoreLocation } from '../src/store/store.ts';
import { ingestInput } from '../src/ingest/pipeline.ts';
import { DEFAULT_SECTORS } from '../src/config/site-defaults.ts';

export interface IngestFigures {
  readonly items: number;
  readonly seconds: number;
  readonly itemsPerSecond: number;
}

export async function benchIngest(count: number, location?: StoreLocation): Promise<IngestFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-'));
  try {
    const files = writeWireFiles(join(dir, 'wire'), count);
    const store = openStore(location ?? { kind: 'sqlite', path: join(dir, 'bench.db') });
    await migrate(store);
    const started = performance.now();
    let items = 0;
    for (const file of files) {
      const run = await ingestInput(file, { store, sectors: DEFAULT_SECTORS, now: () => new Date() });
      if (run.error) throw new Error(run.error);
      items += run.new + run.updated + run.unchanged;
    }
    const seconds = (performance.now() - started) / 1000;
    await store.close();
    return { items, seconds, itemsPerSecond: items / seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

