// What route modules share: the store, the site settings, the cached site data, the
// view counter, and one way to send a page.
import type { FastifyReply } from 'fastify';
import { createElement, type JSX } from 'preact';
import type { SiteSettings } from '../domain/site.ts';
import type { Store } from '../store/store.ts';
import type { Chrome, SiteData } from './site-data.ts';
import type { ViewCounter } from './view-counter.ts';
import { renderDocument, type RenderedPage } from './render.ts';
import { Head, type FeedLink, type HeadProps } from './views/head.tsx';
import { FEED_TYPES, feedPath, sectorName, type FeedScope, type FeedType } from './urls.ts';

export interface WebContext {
  readonly store: Store;
  readonly site: SiteSettings;
  readonly siteData: SiteData;
  readonly views: ViewCounter;
  readonly cssHref: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const FEED_LINK_TYPES: Readonly<Record<FeedType, { readonly mime: string; readonly label: string }>> = {
  rss: { mime: 'application/rss+xml', label: '' },
  atom: { mime: 'application/atom+xml', label: ' (Atom)' },
  json: { mime: 'application/feed+json', label: ' (JSON Feed)' },
};

function feedLinks(title: string, scope: FeedScope): FeedLink[] {
  return FEED_TYPES.map((type) => ({ title: `${title}${FEED_LINK_TYPES[type].label}`, type: FEED_LINK_TYPES[type].mime, href: feedPath(scope, type) }));
}

/** What a scope's feeds are called after the site's name: `Health`, `UN News stories`, or the page's own title. */
export function feedTitle(site: SiteSettings, scope: FeedScope, title?: string): string {
  if (scope.kind === 'sector') return `${site.name}: ${sectorName(site, scope.sector)}`;
  if (scope.kind === 'source') return `${site.name}: ${scope.agency} stories`;
  if (scope.kind === 'roundups') return `${site.name}: news roundups`;
  return title ? `${site.name}: ${title}` : site.name;
}

/**
 * `<link rel="alternate">` feed discovery: the site feeds on every page, in each format;
 * on a sector's, an agency's, an edition's, a tag's, an author's, a country's or a kind's
 * pages their own feeds first (readers offer the first one), called `title` (the page's
 * own). A string is a sector slug.
 */
export function feedsFor(site: SiteSettings, scope?: FeedScope | string, title?: string): FeedLink[] {
  const own = typeof scope === 'string' ? ({ kind: 'sector', sector: scope } as const) : scope;
  const feeds: FeedLink[] = [];
  if (own && own.kind !== 'site') feeds.push(...feedLinks(feedTitle(site, own, title), own));
  feeds.push(...feedLinks(`${site.name}: all news`, { kind: 'site' }));
  return feeds;
}

export interface PageSpec {
  readonly head: Omit<HeadProps, 'site' | 'cssHref'>;
  readonly main: JSX.Element;
  readonly rail?: boolean;
}

export function renderPage(ctx: WebContext, chrome: Chrome, page: PageSpec): RenderedPage {
  const head = createElement(Head, { ...page.head, site: ctx.site, cssHref: ctx.cssHref });
  return renderDocument({ lang: ctx.site.language, head, main: page.main, chrome: chrome.html, rail: page.rail ?? true });
}

export function sendHtml(reply: FastifyReply, page: RenderedPage, status = 200): FastifyReply {
  // The page brings its own ETag, so the caching hook need not hash the body again.
  return reply.code(status).type('text/html; charset=utf-8').header('etag', page.etag).send(page.body);
}
