// The feeds of editions, tags, authors, countries and story kinds: for each, the route
// pattern under which `rss.xml`, `atom.xml` and `feed.json` are served, and how its
// parameters become a feed (undefined: 404, as for the page).
import type { WebContext } from '../context.ts';
import { feedTitle } from '../context.ts';
import { PIECE_KINDS } from '../../domain/story.ts';
import { isNameSlug } from '../../lib/name-slug.ts';
import { findTagName } from '../../store/geo-repository.ts';
import { findAuthorName } from '../../store/story-repository.ts';
import { editionPath, kindPath, scopePath, type FeedScope } from '../urls.ts';
import { authorKey, countryKey, editionKey, kindKey, tagKey } from '../surrogate-keys.ts';
import { regionName } from '../regions.ts';
import { findCountry } from '../countries.ts';
import { PIECE_PAGES } from '../piece-kinds.ts';
import type { FeedSpec } from './feed-routes.ts';

export interface ScopedFeed {
  readonly route: string;
  resolve(params: Readonly<Record<string, string>>): Promise<FeedSpec | undefined>;
}

// As tags.ts: what slugifyTag can make.
const TAG_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function scopeFeedSpecs(ctx: WebContext): ScopedFeed[] {
  const site = ctx.site;
  const spec = (scope: FeedScope, title: string, description: string, filter: FeedSpec['filter'], scopeKey: string): FeedSpec => ({
    scope,
    title: feedTitle(site, scope, title),
    description,
    pagePath: scopePath(scope) || '/',
    filter,
    scopeKey,
  });
  const feeds: ScopedFeed[] = [];
  for (const edition of site.editions) {
    if (edition.countries.length === 0) continue;
    const scope = { kind: 'edition', edition: edition.slug } as const;
    feeds.push({
      route: editionPath(edition.slug),
      resolve: async () => spec(scope, `${edition.name} edition`, `The latest news on ${site.name}, ${edition.name} edition`, { countries: edition.countries }, editionKey(edition.slug)),
    });
  }
  for (const kind of PIECE_KINDS) {
    const page = PIECE_PAGES[kind];
    feeds.push({
      route: kindPath(kind),
      resolve: async () => spec({ kind: 'story-kind', storyKind: kind }, page.title, `${page.title} on ${site.name}`, { kinds: [kind] }, kindKey(kind)),
    });
  }
  feeds.push(
    {
      route: '/tag/:slug',
      async resolve({ slug = '' }) {
        const name = TAG_SLUG.test(slug) && slug.length <= 60 ? await findTagName(ctx.store.db, slug) : undefined;
        return name === undefined ? undefined : spec({ kind: 'tag', tag: slug }, name, `${name}: the latest stories on ${site.name}`, { tag: slug }, tagKey(slug));
      },
    },
    {
      route: '/author/:slug',
      async resolve({ slug = '' }) {
        const author = isNameSlug(slug) ? await findAuthorName(ctx.store.db, slug) : undefined;
        return author === undefined ? undefined : spec({ kind: 'author', author }, author, `Stories by ${author} on ${site.name}`, { authorSlug: slug }, authorKey(slug));
      },
    },
    {
      route: '/country/:slug',
      async resolve({ slug = '' }) {
        const found = findCountry(slug);
        if (found.kind === 'unknown') return undefined;
        const name = regionName(found.code);
        return spec({ kind: 'country', country: found.code }, name, `News about ${name} on ${site.name}`, { countries: [found.code] }, countryKey(found.code));
      },
    },
  );
  return feeds;
}
