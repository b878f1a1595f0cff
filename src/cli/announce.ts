// After an editor's change from the command line (a story's kind, a static page): tell
// the serving nodes and the caching proxies, as a publish does. On PostgreSQL every node
// hears a NOTIFY and drops the pages carrying the keys; WIREDESK_PURGE targets are
// purged once each. On the embedded store the serving process has no channel to hear
// us on: its in-memory copies expire within their 60 s.
import type { Config } from '../config/config.ts';
import { notifyChange } from '../jobs/change-bus.ts';
import { createPurgers } from '../web/purge/create-purgers.ts';

export async function announceChange(config: Config, change: { readonly storyIds: readonly number[]; readonly keys: readonly string[] }): Promise<void> {
  if (config.databaseUrl) {
    // No story ids: every node drops every cached page (a static page is on none of the story keys).
    await notifyChange(config.databaseUrl, change.storyIds.length > 0 ? change : { storyIds: [] }).catch((err: unknown) =>
      console.error(`wiredesk: serving nodes not told (${(err as Error).message}); their copies expire within 60 s`),
    );
  }
  for (const purger of createPurgers(config.purge)) {
    const result = await purger.purge(change.keys);
    if (result.kind === 'failed') console.error(`wiredesk: purge of ${purger.name} failed (${result.error}); cached copies expire within 60 s`);
  }
}
