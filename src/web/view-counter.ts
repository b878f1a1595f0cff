// Reader views, counted off the hot path: an article GET adds one to an in-memory
// map; a timer writes the map in one transaction every couple of seconds, and the
// app's onClose writes what is left.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { addViews } from '../store/page-queries.ts';

// Crawlers, link previewers and scripted clients are not readers.
const NOT_A_READER = /bot|crawl|spider|slurp|curl|wget|python-requests|httpclient|okhttp|go-http-client|headlesschrome|facebookexternalhit|preview/i;

/** True for a user agent that is missing or plainly not a person's browser. */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || NOT_A_READER.test(userAgent);
}

export class ViewCounter {
  private pending = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onError: (err: unknown, lost: number) => void,
  ) {}

  count(storyId: number): void {
    this.pending.set(storyId, (this.pending.get(storyId) ?? 0) + 1);
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  /** Writes the counts gathered so far; concurrent calls run one after another. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await addViews(this.db, batch, new Date());
    } catch (err) {
      // Views are a ranking signal, not a ledger: report the loss and carry on.
      let lost = 0;
      for (const n of batch.values()) lost += n;
      this.onError(err, lost);
    }
  }
}
