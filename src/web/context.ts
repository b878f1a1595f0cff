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
import { sectorFeedPath, sectorName } from './urls.ts';

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

/** The site feed on every page; a sector's own feed where a sector is in view. */
export function feedsFor(site: SiteSettings, sector?: string): FeedLink[] {
  const feeds = [{ title: `${site.name}: all news`, href: '/rss.xml' }];
  if (sector) feeds.push({ title: `${site.name}: ${sectorName(site, sector)}`, href: sectorFeedPath(sector) });
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
