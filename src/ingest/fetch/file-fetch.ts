import { readFile, stat } from 'node:fs/promises';
import type { FetchOutcome, Validators } from './fetch-outcome.ts';
import { hashBody } from './body-hash.ts';

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** A local file; only the body hash can tell that it did not change. */
export async function fetchFile(path: string, validators: Validators = {}): Promise<FetchOutcome> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'failed', error: `fetch/file: ${path} is not a file` };
    if (info.size > MAX_BODY_BYTES) return { kind: 'failed', error: `fetch/file: ${path} is larger than ${MAX_BODY_BYTES} bytes` };
    const bytes = await readFile(path);
    const bodyHash = hashBody(bytes);
    if (validators.bodyHash === bodyHash) return { kind: 'not-modified', by: 'same-body' };
    return { kind: 'ok', bytes, bodyHash, location: path };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    return { kind: 'failed', error: `fetch/file: ${path}: ${why}` };
  }
}
