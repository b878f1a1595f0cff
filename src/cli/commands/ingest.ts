import { parseCommandArgs } from '../args.ts';
import { configWithDb, openMigratedStore } from '../context.ts';
import { createProgress } from '../progress.ts';
import { UsageError } from '../usage.ts';
import { ingestInput } from '../../ingest/pipeline.ts';
import type { IngestSummary } from '../../domain/source.ts';
import { createAnnouncer } from '../announcer.ts';
import { createLogger } from '../../lib/logger.ts';

export function formatSummary(s: IngestSummary): string {
  const counts = `new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected}`;
  return s.error ? `${s.input}: failed: ${s.error}` : `${s.input}: ${counts}`;
}

export async function runIngest(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('ingest', args, { db: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('ingest: give at least one file or URL');
  const config = configWithDb(values.db);
  const store = await openMigratedStore(config);
  // What is published from here is news to the serving nodes, the proxies and the hub,
  // as when serve ingests it: a kill filed from the command line must not stay cached.
  const announcer = await createAnnouncer(config, store, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  let failed = 0;
  try {
    for (const input of positionals) {
      const progress = createProgress(input);
      const run = await ingestInput(input, {
        store,
        sectors: config.site.sectors,
        now: () => new Date(),
        onProgress: (done, total) => progress.update(done, total),
        ...announcer.ingest,
      });
      progress.stop();
      if (run.error) failed++;
      console.log(formatSummary(run));
      for (const reason of run.reasons.slice(0, 10)) console.error(`  rejected ${reason}`);
      if (run.reasons.length > 10) console.error(`  … and ${run.reasons.length - 10} more rejected`);
    }
  } finally {
    await announcer.close().finally(() => store.close());
  }
  return failed > 0 ? 1 : 0;
}
