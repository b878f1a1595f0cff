import { readFile, stat } from 'node:fs/promises';
import type { FetchOutcome } from './fetch-outcome.ts';

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function fetchFile(path: string): Promise<FetchOutcome> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'failed', error: `fetch/file: ${path} is not a file` };
    if (info.size > MAX_BODY_BYTES) return { kind: 'failed', error: `fetch/file: ${path} is larger than ${MAX_BODY_BYTES} bytes` };
    return { kind: 'ok', bytes: await readFile(path), location: path };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    return { kind: 'failed', error: `fetch/file: ${path}: ${why}` };
  }
}
