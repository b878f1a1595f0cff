import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseCommandArgs } from '../args.ts';
import { configWithDb, openMigratedStore } from '../context.ts';
import { UsageError } from '../usage.ts';
import { parseDuration } from '../../lib/duration.ts';
import { isUrl } from '../../ingest/fetch/index.ts';
import { findSourceByName, insertSource, listSources } from '../../store/source-repository.ts';

function defaultName(target: string): string {
  return isUrl(target) ? new URL(target).hostname : basename(target);
}

export async function runSources(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') return addSource(rest);
  if (sub === 'list') return showSources(rest);
  throw new UsageError(sub ? `sources: unknown subcommand "${sub}"` : 'sources: say add or list');
}

async function addSource(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('sources add', args, {
    db: { type: 'string' },
    name: { type: 'string' },
    interval: { type: 'string', default: '5m' },
    agency: { type: 'string' },
  });
  const [target, ...extra] = positionals;
  if (!target || extra.length > 0) throw new UsageError('sources add: give exactly one URL or path');
  if (!isUrl(target) && !existsSync(target)) throw new UsageError(`sources add: ${target} is neither an http(s) URL nor an existing file`);
  const intervalSeconds = parseDuration(values.interval);
  if (intervalSeconds === undefined || intervalSeconds < 30) throw new UsageError(`sources add: --interval must be a duration of at least 30s (e.g. 5m), got "${values.interval}"`);
  const config = configWithDb(values.db);
  const store = await openMigratedStore(config);
  try {
    const name = values.name?.trim() || defaultName(target);
    if (await findSourceByName(store.db, name)) throw new UsageError(`sources add: a source named "${name}" already exists`);
    const url = isUrl(target) ? target : resolve(target);
    const source = await insertSource(store.db, { name, url, intervalSeconds, ...(values.agency ? { agency: values.agency } : {}) }, new Date());
    console.log(`added source ${source.id} "${source.name}" ${source.url} every ${intervalSeconds}s`);
    return 0;
  } finally {
    await store.close();
  }
}

async function showSources(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs('sources list', args, { db: { type: 'string' } });
  const store = await openMigratedStore(configWithDb(values.db));
  try {
    const sources = await listSources(store.db);
    if (sources.length === 0) console.log('no sources configured');
    for (const s of sources) {
      const status = s.lastError ? `error: ${s.lastError}` : s.lastFetchedAt ? `ok at ${s.lastFetchedAt}` : 'not fetched yet';
      console.log(`${s.id}\t${s.name}\t${s.url}\tevery ${s.intervalSeconds}s\t${status}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
