// The surrogate keys a publish changed, for the page caches of every node: what a
// proxy purge drops (purgeKeysFor, from each story's sector and agency in the store),
// each changed story's own key, and `site` after a kill, because a killed story may be
// named by any page's rail and must not be served again from any cache.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { lookUpChanges } from './purge/publish-purge.ts';
import { HOME_KEY, FEED_KEY, LATEST_KEY, SEARCH_KEY, SITE_KEY, purgeKeysFor, storyKey } from './surrogate-keys.ts';
import type { PageChange } from './page-cache.ts';

/** What the publish stage announces (`PublishedItem`). */
export interface ChangedItem {
  readonly storyId: number;
  readonly outcome: string;
  readonly status: string;
}

function withStoryKeys(keys: readonly string[], items: readonly ChangedItem[]): string[] {
  const all = new Set(keys);
  for (const item of items) all.add(storyKey(item.storyId));
  if (items.some((i) => i.status === 'killed')) all.add(SITE_KEY);
  return [...all];
}

/**
 * The keys known without the store: the lists every publish changes and each story's
 * own pages (which include the lists naming it). A new story's sector and agency lists
 * need `changeKeysFor`.
 */
export function immediateChangeKeys(items: readonly ChangedItem[]): string[] {
  return withStoryKeys([HOME_KEY, LATEST_KEY, FEED_KEY, SEARCH_KEY], items);
}

/** The change to announce; without keys (everything) when the stories cannot be looked up. */
export async function changeFor(db: Kysely<Database>, items: readonly ChangedItem[], onLookupError: (err: unknown) => void): Promise<PageChange> {
  const storyIds = items.map((i) => i.storyId);
  try {
    const stories = await lookUpChanges(db, items.map((i) => ({ storyId: i.storyId, outcome: i.outcome })));
    return { storyIds, keys: withStoryKeys(purgeKeysFor(stories), items) };
  } catch (err) {
    onLookupError(err);
    return { storyIds };
  }
}
