// Runs claimed work with a global limit and a per-host limit, refilling a slot as soon
// as it frees: one slow host holds only its own slots, never a batch of the others.
//
// A claimed item whose host is already at its limit is released at once (so another
// node may take it) and left out of this node's claims until a slot on that host
// frees; holding it would keep its lease ticking while it waits for a slow host.
// Limits are per node: N nodes may each send `perHost` requests to one host.

export interface HostPoolOptions<T> {
  readonly maxConcurrent: number;
  readonly perHost: number;
  hostOf(item: T): string;
  idOf(item: T): number;
  /** Claims up to `limit` due items, none of `exclude`. */
  claim(limit: number, exclude: readonly number[]): Promise<readonly T[]>;
  /** Gives back a claimed item that will not run now. */
  release(item: T): Promise<void>;
  /** Must not reject: failures are the caller's to record. */
  run(item: T): Promise<void>;
  /** A claim or release that threw (the store): logged by the caller; the next fill retries. */
  onError(err: unknown): void;
}

export interface HostPool {
  /** Claims and starts work until the limits are full or nothing is due. */
  fill(): Promise<void>;
  /** Resolves when nothing runs and no fill is under way. */
  idle(): Promise<void>;
  /** No more claims; running work finishes. */
  stop(): void;
  readonly running: number;
}

export function createHostPool<T>(opts: HostPoolOptions<T>): HostPool {
  const running = new Set<Promise<void>>();
  const perHost = new Map<string, number>();
  const deferred = new Map<string, Set<number>>();
  let filling: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  function start(item: T, host: string): void {
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    const done: Promise<void> = opts.run(item).finally(() => {
      running.delete(done);
      perHost.set(host, (perHost.get(host) ?? 1) - 1);
      deferred.delete(host);
      void fill();
    });
    running.add(done);
  }

  async function fillOnce(): Promise<void> {
    while (!stopped) {
      const room = opts.maxConcurrent - running.size;
      if (room <= 0) return;
      const exclude = [...deferred.values()].flatMap((ids) => [...ids]);
      const claimed = await opts.claim(room, exclude);
      if (claimed.length === 0) return;
      for (const item of claimed) {
        const host = opts.hostOf(item);
        if ((perHost.get(host) ?? 0) < opts.perHost && running.size < opts.maxConcurrent) {
          start(item, host);
          continue;
        }
        const ids = deferred.get(host) ?? new Set<number>();
        ids.add(opts.idOf(item));
        deferred.set(host, ids);
        await opts.release(item);
      }
    }
  }

  function fill(): Promise<void> {
    if (filling) {
      again = true;
      return filling;
    }
    filling = (async () => {
      do {
        again = false;
        await fillOnce().catch(opts.onError);
      } while (again && !stopped);
    })().finally(() => {
      filling = undefined;
    });
    return filling;
  }

  return {
    fill,
    async idle() {
      while (running.size > 0 || filling) await Promise.race([...running, ...(filling ? [filling] : [])]);
    },
    stop() {
      stopped = true;
    },
    get running() {
      return running.size;
    },
  };
}
