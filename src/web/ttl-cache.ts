// A value loaded at most once per `ttlMs`, shared by every request. Once loaded, an
// expired value is still served while one refresh runs in the background, so no
// reader waits on the database for sidebar data (stale-while-revalidate).

export class TtlCache<T> {
  private value: T | undefined;
  private loadedAt = 0;
  private inFlight: Promise<T> | undefined;
  private generation = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly onError: (err: unknown) => void = () => {},
    /** Each `get`: hit when served from memory (fresh or stale), miss when it waits on a load. */
    private readonly onLookup: (hit: boolean) => void = () => {},
  ) {}

  async get(): Promise<T> {
    this.onLookup(this.value !== undefined);
    if (this.value === undefined) return this.refresh();
    if (this.now() - this.loadedAt >= this.ttlMs) this.refresh().catch(this.onError);
    return this.value;
  }

  /** The last loaded value, without waiting (for the 500 page). */
  peek(): T | undefined {
    return this.value;
  }

  /** The next `get` loads afresh and waits for it. */
  invalidate(): void {
    this.value = undefined;
    this.inFlight = undefined;
    this.generation++;
  }

  private refresh(): Promise<T> {
    if (this.inFlight) return this.inFlight;
    const generation = this.generation;
    const p = this.load().then(
      (v) => {
        // A load begun before an invalidation may hold data from before it: don't keep it.
        if (generation === this.generation) {
          this.value = v;
          this.loadedAt = this.now();
          this.inFlight = undefined;
        }
        return v;
      },
      (err: unknown) => {
        if (generation === this.generation) {
          this.inFlight = undefined;
          // Keep serving the old value and try again a TTL from now, not on every request.
          if (this.value !== undefined) this.loadedAt = this.now();
        }
        throw err;
      },
    );
    this.inFlight = p;
    return p;
  }
}

/**
 * A TtlCache per key, for values many requests share but too many to load up front
 * (the newest stories of each tag). At most `maxKeys` are kept: the least recently
 * asked for goes first. `invalidate` drops them all.
 */
export class KeyedTtlCache<K, T> {
  private readonly caches = new Map<string, TtlCache<T>>();

  constructor(
    private readonly load: (key: K) => Promise<T>,
    private readonly keyOf: (key: K) => string,
    private readonly opts: { readonly ttlMs: number; readonly maxKeys: number; readonly now?: () => number; readonly onError?: (err: unknown) => void; readonly onLookup?: (hit: boolean) => void },
  ) {}

  get(key: K): Promise<T> {
    const k = this.keyOf(key);
    let cache = this.caches.get(k);
    if (cache) {
      // Re-inserted below: a Map iterates in insertion order, so the first key is the least recent.
      this.caches.delete(k);
    } else {
      cache = new TtlCache(() => this.load(key), this.opts.ttlMs, this.opts.now, this.opts.onError, this.opts.onLookup);
      if (this.caches.size >= this.opts.maxKeys) this.caches.delete(this.caches.keys().next().value as string);
    }
    this.caches.set(k, cache);
    return cache.get();
  }

  /** Keys held now (for tests and metrics). */
  get size(): number {
    return this.caches.size;
  }

  invalidate(): void {
    // A load in flight finishes into a cache no longer held: nothing from before survives.
    this.caches.clear();
  }
}
