// After a publish, on the node that made it: the announced story ids become surrogate
// keys (each story's sector and agency looked up in the store) and go to the purge
// queue. Never awaited by the publisher; a failed lookup still purges what it can.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { findStoryFilings } from '../../store/story-repository.ts';
import { purgeKeysFor, type ChangedStory } from '../surrogate-keys.ts';
import type { Logger } from 'pino';
import { createPurgeQueue, type PurgeQueue, type PurgeQueueOptions } from './purge-queue.ts';
import type { Purger } from './purger.ts';

/** What the publish stage announces (`PublishedItem`): which story, and what happened to it. */
export interface AnnouncedChange {
  readonly storyId: number;
  readonly outcome: string;
}

export async function lookUpChanges(db: Kysely<Database>, changes: readonly AnnouncedChange[]): Promise<ChangedStory[]> {
  if (changes.length === 0) return [];
  // One query, not one a story: this runs inside every publish transaction on PostgreSQL.
  const filings = await findStoryFilings(db, [...new Set(changes.map((c) => c.storyId))]);
  return changes.map((c) => {
    const story = filings.get(c.storyId);
    // Any status: a story just withdrawn must leave the caches too.
    return story ? { id: c.storyId, outcome: c.outcome, sector: story.sector, agency: story.agency } : { id: c.storyId, outcome: c.outcome };
  });
}

export async function purgeAnnouncedChanges(
  db: Kysely<Database>,
  queue: PurgeQueue,
  changes: readonly AnnouncedChange[],
  onLookupError: (err: unknown) => void,
): Promise<void> {
  if (changes.length === 0) return;
  try {
    queue.enqueue(purgeKeysFor(await lookUpChanges(db, changes)));
  } catch (err) {
    onLookupError(err);
    // Without sectors and agencies their lists expire by max-age; the rest goes now.
    queue.enqueue(purgeKeysFor(changes.map((c) => ({ id: c.storyId, outcome: c.outcome }))));
  }
}

export interface PublishPurger {
  /** Call with what a publish changed; returns at once. */
  announce(changes: readonly AnnouncedChange[]): void;
  /** Waits for lookups and purges under way (tests; shutdown uses close). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export function createPublishPurger(
  db: Kysely<Database>,
  purgers: readonly Purger[],
  logger: Pick<Logger, 'warn' | 'debug' | 'error'>,
  opts: Pick<PurgeQueueOptions, 'windowMs' | 'retryDelaysMs'> = {},
): PublishPurger {
  const queue = createPurgeQueue({ purgers, logger, ...opts });
  const lookups = new Set<Promise<void>>();
  const settleLookups = async () => {
    while (lookups.size > 0) await Promise.all(lookups);
  };
  return {
    announce(changes) {
      const p = purgeAnnouncedChanges(db, queue, changes, (err) =>
        logger.error({ event: 'purge_lookup_failed', err, stories: changes.length }, 'changed stories could not be looked up; purging without their lists'),
      ).finally(() => lookups.delete(p));
      lookups.add(p);
    },
    async settle() {
      await settleLookups();
      await queue.drain();
    },
    async close() {
      await settleLookups();
      await queue.close();
    },
  };
}
