import { statSync } from 'node:fs';
import { parseCommandArgs } from '../args.ts';
import { createProgress, type Progress } from '../progress.ts';
import { UsageError } from '../usage.ts';
import { openStore } from '../../store/store.ts';
import { MigrateDataError, migrateData, type MigrateDataProgress, type TableCount } from '../../store/migrate-data.ts';

export async function runMigrateData(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('migrate-data', args, {
    from: { type: 'string' },
    to: { type: 'string' },
    'batch-size': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`migrate-data: unexpected argument "${positionals[0]}"`);
  const path = parseFrom(values.from);
  const url = parseTo(values.to);
  const batchSize = parseBatchSize(values['batch-size']);
  const source = openStore({ kind: 'sqlite', path });
  const target = openStore({ kind: 'postgres', url });
  const reporter = createReporter();
  try {
    const counts = await migrateData(source, target, { batchSize, onProgress: reporter.onProgress });
    console.log(formatCounts(counts));
    console.log('every table has the same number of rows in both stores');
    return 0;
  } catch (err) {
    if (!(err instanceof MigrateDataError)) throw err;
    reporter.stop();
    if (err.counts.length > 0) console.log(formatCounts(err.counts));
    console.error(`wiredesk: ${err.message}`);
    return 1;
  } finally {
    reporter.stop();
    await Promise.all([source.close(), target.close()]);
  }
}

function parseFrom(from: string | undefined): string {
  if (!from?.startsWith('sqlite:') || from.length === 'sqlite:'.length) throw new UsageError('migrate-data: --from must be sqlite:PATH (the SQLite database file to copy)');
  const path = from.slice('sqlite:'.length);
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`migrate-data: --from: no database file at ${path}`);
  return path;
}

function parseTo(to: string | undefined): string {
  if (!to || !/^postgres(ql)?:\/\//.test(to) || !URL.canParse(to)) throw new UsageError('migrate-data: --to must be a postgres:// URL');
  return to;
}

function parseBatchSize(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`migrate-data: --batch-size must be a positive integer, got "${text}"`);
  return n;
}

/** A progress bar per table on a terminal, and a summary line per table either way. */
function createReporter(): { onProgress: (p: MigrateDataProgress) => void; stop: () => void } {
  let bar: Progress | undefined;
  const stop = (): void => {
    bar?.stop();
    bar = undefined;
  };
  return {
    stop,
    onProgress(p) {
      if (p.kind === 'batch') {
        bar ??= createProgress(p.table);
        bar.update(p.done, p.total);
        return;
      }
      stop();
      const already = p.present > 0 ? `, ${p.present} already there` : '';
      const rate = p.copied > 0 ? ` (${Math.round((p.copied * 1000) / Math.max(p.ms, 1))} rows/s)` : '';
      console.log(`${p.table}: copied ${p.copied} rows${already} in ${(p.ms / 1000).toFixed(1)}s${rate}`);
    },
  };
}

export function formatCounts(counts: readonly TableCount[]): string {
  const width = Math.max(5, ...counts.map((c) => c.table.length));
  const line = (a: string, b: string, c: string, d: string): string => `${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}  ${d}`;
  return [
    line('table', 'source', 'target', ''),
    ...counts.map((c) => line(c.table, String(c.source), String(c.target), c.source === c.target ? 'ok' : 'MISMATCH')),
  ].join('\n');
}
