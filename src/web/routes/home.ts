// `/`: the front page. `?edition=slug` names a regional edition (shown, not yet filtered).
import { websiteJsonLd } from '../structured-data.ts';
import type { FastifyInstance } from 'fastify';
import { createElement } from 'preact';
import { absoluteUrl } from '../urls.ts';
import { feedsFor, renderPage, sendHtml, type WebContext } from '../context.ts';
import { HomeMain } from '../views/home-page.tsx';
import { setSurrogateKeys } from '../surrogate-keys.ts';

export function registerHomeRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Querystring: { edition?: unknown } }>('/', async (request, reply) => {
    const slug = request.query.edition;
    const edition = typeof slug === 'string' ? ctx.site.editions.find((e) => e.slug === slug) : undefined;
    if (slug !== undefined && (!edition || edition.slug === 'global')) return reply.redirect('/', 301);
    const [chrome, home] = await Promise.all([ctx.siteData.chrome(), ctx.siteData.home()]);
    const html = renderPage(ctx, chrome, {
      head: {
        title: ctx.site.name,
        description: `${ctx.site.name}: the latest news from the wires, by sector, updated as it happens.`,
        canonical: absoluteUrl(ctx.site, '/'),
        feeds: feedsFor(ctx.site),
        og: { type: 'website' },
        jsonLd: websiteJsonLd(ctx.site),
      },
      main: createElement(HomeMain, { site: ctx.site, top: home.top, sectors: home.sectors, ...(edition ? { edition } : {}) }),
    });
    return sendHtml(setSurrogateKeys(reply, { kind: 'home' }), html);
  });
}
