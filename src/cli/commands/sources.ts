import { redactUrl } from '../../lib/redact.ts';
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseCommandArgs } from '../args.ts';
import { configWithDb, openMigratedStore } from '../context.ts';
import { UsageError } from '../usage.ts';
import { parseDuration } from '../../lib/duration.ts';
import { isUrl } from '../../ingest/fetch/index.ts';
import { findSourceByName, insertSource, listSources, setSourceStoryKind } from '../../store/source-repository.ts';
import { ASSIGNABLE_KINDS, isAssignableKind, type AssignableKind } from '../../domain/story.ts';
import { sourceStatus, type Source } from '../../domain/source.ts';

function defaultName(target: string): string {
  return isUrl(target) ? new URL(target).hostname : basename(target);
}

export async function runSources(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') return addSource(rest);
  if (sub === 'list') return showSources(rest);
  if (sub === 'kind') return changeSourceKind(rest);
  throw new UsageError(sub ? `sources: unknown subcommand "${sub}"` : 'sources: say add, list or kind');
}

/** `--kind`: what the source's items become; a usage error names the choices. */
function storyKindOf(command: string, text: string | undefined): AssignableKind | undefined {
  if (text === undefined) return undefined;
  if (!isAssignableKind(text)) throw new UsageError(`${command}: kind must be one of ${ASSIGNABLE_KINDS.join(', ')}, got "${text}"`);
  return text;
}

/** `sources kind NAME KIND`: from now on its items become KIND (stories already in keep theirs). */
async function changeSourceKind(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('sources kind', args, { db: { type: 'string' } });
  const [name, kindText, ...extra] = positionals;
  if (!name || !kindText || extra.length > 0) throw new UsageError('sources kind: give a source name and a kind');
  const kind = storyKindOf('sources kind', kindText)!;
  const store = await openMigratedStore(configWithDb(values.db));
  try {
    if (!(await setSourceStoryKind(store.db, name, kind))) {
      console.error(`sources kind: no source named "${name}"`);
      return 1;
    }
    console.log(`source "${name}": new items become ${kind}`);
    return 0;
  } finally {
    await store.close();
  }
}

async function addSource(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('sources add', args, {
    db: { type: 'string' },
    name: { type: 'string' },
    interval: { type: 'string', default: '5m' },
    agency: { type: 'string' },
    push: { type: 'string' },
    kind: { type: 'string' },
  });
  const storyKind = storyKindOf('sources add', values.kind);
  if (values.push !== undefined) return addPushSource(values.push, positionals, values.agency, values.db, storyKind);
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
    const source = await insertSource(store.db, { name, url, intervalSeconds, ...(values.agency ? { agency: values.agency } : {}), ...(storyKind ? { storyKind } : {}) }, new Date());
    const as = source.storyKind === 'wire' ? '' : `, items become ${source.storyKind}`;
    console.log(`added source ${source.id} "${source.name}" ${redactUrl(source.url)} every ${intervalSeconds}s${as}`);
    return 0;
  } finally {
    await store.close();
  }
}

/** A push source: never polled; its token is printed once here and never again. */
async function addPushSource(name: string, extra: readonly string[], agency: string | undefined, db: string | undefined, storyKind: AssignableKind | undefined): Promise<number> {
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/i.test(name)) throw new UsageError(`sources add --push: "${name}" must be letters, digits, dots, dashes or underscores (it is part of the push URL)`);
  if (extra.length > 0) throw new UsageError('sources add --push NAME takes no URL');
  const store = await openMigratedStore(configWithDb(db));
  try {
    if (await findSourceByName(store.db, name)) throw new UsageError(`sources add: a source named "${name}" already exists`);
    const token = randomBytes(32).toString('base64url');
    await insertSource(store.db, { name, url: `push:${name}`, intervalSeconds: 0, pushToken: token, ...(agency ? { agency } : {}), ...(storyKind ? { storyKind } : {}) }, new Date());
    console.log(`added push source "${name}": POST feeds to /api/ingest/${name}`);
    console.log(`token (shown once, store it now): ${token}`);
    console.log('send it as "Authorization: Bearer <token>" or sign the body: "X-Wiredesk-Signature: sha256=<hex HMAC-SHA256 of the body with the token>"');
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
      if (s.kind === 'push') {
        console.log(`${s.id}\t${s.name}\tPOST /api/ingest/${s.name}\tpush${s.storyKind === 'wire' ? '' : `\t${s.storyKind}`}`);
        continue;
      }
      console.log(describePollSource(s, new Date()));
    }
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * One tab-separated line: id, name, URL, interval (and the learned one when it
 * differs), status (pending, ok, failing, quiet), items per day, last success, last error.
 */
export function describePollSource(s: Source, now: Date): string {
  const learned = s.pollIntervalSeconds !== null && s.pollIntervalSeconds !== s.intervalSeconds ? ` (learned ${s.pollIntervalSeconds}s)` : '';
  const status = sourceStatus(s, now);
  const detail =
    status === 'failing' ? `failing (${s.consecutiveFailures} in a row)` : status === 'quiet' ? `quiet (no item since ${s.rhythm.lastItemAt ?? '?'})` : status;
  const perDay = `${s.rhythm.itemsPerDay ?? '-'} items/day`;
  const success = s.lastSuccessAt ? `ok at ${s.lastSuccessAt}` : s.lastFetchedAt ? 'never succeeded' : 'not fetched yet';
  const error = s.lastError ? `\tlast error at ${s.lastErrorAt ?? s.lastFetchedAt ?? '?'}: ${s.lastError}` : '';
  const kind = s.storyKind === 'wire' ? '' : ` (${s.storyKind})`;
  return `${s.id}\t${s.name}${kind}\t${redactUrl(s.url)}\tevery ${s.intervalSeconds}s${learned}\t${detail}\t${perDay}\t${success}${error}`;
}
