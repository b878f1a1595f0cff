// The spool folder's file moves. An FTP drop writes into `dir`; a node takes a file by
// renaming it into processing/ (rename(2) is atomic within one filesystem, so of several
// nodes racing for a file exactly one succeeds), then moves it to done/ or failed/.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, stat, writeFile, access } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

export const PROCESSING = 'processing';
export const DONE = 'done';
export const FAILED = 'failed';

// Names FTP servers and clients write to before the final rename (`.part` by vsftpd
// clients and curl, `.filepart` by WinSCP, `.tmp` generally), and dotfiles (rsync's
// `.name.XXXXXX`, editors' swap files): never taken, the complete file arrives under its own name.
const TEMPORARY = /\.(part|tmp|filepart|crdownload|partial)$/i;

export function isCandidateName(name: string): boolean {
  return !name.startsWith('.') && !TEMPORARY.test(name);
}

export async function ensureSpoolFolders(dir: string): Promise<void> {
  for (const sub of [PROCESSING, DONE, FAILED]) await mkdir(join(dir, sub), { recursive: true });
}

export interface FileLook {
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Regular files in `dir` that could be taken (sub-folders and temporary names left out). */
export async function lookAtFiles(dir: string): Promise<FileLook[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const looks: FileLook[] = [];
  for (const e of entries) {
    if (!e.isFile() || !isCandidateName(e.name)) continue;
    const info = await stat(join(dir, e.name)).catch(() => undefined); // taken by another node meanwhile
    if (info?.isFile()) looks.push({ name: e.name, size: info.size, mtimeMs: info.mtimeMs });
  }
  return looks;
}

/** A file this node holds in processing/: where it is and what it was called. */
export interface Claim {
  readonly path: string;
  readonly name: string;
  readonly claimedAt: number;
}

// processing/<claimed-at ms>~<random>~<original name>: unique per claim, so a second file
// of the same name never overwrites one being read, and the claim time survives a crash.
const CLAIM_NAME = /^(\d+)~([0-9a-f]+)~(.+)$/;

function claimName(name: string, at: number): string {
  return `${at}~${randomBytes(4).toString('hex')}~${name}`;
}

function isGone(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Renames dir/name into processing/; undefined when another node took it first. */
export async function claimFile(dir: string, name: string, now: number): Promise<Claim | undefined> {
  const path = join(dir, PROCESSING, claimName(name, now));
  try {
    await rename(join(dir, name), path);
  } catch (err) {
    if (isGone(err)) return undefined;
    throw err;
  }
  return { path, name, claimedAt: now };
}

/**
 * Files in processing/ claimed more than `olderThanMs` ago: their node died mid-file.
 * Each is re-claimed in place by a fresh rename, so of several nodes recovering it one wins.
 */
export async function reclaimAbandoned(dir: string, now: number, olderThanMs: number): Promise<Claim[]> {
  const folder = join(dir, PROCESSING);
  const claims: Claim[] = [];
  for (const entry of await readdir(folder)) {
    const m = CLAIM_NAME.exec(entry);
    // A file put here by hand carries no claim time: its mtime stands in.
    const claimedAt = m ? Number(m[1]) : ((await stat(join(folder, entry)).catch(() => undefined))?.mtimeMs ?? now);
    if (now - claimedAt < olderThanMs) continue;
    const name = m?.[3] ?? entry;
    const path = join(folder, claimName(name, now));
    try {
      await rename(join(folder, entry), path);
    } catch (err) {
      if (isGone(err)) continue;
      throw err;
    }
    claims.push({ path, name, claimedAt: now });
  }
  return claims;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** A free name in `folder`: the original, else with the claim's unique part before the extension. */
async function freeName(folder: string, claim: Claim): Promise<string> {
  if (!(await exists(join(folder, claim.name)))) return claim.name;
  const ext = extname(claim.name);
  const unique = basename(claim.path).split('~').slice(0, 2).join('-');
  return `${claim.name.slice(0, claim.name.length - ext.length)}.${unique}${ext}`;
}

/** Moves a processed file to done/; returns its new path. */
export async function moveToDone(dir: string, claim: Claim): Promise<string> {
  const target = join(dir, DONE, await freeName(join(dir, DONE), claim));
  await rename(claim.path, target);
  return target;
}

/** Moves a file that could not be ingested to failed/, with `<name>.error.txt` beside it saying why. */
export async function moveToFailed(dir: string, claim: Claim, reason: string): Promise<string> {
  const target = join(dir, FAILED, await freeName(join(dir, FAILED), claim));
  // The reason first: a file in failed/ without one would leave the operator guessing.
  await writeFile(`${target}.error.txt`, `${reason}\n`);
  await rename(claim.path, target);
  return target;
}
