// Surrogate keys: every cacheable response names what it was made from, so a caching
// proxy or CDN can drop exactly the pages a change touches (Varnish xkey, Fastly
// Surrogate-Key, Cloudflare Cache-Tag). This file is the one place keys are made:
// the pages that carry them and the purge after a publish both come from here.
//
// Two kinds of key per sector and per agency, so that a publish can empty the lists
// without emptying every article page:
//   sector-{slug} / source-{slug}            everything in it (articles, lists, feeds)
//   list-sector-{slug} / list-source-{slug}  only the lists, which a new story changes
import type { FastifyReply } from 'fastify';
import { slugifyAgency } from './urls.ts';

/** Every page: purged when the chrome (masthead, menu, footer) changes, e.g. on deploy. */
export const SITE_KEY = 'site';
export const HOME_KEY = 'home';
export const LATEST_KEY = 'list-latest';
export const FEED_KEY = 'feed';
/** Search results: any publish may add a match, so every publish purges them. */
export const SEARCH_KEY = 'search';

/** Keys are printable ASCII without spaces or commas (the headers' separators): percent-encoded. */
const token = (s: string): string => encodeURIComponent(s);

export const storyKey = (id: number): string => `story-${id}`;
export const editionKey = (edition: string): string => `edition-${token(edition)}`;
export const tagKey = (tag: string): string => `tag-${token(tag)}`;
export const sectorKey = (sector: string): string => `sector-${token(sector)}`;
export const sectorListKey = (sector: string): string => `list-sector-${token(sector)}`;
export const sourceKey = (agency: string): string => `source-${token(slugifyAgency(agency))}`;
export const sourceListKey = (agency: string): string => `list-source-${token(slugifyAgency(agency))}`;
/** Lists and feeds of one story kind (opinion, blog, interview), one author, one country. */
export const kindKey = (kind: string): string => `kind-${token(kind)}`;
export const authorKey = (slug: string): string => `author-${token(slug)}`;
export const countryKey = (code: string): string => `country-${token(code.toLowerCase())}`;
/** A static page: purged when the newsroom sets its text (`wiredesk pages set`). */
export const staticPageKey = (slug: string): string => `static-${token(slug)}`;

/** What a story contributes to keys: its id, sector and agency. */
export interface StoryKeyRef {
  readonly id: number;
  readonly sector: string;
  readonly agency: string | null;
}

/** What a response shows, which decides its keys. */
export type PageKeys =
  | { readonly kind: 'home' }
  | { readonly kind: 'article'; readonly story: StoryKeyRef; readonly linkedIds: readonly number[] }
  | { readonly kind: 'latest'; readonly storyIds: readonly number[] }
  | { readonly kind: 'sector'; readonly sector: string; readonly storyIds: readonly number[] }
  | { readonly kind: 'source'; readonly agency: string; readonly storyIds: readonly number[] }
  /** `scopeKey`: the edition, tag, author, country or kind key of a feed of one. */
  | { readonly kind: 'feed'; readonly sector?: string; readonly agency?: string; readonly scopeKey?: string }
  /**
   * Kind, author and country lists: any publish may add a story to one, as to the
   * latest list, so they go with LATEST_KEY; `key` is their own (kindKey, authorKey…).
   */
  | { readonly kind: 'list'; readonly key: string; readonly storyIds: readonly number[] }
  | { readonly kind: 'static'; readonly slug: string }
  | { readonly kind: 'search'; readonly storyIds: readonly number[] }
  /** An edition's front page (`/` with the edition's cookie too): purged with the home page. */
  | { readonly kind: 'edition'; readonly edition: string }
  | { readonly kind: 'tag'; readonly tag: string; readonly storyIds: readonly number[] }
  /** Static pages, redirects without a story, error pages: the chrome only. */
  | { readonly kind: 'page' };

/**
 * The keys of one response, `site` first. Lists name each story they show, so that a
 * story moving to another sector or agency (an update) also empties the lists it
 * left; the home page is emptied by every publish anyway.
 */
