// Every URL the site prints is built here, so that links and routes agree.
import type { SiteSettings } from '../domain/site.ts';
import type { PieceKind, StorySummary } from '../domain/story.ts';
import { slugifyName } from '../lib/name-slug.ts';
import { regionName } from './regions.ts';

type ArticleRef = Pick<StorySummary, 'id' | 'sector' | 'slug'>;

/** `/article/{sector}/{id}-{slug}`: the one canonical path of a story. */
export function articlePath(s: ArticleRef): string {
  const tail = s.slug ? `${s.id}-${encodeURIComponent(s.slug)}` : String(s.id);
  return `/article/${encodeURIComponent(s.sector)}/${tail}`;
}

export function sectorPath(sector: string): string {
  return `/news/${encodeURIComponent(sector)}`;
}

/** The feed formats the site serves, each at the same file name under every scope. */
export type FeedType = 'rss' | 'atom' | 'json';
export const FEED_TYPES: readonly FeedType[] = ['rss', 'atom', 'json'];

/** What a feed lists: the whole site, or one sector, agency, edition, tag, author, country or kind of story, or the roundups. */
export type FeedScope =
  | { readonly kind: 'site' }
  | { readonly kind: 'sector'; readonly sector: string }
  | { readonly kind: 'source'; readonly agency: string }
  | { readonly kind: 'edition'; readonly edition: string }
  | { readonly kind: 'tag'; readonly tag: string }
  /** `author`: the byline as written; its slug makes the path. */
  | { readonly kind: 'author'; readonly author: string }
  /** ISO 3166-1 alpha-2. */
  | { readonly kind: 'country'; readonly country: string }
  | { readonly kind: 'story-kind'; readonly storyKind: PieceKind }
  | { readonly kind: 'roundups' };

const FEED_FILES: Readonly<Record<FeedType, string>> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/** The page a scope's feeds sit under ('' for the site): each feed is `{page}/rss.xml` and so on. */
export function scopePath(scope: FeedScope): string {
  switch (scope.kind) {
    case 'site': return '';
    case 'sector': return sectorPath(scope.sector);
    case 'source': return sourcePath(scope.agency);
    case 'edition': return editionPath(scope.edition).replace(/\/$/, '');
    case 'tag': return tagPath(scope.tag);
    case 'author': return authorPath(scope.author);
    case 'country': return countryPath(scope.country);
    case 'story-kind': return kindPath(scope.storyKind);
    case 'roundups': return ROUNDUPS_PATH;
  }
}

/** `/rss.xml`, `/news/{sector}/atom.xml`, `/source/{agency-slug}/feed.json`, `/opinion/rss.xml` … */
export function feedPath(scope: FeedScope, type: FeedType = 'rss'): string {
  return `${scopePath(scope)}/${FEED_FILES[type]}`;
}

const KIND_PATHS: Readonly<Record<PieceKind, string>> = { opinion: '/opinion', blog: '/blogs', interview: '/interviews' };

/** `/opinion`, `/blogs`, `/interviews`. */
export function kindPath(kind: PieceKind): string {
  return KIND_PATHS[kind];
}

/** `/author/{slug of the byline}`. */
export function authorPath(author: string): string {
  return `/author/${encodeURIComponent(slugifyName(author))}`;
}

/** `/country/{slug of its English name}`: `IN` → `/country/india`. */
export function countryPath(country: string): string {
  return `/country/${encodeURIComponent(countrySlug(country))}`;
}

export function countrySlug(country: string): string {
  return slugifyName(regionName(country.toUpperCase()));
}

/** The same page from the name a region tag shows (`India` → `/country/india`). */
export function countryPathOfName(name: string): string {
  return `/country/${encodeURIComponent(slugifyName(name))}`;
}

export function sectorFeedPath(sector: string, type: FeedType = 'rss'): string {
  return feedPath({ kind: 'sector', sector }, type);
}

/**
 * `/article/{id}`: redirects to the canonical URL. Feeds use it as each entry's id,
 * because the canonical URL changes when an update changes the slug or the sector.
 */
export function articleIdPath(id: number): string {
  return `/article/${id}`;
}

export function sourcePath(agency: string): string {
  return `/source/${encodeURIComponent(slugifyAgency(agency))}`;
}

/** An edition's own front page: `/south-asia`; Global is the plain front page. */
export function editionPath(edition: string): string {
  return edition === 'global' ? '/' : `/${encodeURIComponent(edition)}`;
}

/** Picks an edition (and remembers it in a cookie): what the header switcher links to. */
export function chooseEditionPath(edition: string): string {
  return `/edition?name=${encodeURIComponent(edition)}`;
}

/** Every roundup, newest first (and its feeds beneath it). */
export const ROUNDUPS_PATH = '/roundups';
/** DevShots: every story as a short card. */
export const DEVSHOTS_PATH = '/devshots';

export function tagPath(slug: string): string {
  return `/tag/${encodeURIComponent(slug)}`;
}

export function staticPagePath(slug: string): string {
  return `/page/${slug}`;
}

/** `PTI` → `pti`, `UN News` → `un-news`, `Agence France-Presse` → `agence-france-presse`. */
export function slugifyAgency(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // A name with no Latin letters at all keeps its own letters rather than vanishing.
  return ascii || name.trim().toLowerCase().replace(/\s+/g, '-');
}

/** `/x` → `https://site.example/x`. */
export function absoluteUrl(site: SiteSettings, path: string): string {
  return `${site.baseUrl}${path}`;
}

/** Only http(s) or site-relative image URLs reach an `src`; anything else is dropped. */
export function safeImageUrl(site: SiteSettings, url: string | null): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith('/') && !url.startsWith('//')) return absoluteUrl(site, url);
  return undefined;
}

/** Appends `?page=N` for pages after the first. */
export function pagePath(base: string, page: number): string {
  return page <= 1 ? base : `${base}?page=${page}`;
}

const SECTOR_NAMES = new WeakMap<SiteSettings, ReadonlyMap<string, string>>();

/** A sector's display name; a sector the site does not list shows its slug. */
export function sectorName(site: SiteSettings, slug: string): string {
  let names = SECTOR_NAMES.get(site);
  if (!names) {
    names = new Map(site.sectors.map((s) => [s.slug, s.name]));
    SECTOR_NAMES.set(site, names);
  }
  return names.get(slug) ?? slug;
}

/** What the search form holds; empty strings are left out of the URL. */
export interface SearchFormValues {
  readonly q: string;
  readonly sector: string;
  readonly source: string;
  readonly from: string;
  readonly to: string;
}

/** `/search?q=…&sector=…&source=…&from=…&to=…&page=N`, always in this order, so each result page has one URL. */
export function searchPath(form: Partial<SearchFormValues>, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'sector', 'source', 'from', 'to'] as const) {
    const value = form[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
