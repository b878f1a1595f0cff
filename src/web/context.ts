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

/**
 * `<link rel="alternate">` feed discovery: the site feeds on every page, in each format;
 * on a sector's or an agency's pages their own feeds first (readers offer the first
 * one). A string is a sector slug.
 */
export function feedsFor(site: SiteSettings, scope?: FeedScope | string): FeedLink[] {
  const own = typeof scope === 'string' ? ({ kind: 'sector', sector: scope } as const) : scope;
  const feeds: FeedLink[] = [];
  if (own?.kind === 'sector') feeds.push(...feedLinks(`${site.name}: ${sectorName(site, own.sector)}`, own));
  if (own?.kind === 'source') feeds.push(...feedLinks(`${site.name}: ${own.agency} stories`, own));
  if (own?.kind === 'roundups') feeds.push(...feedLinks(`${site.name}: news roundups`, own));
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
