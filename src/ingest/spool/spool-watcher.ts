// Watches a spool folder an FTP drop delivers into and ingests each complete file once,
// whichever of several nodes sharing the folder gets to it. fs.watch wakes it at once;
// a periodic rescan catches what fs.watch misses (NFS and SMB mounts send no events).
import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { Store } from '../../store/store.ts';
import type { Sector } from '../../domain/site.ts';
import { ingestBytes, type IngestFeedResult } from '../pipeline.ts';
import type { PublishedItem, AnnounceWithin } from '../publish/publish-drafts.ts';
import { MAX_BODY_BYTES } from '../fetch/file-fetch.ts';
import { claimFile, ensureSpoolFolders, lookAtFiles, moveToDone, moveToFailed, reclaimAbandoned, type Claim } from './spool-files.ts';
import { StableFiles } from './stable-files.ts';

export interface SpoolTiming {
  /** A file is complete when its size and mtime have not changed for this long. */
  readonly stableMs: number;
  /** Rescan interval, for filesystems where fs.watch misses events; also when abandoned claims are looked for. */
  readonly rescanMs: number;
  /** A file left in processing/ this long was claimed by a node that died: taken again. */
  readonly recoverAfterMs: number;
}

export const DEFAULT_SPOOL_TIMING: SpoolTiming = { stableMs: 2_000, rescanMs: 10_000, recoverAfterMs: 10 * 60_000 };

export interface SpoolDeps {
  readonly dir: string;
  /** Credited when a file's items name no agency. */
  readonly agency?: string;
  readonly store: Store;
  readonly sectors: readonly Sector[];
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  readonly onPublished?: (items: readonly PublishedItem[]) => void;
  readonly announceWithin?: AnnounceWithin;
  /** Told what became of each file taken (tests, metrics). */
  readonly onFile?: (result: SpoolFileResult) => void;
}

export type SpoolFileResult =
  | { readonly kind: 'done'; readonly name: string; readonly path: string; readonly run: IngestFeedResult }
  | { readonly kind: 'failed'; readonly name: string; readonly path: string; readonly reason: string }
  /** The store failed mid-file: the file stays in processing/ and is retried after recoverAfterMs. */
  | { readonly kind: 'crashed'; readonly name: string; readonly error: string };

export interface SpoolWatcher {
  /** Looks at the folder now; resolves when the files found stable are processed. */
  scan(): Promise<void>;
  stop(): Promise<void>;
}

/** Why a file goes to failed/, or undefined when it was ingested. */
function failureOf(run: IngestFeedResult): string | undefined {
  if (run.error) return run.error;
  if (run.rejected > 0 && run.new + run.updated + run.unchanged === 0) return ['spool: every item was rejected', ...run.reasons].join('\n');
  return undefined;
}

export async function startSpoolWatcher(deps: SpoolDeps, timing: Partial<SpoolTiming> = {}): Promise<SpoolWatcher> {
  const t: SpoolTiming = { ...DEFAULT_SPOOL_TIMING, ...timing };
  const { dir, logger } = deps;
  await ensureSpoolFolders(dir).catch((cause: unknown) => {
    throw new Error(`spool: cannot use ${dir}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  });
  const stableFiles = new StableFiles(t.stableMs);
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let soon: NodeJS.Timeout | undefined;
  let soonAt = Infinity;

  async function ingestClaim(claim: Claim): Promise<SpoolFileResult> {
    const size = (await stat(claim.path)).size;
    if (size > MAX_BODY_BYTES) {
      const reason = `spool: ${claim.name} is larger than ${MAX_BODY_BYTES} bytes`;
      return { kind: 'failed', name: claim.name, path: await moveToFailed(dir, claim, reason), reason };
    }
    const run = await ingestBytes(`spool:${claim.name}`, await readFile(claim.path), undefined, {
      store: deps.store,
      sectors: deps.sectors,
      now: () => new Date(),
      ...(deps.agency ? { agency: deps.agency } : {}),
      ...(deps.onPublished ? { onPublished: deps.onPublished } : {}),
      ...(deps.announceWithin ? { announceWithin: deps.announceWithin } : {}),
    });
    const reason = failureOf(run);
    if (reason !== undefined) return { kind: 'failed', name: claim.name, path: await moveToFailed(dir, claim, reason), reason };
    return { kind: 'done', name: claim.name, path: await moveToDone(dir, claim), run };
  }

  async function processClaim(claim: Claim): Promise<void> {
    const result = await ingestClaim(claim).catch((err: unknown): SpoolFileResult => ({ kind: 'crashed', name: claim.name, error: err instanceof Error ? err.message : String(err) }));
    const fields = { spool_dir: dir, file: claim.name };
    if (result.kind === 'done') {
      const { run } = result;
      logger.info({ ...fields, new: run.new, updated: run.updated, unchanged: run.unchanged, rejected: run.rejected }, 'spool file ingested');
    } else if (result.kind === 'failed') {
      logger.warn({ ...fields, event: 'spool_file_failed', err: result.reason }, 'spool file moved to failed/');
    } else {
      logger.error({ ...fields, event: 'spool_file_crashed', err: result.error, retry_after_ms: t.recoverAfterMs }, 'spool file left in processing/');
    }
    deps.onFile?.(result);
  }

  async function runScan(): Promise<void> {
    for (const claim of await reclaimAbandoned(dir, Date.now(), t.recoverAfterMs)) {
      logger.warn({ event: 'spool_file_recovered', spool_dir: dir, file: claim.name }, 'spool file abandoned in processing/ taken again');
      await processClaim(claim);
    }
    const stable = stableFiles.observe(await lookAtFiles(dir), Date.now());
    for (const name of stable) {
      if (stopped) return;
      stableFiles.forget(name);
      const claim = await claimFile(dir, name, Date.now());
      if (claim) await processClaim(claim); // else another node has it
    }
    // Files still being written, or seen once: the second look is due after stableMs.
    if (stableFiles.waiting > 0) scanAfter(t.stableMs);
  }

  function scan(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = runScan()
      .catch((err: unknown) => logger.error({ event: 'spool_scan_failed', spool_dir: dir, err }, 'spool scan failed'))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void scan();
        }
      });
    return running;
  }

  /** Schedules a scan in `ms`, unless one is already due sooner. */
  function scanAfter(ms: number): void {
    if (stopped || Date.now() + ms >= soonAt) return;
    clearTimeout(soon);
    soonAt = Date.now() + ms;
    soon = setTimeout(() => {
      soonAt = Infinity;
      void scan();
    }, ms);
    soon.unref();
  }

  let watcher: FSWatcher | undefined;
  try {
    // Events come in bursts while a file is written; a short delay gathers them.
    watcher = watch(dir, { persistent: false }, () => scanAfter(50));
    watcher.on('error', (err) => logger.warn({ spool_dir: dir, err }, 'spool fs.watch failed; rescanning only'));
  } catch (err) {
    logger.warn({ spool_dir: dir, err }, 'spool fs.watch unavailable; rescanning only');
  }
  const timer = setInterval(() => void scan(), t.rescanMs);
  timer.unref();
  void scan();
  return {
    scan,
    async stop() {
      stopped = true;
      watcher?.close();
      clearInterval(timer);
      clearTimeout(soon);
      await running;
    },
  };
}
