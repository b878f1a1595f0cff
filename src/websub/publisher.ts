// Publishing side of WebSub: after a publish, update or kill, tell our hub which of our
// feeds changed (`hub.mode=publish`, `hub.url=<feed>`, one request per feed, the form
// most hubs accept), so it fetches them and pushes them to its subscribers. Off the
// publishing path: URLs are collected for a short window, sent, retried with backoff a
// few times, then given up with one log line; the hub still sees the feed on its next poll.
import type { Logger } from 'pino';
import { postToHub } from './hub-client.ts';

// Long enough for the cache purges of the same publish (sent after 50 ms) to land first:
// the hub fetches the feed at once and must not be served the cached one.
export const PING_WINDOW_MS = 1_000;
export const PING_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 30_000];

/** What the publish stage announces (`PublishedItem`). */
export interface ChangedStory {
  readonly storyId: number;
}

export interface HubPingerOptions {
  readonly hub: string;
  /** The feeds that list these stories, absolute URLs; may throw (the site feed is pinged anyway). */
  readonly feedUrls: (changes: readonly ChangedStory[]) => Promise<readonly string[]>;
  /** Pinged when feedUrls fails: the feed every story is in. */
  readonly siteFeedUrl: string;
  readonly logger: Pick<Logger, 'warn' | 'debug' | 'error'>;
  readonly windowMs?: number;
  readonly retryDelaysMs?: readonly number[];
}

export interface HubPinger {
  /** Returns at once. */
  announce(changes: readonly ChangedStory[]): void;
  /** Sends what is collected and waits for every ping under way, retries included (tests). */
  settle(): Promise<void>;
  /** Sends what is collected, then stops retrying; resolves when the last request settles. */
  close(): Promise<void>;
}

export function createHubPinger(opts: HubPingerOptions): HubPinger {
  const delays = opts.retryDelaysMs ?? PING_RETRY_DELAYS_MS;
  const windowMs = opts.windowMs ?? PING_WINDOW_MS;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closing = false;
  const work = new Set<Promise<void>>();
  const wakers = new Set<() => void>();

  const track = (p: Promise<void>) => {
    const tracked = p.finally(() => work.delete(tracked));
    work.add(tracked);
  };
  // Backoff waits that close() cuts short: one last attempt, then give up.
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(t);
        wakers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      wakers.add(wake);
    });

  async function ping(url: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const result = await postToHub(opts.hub, { 'hub.mode': 'publish', 'hub.url': url });
      if (result.kind === 'ok') {
        opts.logger.debug({ hub: opts.hub, feed: url, attempts: attempt + 1 }, 'websub hub pinged');
        return;
      }
      const delay = delays[attempt];
      if (!result.retryable || delay === undefined || closing) {
        opts.logger.warn({ event: 'websub_ping_failed', hub: opts.hub, feed: url, attempts: attempt + 1, err: result.error }, 'websub hub not told of a changed feed');
        return;
      }
      await sleep(delay);
    }
  }

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const urls = [...pending];
    pending = new Set();
    for (const url of urls) track(ping(url));
  }

  function enqueue(urls: readonly string[]): void {
    for (const u of urls) pending.add(u);
    if (!timer && pending.size > 0) timer = setTimeout(flush, windowMs);
  }

  async function lookUp(changes: readonly ChangedStory[]): Promise<void> {
    try {
      enqueue(await opts.feedUrls(changes));
    } catch (err) {
      opts.logger.error({ event: 'websub_ping_lookup_failed', err, stories: changes.length }, 'changed feeds not looked up; pinging the site feed only');
      enqueue([opts.siteFeedUrl]);
    }
  }

  async function settle(): Promise<void> {
    do {
      await Promise.all(work);
      flush();
    } while (work.size > 0);
  }

  return {
    announce(changes) {
      if (changes.length > 0) track(lookUp(changes));
    },
    settle,
    async close() {
      closing = true;
      for (const wake of [...wakers]) wake();
      await settle();
    },
  };
}