export function surrogateKeysFor(page: PageKeys): string[] {
  const keys = [SITE_KEY];
  switch (page.kind) {
    case 'home':
      keys.push(HOME_KEY);
      break;
    case 'article':
      keys.push(storyKey(page.story.id), sectorKey(page.story.sector));
      if (page.story.agency) keys.push(sourceKey(page.story.agency));
      keys.push(...page.linkedIds.map(storyKey));
      break;
    case 'latest':
      keys.push(LATEST_KEY, ...page.storyIds.map(storyKey));
      break;
    case 'sector':
      keys.push(sectorKey(page.sector), sectorListKey(page.sector), ...page.storyIds.map(storyKey));
      break;
    case 'source':
      keys.push(sourceKey(page.agency), sourceListKey(page.agency), ...page.storyIds.map(storyKey));
      break;
    case 'feed':
      keys.push(FEED_KEY);
      if (page.sector) keys.push(sectorKey(page.sector));
      if (page.agency) keys.push(sourceKey(page.agency));
      if (page.scopeKey) keys.push(page.scopeKey);
      break;
    case 'list':
      keys.push(LATEST_KEY, page.key, ...page.storyIds.map(storyKey));
      break;
    case 'static':
      keys.push(staticPageKey(page.slug));
      break;
    case 'search':
      keys.push(SEARCH_KEY, ...page.storyIds.map(storyKey));
      break;
    case 'edition':
      keys.push(HOME_KEY, editionKey(page.edition));
      break;
    case 'tag':
      // A publish may add a story to any tag list, as to the latest list: both go with LATEST_KEY.
      keys.push(LATEST_KEY, tagKey(page.tag), ...page.storyIds.map(storyKey));
      break;
    case 'page':
      break;
  }
  return [...new Set(keys)];
}

/** A story the store changed, as announced after publishing. */
export interface ChangedStory {
  readonly id: number;
  /** `new` stories have no cached page of their own yet; anything else (updates, and kills when they come) does. */
  readonly outcome: string;
  /** Unknown when the story could not be looked up: its lists then expire by max-age. */
  readonly sector?: string;
  readonly agency?: string | null;
}

/**
 * What a publish purges: the front page, the latest list, the feeds, search results, the lists of each
 * changed story's sector and agency, and each changed story's own pages. Never `site`:
 * the rail's latest and trending may lag by their 60 s max-age.
 */
export function purgeKeysFor(changes: readonly ChangedStory[]): string[] {
  if (changes.length === 0) return [];
  const keys = new Set([HOME_KEY, LATEST_KEY, FEED_KEY, SEARCH_KEY]);
  for (const story of changes) {
    if (story.sector) keys.add(sectorListKey(story.sector));
    if (story.agency) keys.add(sourceListKey(story.agency));
    if (story.outcome !== 'new') keys.add(storyKey(story.id));
  }
  return [...keys];
}

/** What moving a story to another sector purges: its page (the old address now redirects), both sectors' lists, its agency's, the fronts, feeds and search. */
export function refiledKeys(story: { readonly id: number; readonly sector: string; readonly agency: string | null }, sector: string): string[] {
  return purgeKeysFor([
    { id: story.id, outcome: 'updated', sector: story.sector, agency: story.agency },
    { id: story.id, outcome: 'updated', sector },
  ]);
}

/** Response headers naming the keys: Varnish xkey, Fastly Surrogate-Key (spaces), Cloudflare Cache-Tag (commas). */
export const SURROGATE_KEY_HEADERS = { xkey: 'xkey', surrogate: 'surrogate-key', cacheTag: 'cache-tag' } as const;

export function setSurrogateKeys(reply: FastifyReply, page: PageKeys): FastifyReply {
  const keys = surrogateKeysFor(page);
  const spaced = keys.join(' ');
  return reply
    .header(SURROGATE_KEY_HEADERS.xkey, spaced)
    .header(SURROGATE_KEY_HEADERS.surrogate, spaced)
    .header(SURROGATE_KEY_HEADERS.cacheTag, keys.join(','));
}

export function hasSurrogateKeys(reply: FastifyReply): boolean {
  return reply.hasHeader(SURROGATE_KEY_HEADERS.xkey);
}

/**
 * Keys for a response whose route set none: the feeds (written without knowledge of
 * keys) by their route, everything else the chrome only.
 */
export function defaultPageKeys(routeUrl: string | undefined, params: unknown): PageKeys {
  if (routeUrl === '/rss.xml') return { kind: 'feed' };
  if (routeUrl === '/news/:sector/rss.xml') {
    const sector = (params as { sector?: unknown } | undefined)?.sector;
    return typeof sector === 'string' ? { kind: 'feed', sector } : { kind: 'feed' };
  }
  return { kind: 'page' };
}
