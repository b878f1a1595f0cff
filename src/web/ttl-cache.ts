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
