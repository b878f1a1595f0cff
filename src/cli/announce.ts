// After an editor's change from the command line (a story's kind, a static page): tell
// the serving nodes and the caching proxies, as a publish does. On PostgreSQL every node
// hears a NOTIFY and drops the pages carrying the keys; on the embedded store each
// serving process reads a change note within a second (jobs/change-notes.ts).
// WIREDESK_PURGE targets are purged once each.
import type { Config } from '../config/config.ts';
import type { Store } from '../store/store.ts';
import { notifyChange } from '../jobs/change-bus.ts';
import { noteChange } from '../jobs/change-notes.ts';
import { createPurgers } from '../web/purge/create-purgers.ts';

export async function announceChange(config: Config, store: Store, change: { readonly storyIds: readonly number[]; readonly keys: readonly string[] }): Promise<void> {
  // No story ids: every node drops every cached page (a static page is on none of the story keys).
  const event = change.storyIds.length > 0 ? change : { storyIds: [] };
  const told = config.databaseUrl ? notifyChange(config.databaseUrl, event) : noteChange(store, event);
  await told.catch((err: unknown) => console.error(`wiredesk: serving nodes not told (${(err as Error).message}); their copies expire within 60 s`));
  for (const purger of createPurgers(config.purge)) {
    const result = await purger.purge(change.keys);
    if (result.kind === 'failed') console.error(`wiredesk: purge of ${purger.name} failed (${result.error}); cached copies expire within 60 s`);
  }
}
