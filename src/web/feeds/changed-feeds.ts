// Which of our feeds list the changed stories, as absolute URLs in every format: the
// site feeds, each story's sector feeds and its agency's feeds (any status: a killed
// story leaves its feeds too). For the WebSub hub ping; the URLs come from urls.ts,
// like the routes' own.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { SiteSettings } from '../../domain/site.ts';
import { findStoryById } from '../../store/story-repository.ts';
import { absoluteUrl, FEED_TYPES, feedPath, type FeedScope } from '../urls.ts';

export const SITE_FEED_PATH = '/rss.xml';

export async function changedFeedUrls(db: Kysely<Database>, site: SiteSettings, changes: readonly { readonly storyId: number }[]): Promise<string[]> {
  const scopes: FeedScope[] = [{ kind: 'site' }];
  const sectors = new Set(site.sectors.map((s) => s.slug));
  for (const change of changes) {
    const story = await findStoryById(db, change.storyId);
    if (!story) continue;
    // A sector the site does not list has no feed (the route answers 404).
    if (sectors.has(story.sector)) scopes.push({ kind: 'sector', sector: story.sector });
    if (story.agency) scopes.push({ kind: 'source', agency: story.agency });
    if (story.kind === 'roundup') scopes.push({ kind: 'roundups' });
  }
  const urls = new Set(scopes.flatMap((scope) => FEED_TYPES.map((type) => absoluteUrl(site, feedPath(scope, type)))));
  return [...urls];
}
