// A kill removes a story everywhere (PRODUCT.md), roundups included: a published roundup
// holding a brief that was since killed or withheld is written again without it (its
// title too, when the brief was one of the top two), or killed itself when nothing is
// left. The brief stays recorded as used (dropped), so it is never bundled again.
import type { PublishedItem } from '../ingest/publish/publish-drafts.ts';
import { findStoryById, updateStory } from '../store/story-repository.ts';
import { dropRoundupBriefs, findShownBriefs, findWithdrawnBriefs } from '../store/roundup-repository.ts';
import { insertAudits } from '../store/audit-repository.ts';
import { composeRoundup } from './compose.ts';
import type { RoundupDeps } from './run-roundup.ts';

const TITLE_SEPARATOR = ' News Roundup: ';
/** Kills come within hours of a story; older roundups are not looked at again. */
export const REFRESH_WINDOW_MS = 7 * 86_400_000;

/** Rewrites every roundup that shows a withdrawn brief; returns what changed. */
export async function refreshRoundups(deps: Pick<RoundupDeps, 'store' | 'logger' | 'articleUrl' | 'onPublished' | 'now'>): Promise<PublishedItem[]> {
  const now = (deps.now ?? (() => new Date()))();
  const changed: PublishedItem[] = [];
  for (const [roundupId, withdrawn] of await findWithdrawnBriefs(deps.store.db, new Date(now.getTime() - REFRESH_WINDOW_MS))) {
    const item = await deps.store.db.transaction().execute(async (trx): Promise<PublishedItem | undefined> => {
      // Conditional: of two nodes doing this at once, one marks the briefs and rewrites.
      if ((await dropRoundupBriefs(trx, roundupId, withdrawn)) === 0) return undefined;
      const roundup = await findStoryById(trx, roundupId);
      if (!roundup) return undefined;
      const briefs = await findShownBriefs(trx, roundupId);
      const at = now.toISOString();
      const detail = `briefs withdrawn: ${withdrawn.join(', ')}`;
      if (briefs.length === 0) {
        await updateStory(trx, roundupId, { status: 'killed', updated_at: at });
        await insertAudits(trx, [{ story_id: roundupId, action: 'killed', detail, at }]);
        return { identity: roundup.identity, outcome: 'updated', storyId: roundupId, status: 'killed' };
      }
      // The topic's name as the title gave it, so a topic renamed or removed since still reads right.
      const name = roundup.headline.includes(TITLE_SEPARATOR) ? roundup.headline.slice(0, roundup.headline.indexOf(TITLE_SEPARATOR)) : roundup.headline;
      const composed = composeRoundup({ name }, briefs.map((b) => ({ ...b, path: deps.articleUrl(b) })), (url) => url);
      await updateStory(trx, roundupId, { headline: composed.headline, summary: composed.summary, body_html: composed.bodyHtml, slug: composed.slug, content_hash: composed.contentHash, updated_at: at });
      return { identity: roundup.identity, outcome: 'updated', storyId: roundupId, status: 'published' };
    });
    if (!item) continue;
    deps.logger.info({ event: 'roundup_refreshed', story_id: roundupId, withdrawn, status: item.status }, 'roundup rewritten without withdrawn briefs');
    changed.push(item);
  }
  if (changed.length > 0) deps.onPublished(changed);
  return changed;
}
