// `stories kind <id> <kind> [--by NAME]`: an editor files a story under another kind
// (an agency's column as opinion, say). Audited (story_audit: kind-changed), and the
// pages that list it are told, as after a publish.
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../usage.ts';
import { configWithDb, openMigratedStore } from '../context.ts';
import { announceChange } from '../announce.ts';
import { changeStoryKind } from '../../store/story-repository.ts';
import { ASSIGNABLE_KINDS, isAssignableKind } from '../../domain/story.ts';
import { FEED_KEY, HOME_KEY, LATEST_KEY, storyKey } from '../../web/surrogate-keys.ts';

const MAX_ID = 2_147_483_647;

export async function runStories(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('stories', args, { db: { type: 'string' }, by: { type: 'string' } });
  const [action, idText, kind, ...extra] = positionals;
  if (action !== 'kind') throw new UsageError(`stories: expected "kind", got "${action ?? ''}"`);
  if (!idText || !/^[1-9][0-9]{0,9}$/.test(idText) || Number(idText) > MAX_ID) throw new UsageError(`stories kind: story id must be a positive whole number, got "${idText ?? ''}"`);
  if (!kind || !isAssignableKind(kind)) throw new UsageError(`stories kind: kind must be one of ${ASSIGNABLE_KINDS.join(', ')}, got "${kind ?? ''}"`);
  if (extra.length > 0) throw new UsageError('stories kind: give a story id and a kind');
  const by = values.by?.trim() || 'cli';
  const id = Number(idText);
  const config = configWithDb(values.db);
  const store = await openMigratedStore(config);
  try {
    const change = await changeStoryKind(store.db, id, kind, by, new Date());
    if (change.outcome === 'missing' || change.outcome === 'roundup') {
      console.error(change.outcome === 'missing' ? `stories kind: no story ${id}` : `stories kind: story ${id} is a roundup, which only the roundup builder makes or changes`);
      return 1;
    }
    if (change.outcome === 'unchanged') {
      console.log(`story ${id}: already ${kind}`);
      return 0;
    }
    // Its page, every list (the kind lists go with the latest list) and the feeds.
    await announceChange(config, store, { storyIds: [id], keys: [storyKey(id), LATEST_KEY, HOME_KEY, FEED_KEY] });
    console.log(`story ${id}: ${change.from} -> ${kind}, by ${by}`);
    return 0;
  } finally {
    await store.close();
  }
}
