// Which of our feeds list the changed stories, as absolute URLs in every format: the
// site feeds, each story's sector, agency, kind (opinion, blog, interview), author,
// country, edition and tag feeds (any status: a killed story leaves its feeds too). For
// the WebSub hub ping; the URLs come from urls.ts, like the routes' own.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { SiteSettings } from '../../domain/site.ts';
import { isPieceKind } from '../../domain/story.ts';
import { findStoryById } from '../../store/story-repository.ts';
import { findStoryCountries, findStoryTags } from '../../store/geo-repository.ts';
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
    if (isPieceKind(story.kind)) scopes.push({ kind: 'story-kind', storyKind: story.kind });
    if (story.author) scopes.push({ kind: 'author', author: story.author });
    const [countries, tags] = await Promise.all([findStoryCountries(db, story.id), findStoryTags(db, story.id)]);
    for (const country of countries) scopes.push({ kind: 'country', country });
    for (const edition of site.editions) {
      if (edition.countries.some((c) => countries.includes(c))) scopes.push({ kind: 'edition', edition: edition.slug });
    }
    for (const tag of tags) scopes.push({ kind: 'tag', tag: tag.slug });
  }
  const urls = new Set(scopes.flatMap((scope) => FEED_TYPES.map((type) => absoluteUrl(site, feedPath(scope, type)))));
  return [...urls];
}
