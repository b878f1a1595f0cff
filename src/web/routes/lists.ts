// Paginated story lists: /latest, /news/{sector}, /source/{agency-slug}.
import { breadcrumbJsonLd } from '../structured-data.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'preact';
import { listStories, type StoryFilter } from '../../store/story-lists.ts';
import { absoluteUrl, feedPath, pagePath, sectorPath, sourcePath, type FeedScope } from '../urls.ts';
import { HttpError, feedsFor, renderPage, sendHtml, type WebContext } from '../context.ts';
import { PAGE_SIZE, pageQuery, parsePageParam } from '../pagination.ts';
import { ListMain } from '../views/list-page.tsx';
import { setSurrogateKeys, type PageKeys } from '../surrogate-keys.ts';
import { findFirstCountries } from '../../store/geo-repository.ts';
import { regionsOf } from '../regions.ts';

export interface ListSpec {
  readonly basePath: string;
  readonly title: string;
  readonly description: string;
  readonly intro?: string;
  readonly filter: StoryFilter;
  /** Whose feeds the page advertises besides the site's. */
  readonly feedScope?: FeedScope;
  /** What those feeds are called after the site's name (sector and source feeds name themselves); the title otherwise. */
  readonly feedTitle?: string;
  readonly emptyText: string;
  /** The list's surrogate keys, given the ids of the stories it shows. */
  readonly keys: (storyIds: readonly number[]) => PageKeys;
}

export async function sendList(ctx: WebContext, request: FastifyRequest, reply: FastifyReply, spec: ListSpec) {
  const param = parsePageParam(pageQuery(request.query));
  if (param.kind === 'bad') throw new HttpError(400, 'web: page must be a positive whole number');
  if (param.kind === 'redirect-first') return reply.redirect(spec.basePath, 301);
  const { page } = param;
  // One more than a page tells whether there is a next page without counting.
  const [rows, chrome] = await Promise.all([
    listStories(ctx.store.db, spec.filter, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
    ctx.siteData.chrome(),
  ]);
  if (page > 1 && rows.length === 0) return reply.callNotFound();
  const shown = rows.slice(0, PAGE_SIZE).map((s) => s.id);
  const regions = regionsOf(shown, await findFirstCountries(ctx.store.db, shown));
  const prevHref = page > 1 ? pagePath(spec.basePath, page - 1) : undefined;
  const nextHref = rows.length > PAGE_SIZE ? pagePath(spec.basePath, page + 1) : undefined;
  const title = page > 1 ? `${spec.title} (page ${page})` : spec.title;
  const html = renderPage(ctx, chrome, {
    head: {
      title,
      description: spec.description,
      canonical: absoluteUrl(ctx.site, pagePath(spec.basePath, page)),
      feeds: feedsFor(ctx.site, spec.feedScope, spec.feedTitle ?? spec.title),
      og: { type: 'website' },
      jsonLd: breadcrumbJsonLd(ctx.site, [{ name: spec.title, path: spec.basePath }]),
      ...(prevHref ? { prev: prevHref } : {}),
      ...(nextHref ? { next: nextHref } : {}),
    },
    main: createElement(ListMain, {
      site: ctx.site,
      title: spec.title,
      ...(spec.intro ? { intro: spec.intro } : {}),
      stories: rows.slice(0, PAGE_SIZE),
      page,
      ...(prevHref ? { prevHref } : {}),
      ...(nextHref ? { nextHref } : {}),
      ...(spec.feedScope ? { feedHref: feedPath(spec.feedScope) } : {}),
      emptyText: spec.emptyText,
      regions,
    }),
  });
  return sendHtml(setSurrogateKeys(reply, spec.keys(rows.slice(0, PAGE_SIZE).map((s) => s.id))), html);
}

export function registerListRoutes(app: FastifyInstance, ctx: WebContext): void {
  const site = ctx.site;

  app.get('/latest', (request, reply) =>
    sendList(ctx, request, reply, {
      basePath: '/latest',
      title: 'Latest news',
      description: `The newest stories on ${site.name}, as they arrive from the wires.`,
      filter: {},
      emptyText: 'No stories yet.',
      keys: (storyIds) => ({ kind: 'latest', storyIds }),
    }),
  );

  app.get<{ Params: { sector: string } }>('/news/:sector', async (request, reply) => {
    const sector = site.sectors.find((s) => s.slug === request.params.sector);
    if (!sector) return reply.callNotFound();
    return sendList(ctx, request, reply, {
      basePath: sectorPath(sector.slug),
      title: sector.name,
      description: `${sector.name} news on ${site.name}: the latest stories from the wires.`,
      filter: { sector: sector.slug },
      feedScope: { kind: 'sector', sector: sector.slug },
      emptyText: `No ${sector.name} stories yet.`,
      keys: (storyIds) => ({ kind: 'sector', sector: sector.slug, storyIds }),
    });
  });

  app.get<{ Params: { agency: string } }>('/source/:agency', async (request, reply) => {
    const chrome = await ctx.siteData.chrome();
    const agency = chrome.agencyBySlug.get(request.params.agency);
    if (!agency) return reply.callNotFound();
    return sendList(ctx, request, reply, {
      basePath: sourcePath(agency),
      title: `${agency} stories`,
      description: `Stories from ${agency} on ${site.name}.`,
      intro: `Every story on ${site.name} credited to ${agency}, newest first.`,
      filter: { agency },
      feedScope: { kind: 'source', agency },
      emptyText: `No ${agency} stories yet.`,
      keys: (storyIds) => ({ kind: 'source', agency, storyIds }),
    });
  });
}
