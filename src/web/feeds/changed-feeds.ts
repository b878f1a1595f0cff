// Which of our feeds list the changed stories, as absolute URLs: the site feed and each
// story's sector feed (any status: a killed story leaves its feeds too). For the WebSub
// hub ping; the feed routes' URLs come from urls.ts like every other link.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { SiteSettings } from '../../domain/site.ts';
import { findStoryById } from '../../store/story-repository.ts';
import { absoluteUrl, sectorFeedPath } from '../urls.ts';

export const SITE_FEED_PATH = '/rss.xml';

export async function changedFeedUrls(db: Kysely<Database>, site: SiteSettings, changes: readonly { readonly storyId: number }[]): Promise<string[]> {
  const urls = new Set([absoluteUrl(site, SITE_FEED_PATH)]);
  const sectors = new Set(site.sectors.map((s) => s.slug));
  for (const change of changes) {
    const story = await findStoryById(db, change.storyId);
    // A sector the site does not list has no feed (the route answers 404).
    if (story && sectors.has(story.sector)) urls.add(absoluteUrl(site, sectorFeedPath(story.sector)));
  }
  return [...urls];
}
