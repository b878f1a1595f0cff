// Seeds a SQLite database with N synthetic stories through the real ingest and
// writes their article paths as JSON next to it. Run as its own process so the
// benchmark driver stays lean.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeWireFiles } from './make-wire.ts';
import { migrate, openStore } from '../src/store/store.ts';
import { ingestInput } from '../src/ingest/pipeline.ts';
import { DEFAULT_SECTORS } from '../src/config/site-defaults.ts';

export async function seedDatabase(dbPath: string, count: number): Promise<string[]> {
  const store = openStore({ kind: 'sqlite', path: dbPath });
  await migrate(store);
  for (const file of writeWireFiles(join(dirname(dbPath), 'wire'), count)) {
    const run = await ingestInput(file, { store, sectors: DEFAULT_SECTORS, now: () => new Date() });
    if (run.error) throw new Error(run.error);
  }
  const rows = await store.db.selectFrom('stories').select(['id', 'sector', 'slug']).orderBy('id').execute();
  await store.close();
  return rows.map((r) => `/article/${r.sector}/${r.id}-${r.slug}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dbPath, count] = process.argv.slice(2);
  if (!dbPath) throw new Error('usage: seed-db.ts DB_PATH [COUNT]');
  const paths = await seedDatabase(dbPath, Number(count ?? 10_000));
  writeFileSync(`${dbPath}.paths.json`, JSON.stringify(paths));
}
