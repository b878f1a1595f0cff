// /page/{about|contact|disclaimer|terms|privacy}.
import type { FastifyInstance } from 'fastify';
import { createElement } from 'preact';
import { absoluteUrl, staticPagePath } from '../urls.ts';
import { feedsFor, renderPage, sendHtml, type WebContext } from '../context.ts';
import { StaticMain, isStaticPageSlug, staticPageDescription, staticPageTitle } from '../views/static-page.tsx';

export function registerStaticPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { slug: string } }>('/page/:slug', async (request, reply) => {
    const slug = request.params.slug;
    if (!isStaticPageSlug(slug)) return reply.callNotFound();
    const chrome = await ctx.siteData.chrome();
    const html = renderPage(ctx, chrome, {
      head: {
        title: staticPageTitle(slug),
        description: staticPageDescription(slug, ctx.site),
        canonical: absoluteUrl(ctx.site, staticPagePath(slug)),
        feeds: feedsFor(ctx.site),
      },
      main: createElement(StaticMain, { slug, site: ctx.site }),
      rail: false,
    });
    return sendHtml(reply, html);
  });
}
