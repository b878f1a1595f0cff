// /page/{about|contact|disclaimer|terms|privacy}: the newsroom's own text when it has set
// one (`wiredesk pages set`, the settings table), the default text otherwise. Stored
// HTML is sanitized on the way in and again here, so nothing else that writes the
// settings table can put script on a page. Keyed `static-{slug}`, purged when it changes.
import type { FastifyInstance } from 'fastify';
import { createElement } from 'preact';
import { absoluteUrl, staticPagePath } from '../urls.ts';
import { feedsFor, renderPage, sendHtml, type WebContext } from '../context.ts';
import { StaticMain, isStaticPageSlug, staticPageDescription, staticPageTitle } from '../views/static-page.tsx';
import { getSetting } from '../../store/settings-repository.ts';
import { staticPageSetting } from '../../domain/static-pages.ts';
import { sanitizeHtml } from '../../lib/html-sanitize.ts';
import { setSurrogateKeys } from '../surrogate-keys.ts';

export function registerStaticPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { slug: string } }>('/page/:slug', async (request, reply) => {
    const slug = request.params.slug;
    if (!isStaticPageSlug(slug)) return reply.callNotFound();
    const [chrome, stored] = await Promise.all([ctx.siteData.chrome(), getSetting(ctx.store.db, staticPageSetting(slug))]);
    const ownHtml = stored ? sanitizeHtml(stored, { baseUrl: ctx.site.baseUrl }).trim() : '';
    const html = renderPage(ctx, chrome, {
      head: {
        title: staticPageTitle(slug),
        description: staticPageDescription(slug, ctx.site),
        canonical: absoluteUrl(ctx.site, staticPagePath(slug)),
        feeds: feedsFor(ctx.site),
      },
      main: createElement(StaticMain, { slug, site: ctx.site, ...(ownHtml ? { html: ownHtml } : {}) }),
      rail: false,
    });
    return sendHtml(setSurrogateKeys(reply, { kind: 'static', slug }), html);
  });
}
