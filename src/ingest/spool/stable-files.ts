// "Complete" for a file an FTP upload is still writing means: the same size and mtime
// on two looks at least `stableMs` apart. Pure: the watcher brings the looks and the clock.
import type { FileLook } from './spool-files.ts';

interface Seen {
  readonly size: number;
  readonly mtimeMs: number;
  readonly since: number;
}

export class StableFiles {
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly stableMs: number) {}

  /** Records one look at the folder; returns the names unchanged for at least stableMs. */
  observe(looks: readonly FileLook[], now: number): string[] {
    const stable: string[] = [];
    const present = new Set<string>();
    for (const look of looks) {
      present.add(look.name);
      const before = this.seen.get(look.name);
      if (!before || before.size !== look.size || before.mtimeMs !== look.mtimeMs) {
        this.seen.set(look.name, { size: look.size, mtimeMs: look.mtimeMs, since: now });
      } else if (now - before.since >= this.stableMs) {
        stable.push(look.name);
      }
    }
    for (const name of this.seen.keys()) if (!present.has(name)) this.seen.delete(name);
    return stable;
  }

  /** Names seen but not yet stable: the watcher looks again after stableMs for them. */
  get waiting(): number {
    return this.seen.size;
  }

  forget(name: string): void {
    this.seen.delete(name);
  }
}
