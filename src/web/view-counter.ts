// Reader views for trending, counted off the hot path and without cookies or
// third-party scripts. An article GET notes (reader, story) in memory; a timer writes
// the batch every couple of seconds (and the app's onClose writes what is left).
//
// Who counts: browsers, not crawlers (user agent) and not scrapers (behaviour: a
// "reader" opening more than MAX_STORIES_PER_WINDOW different stories within
// BEHAVIOUR_WINDOW_MS is not reading them). How often: once per reader per story per
// UTC day, on every node together — the database keeps a key per counted view, a hash
// of (the day's random salt, address, user agent, story). Salts and keys are deleted
// after the next day, so nothing stored can be traced back to a reader.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { addViews } from '../store/page-queries.ts';
import { daySalt, pruneReaderViews, recordReaderViews, type ReaderView } from '../store/view-repository.ts';

// Crawlers, link previewers and scripted clients are not readers.
const NOT_A_READER = /bot|crawl|spider|slurp|curl|wget|python-requests|httpclient|okhttp|go-http-client|headlesschrome|facebookexternalhit|preview/i;

export const BEHAVIOUR_WINDOW_MS = 10 * 60_000;
export const MAX_STORIES_PER_WINDOW = 30;

/** True for a user agent that is missing or plainly not a person's browser. */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || NOT_A_READER.test(userAgent);
}

export interface Reader {
  readonly address: string;
  readonly userAgent: string | undefined;
}

interface Pending {
  readonly day: string;
  /** Unsalted, in memory only, never written: the salted key is made at flush time. */
  readonly reader: string;
  readonly storyId: number;
  readonly at: Date;
}

const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export class ViewCounter {
  private pending: Pending[] = [];
  /** (day, reader, story) seen by this node, so repeats never reach the database. */
  private seen = new Set<string>();
  private seenDay = '';
  private recent = new Map<string, { readonly since: number; readonly stories: Set<number> }>();
  private salts = new Map<string, string>();
  private prunedFor = '';
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onError: (err: unknown, lost: number) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Notes a view; false when it does not count (a bot, a scraper, or a repeat today). */
  count(storyId: number, reader: Reader): boolean {
    if (isBot(reader.userAgent)) return false;
    const at = this.now();
    const id = sha256(`${reader.address}\n${reader.userAgent ?? ''}`);
    if (this.looksScripted(id, storyId, at.getTime())) return false;
    const day = dayOf(at);
    if (day !== this.seenDay) {
      this.seen = new Set();
      this.seenDay = day;
    }
    const key = `${id}:${storyId}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.pending.push({ day, reader: id, storyId, at });
    return true;
  }

  private looksScripted(reader: string, storyId: number, now: number): boolean {
    let entry = this.recent.get(reader);
    if (!entry || now - entry.since > BEHAVIOUR_WINDOW_MS) {
      entry = { since: now, stories: new Set() };
      this.recent.set(reader, entry);
    }
    entry.stories.add(storyId);
    return entry.stories.size > MAX_STORIES_PER_WINDOW;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  /** Writes the views gathered so far; concurrent calls run one after another. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async salt(day: string): Promise<string> {
    let salt = this.salts.get(day);
    if (salt === undefined) {
      salt = await daySalt(this.db, day, () => randomBytes(32).toString('hex'));
      this.salts.set(day, salt);
    }
    return salt;
  }

  private async write(): Promise<void> {
    this.forgetOldReaders();
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      const views: ReaderView[] = [];
      for (const p of batch) views.push({ day: p.day, readerKey: sha256(`${await this.salt(p.day)}\n${p.reader}\n${p.storyId}`).slice(0, 32), storyId: p.storyId });
      const firsts = await recordReaderViews(this.db, views);
      await addViews(this.db, firsts, batch[batch.length - 1]?.at ?? this.now());
      await this.pruneOnceADay();
    } catch (err) {
      // Views are a ranking signal, not a ledger: report the loss and carry on.
      this.onError(err, batch.length);
    }
  }

  private forgetOldReaders(): void {
    const now = this.now().getTime();
    for (const [reader, entry] of this.recent) if (now - entry.since > BEHAVIOUR_WINDOW_MS) this.recent.delete(reader);
  }

  /** Keys and salts of the day before yesterday go: yesterday's stay for a late flush. */
  private async pruneOnceADay(): Promise<void> {
    const today = dayOf(this.now());
    if (this.prunedFor === today) return;
    const yesterday = dayOf(new Date(this.now().getTime() - 86_400_000));
    await pruneReaderViews(this.db, yesterday);
    for (const day of this.salts.keys()) if (day < yesterday) this.salts.delete(day);
    this.prunedFor = today;
  }
}
