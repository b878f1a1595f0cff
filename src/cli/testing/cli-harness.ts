// For CLI tests: a fresh temporary folder per test and console output captured as lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

export interface CliHarness {
  /** This test's temporary folder. */
  readonly dir: string;
  /** Lines printed with console.log / console.error since the test started (or `clear()`). */
  readonly out: string[];
  readonly err: string[];
  clear(): void;
}

/** Registers beforeEach/afterEach hooks; read the fields inside tests. */
export function useCliHarness(prefix: string): CliHarness {
  const h = { dir: '', out: [] as string[], err: [] as string[] };
  beforeEach(() => {
    h.dir = mkdtempSync(join(tmpdir(), `wiredesk-${prefix}-`));
    h.out = [];
    h.err = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void h.out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void h.err.push(a.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(h.dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return h.dir;
    },
    get out() {
      return h.out;
    },
    get err() {
      return h.err;
    },
    clear() {
      h.out = [];
      h.err = [];
    },
  };
}
