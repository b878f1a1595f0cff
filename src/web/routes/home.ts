// `/`: the front page, of the reader's remembered edition (a cookie; Global when none).
// `/{edition}`: an edition's own front page. `/edition?name=…`: the header switcher,
// which remembers the choice and goes to that edition.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { websiteJsonLd } from '../structured-data.ts';
import { createElement } from 'preact';
import type { Edition } from '../../domain/site.ts';
import { absoluteUrl, editionPath } from '../urls.ts';
import { HttpError, feedsFor, renderPage, sendHtml, type WebContext } from '../context.ts';
import { HomeMain } from '../views/home-page.tsx';
import { setSurrogateKeys } from '../surrogate-keys.ts';
import { rememberEdition, rememberedEdition } from '../edition-cookie.ts';

async function sendFront(ctx: WebContext, reply: FastifyReply, edition: Edition | undefined) {
  const [chrome, home] = await Promise.all([ctx.siteData.chrome(edition), ctx.siteData.home(edition)]);
  const path = edition ? editionPath(edition.slug) : '/';
  const title = edition ? `${edition.name} edition` : ctx.site.name;
  const html = renderPage(ctx, chrome, {
    head: {
      title,
      description: edition
        ? `${ctx.site.name} ${edition.name} edition: the latest news from the wires about the region, by sector.`
        : `${ctx.site.name}: the latest news from the wires, by sector, updated as it happens.`,
      canonical: absoluteUrl(ctx.site, path),
      feeds: edition && edition.countries.length > 0 ? feedsFor(ctx.site, { kind: 'edition', edition: edition.slug }, `${edition.name} edition`) : feedsFor(ctx.site),
      og: { type: 'website' },
      jsonLd: websiteJsonLd(ctx.site),
    },
    main: createElement(HomeMain, { site: ctx.site, top: home.top, sectors: home.sectors, regions: home.regions, ...(edition ? { edition } : {}) }),
  });
  return sendHtml(setSurrogateKeys(reply, edition ? { kind: 'edition', edition: edition.slug } : { kind: 'home' }), html);
}

export function registerHomeRoutes(app: FastifyInstance, ctx: WebContext): void {
  const editions = ctx.site.editions;

  app.get<{ Querystring: { edition?: unknown } }>('/', async (request, reply) => {
    const slug = request.query.edition;
    if (slug !== undefined) {
      // The old `?edition=` links: each edition has its own address now.
      const named = typeof slug === 'string' ? editions.find((e) => e.slug === slug) : undefined;
      return reply.redirect(named ? editionPath(named.slug) : '/', 301);
    }
    // The same URL shows each reader their edition: shared caches must key on the cookie.
    reply.header('vary', 'Cookie');
    return sendFront(ctx, reply, rememberedEdition(request, ctx.site));
  });

  for (const edition of editions) {
    if (edition.countries.length === 0) continue;
    app.get(editionPath(edition.slug), (_request, reply) => sendFront(ctx, reply, edition));
  }

  app.get<{ Querystring: { name?: unknown } }>('/edition', async (request, reply) => {
    const slug = request.query.name;
    const edition = typeof slug === 'string' ? editions.find((e) => e.slug === slug) : undefined;
    if (!edition) throw new HttpError(400, `web: no edition named ${JSON.stringify(String(slug ?? ''))}`);
    // A reader's choice, not a page: never stored by a cache.
    return rememberEdition(reply.header('cache-control', 'no-store'), edition).redirect(editionPath(edition.slug), 303);
  });
}
