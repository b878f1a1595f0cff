// RSS 2.0 out for the whole site and per sector. Feeds carry full bodies; readers and
// aggregators get the same provenance the pages show.
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.ts';
import { HttpError } from '../context.ts';
import { listFullStories } from '../../store/story-repository.ts';
import { absoluteUrl, articlePath, sectorFeedPath, sectorName, sectorPath, sourcePath } from '../urls.ts';
import { renderRss, type FeedEntry } from './rss-writer.ts';
import type { Story } from '../../domain/story.ts';

export const FEED_SIZE = 50;

function toEntry(ctx: WebContext, s: Story): FeedEntry {
  return {
    url: absoluteUrl(ctx.site, articlePath(s)),
    title: s.headline,
    summary: s.summary,
    bodyHtml: s.bodyHtml,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    author: s.agency ?? s.author,
    // A corrected story says so in feeds too, as a category readers and filters can see.
    categories: s.correctedAt ? [sectorName(ctx.site, s.sector), 'Correction'] : [sectorName(ctx.site, s.sector)],
    imageUrl: s.imageUrl,
    // Wire copy names its agency as the RSS <source>, the feed's form of the provenance notice.
    ...(s.kind === 'wire' && s.agency ? { source: { name: s.agency, url: absoluteUrl(ctx.site, sourcePath(s.agency)) } } : {}),
  };
}

export interface FeedOptions {
  /** WIREDESK_WEBSUB_HUB: advertised in every feed and pinged when one changes. */
  readonly hub?: string;
}

/** WebSub discovery (W3C WebSub §4) in HTTP: `Link: <hub>; rel="hub", <self>; rel="self"`. */
export function websubLinkHeader(hub: string, selfUrl: string): string {
  return `<${hub}>; rel="hub", <${selfUrl}>; rel="self"`;
}

export function registerFeedRoutes(app: FastifyInstance, ctx: WebContext, opts: FeedOptions = {}): void {
  const hubs = opts.hub ? [opts.hub] : [];
  const send = (reply: import('fastify').FastifyReply, xml: string, selfUrl: string) => {
    if (opts.hub) reply.header('link', websubLinkHeader(opts.hub, selfUrl));
    return reply.type('application/rss+xml; charset=utf-8').header('cache-control', 'public, max-age=60, stale-while-revalidate=300').send(xml);
  };

  app.get('/rss.xml', async (_req, reply) => {
    const stories = await listFullStories(ctx.store.db, {}, { limit: FEED_SIZE });
    const xml = renderRss(
      {
        title: ctx.site.name,
        link: absoluteUrl(ctx.site, '/'),
        selfUrl: absoluteUrl(ctx.site, '/rss.xml'),
        hubs,
        description: `${ctx.site.name}: the latest news from the wires`,
        language: ctx.site.language,
        ...(stories[0] ? { updatedAt: stories[0].updatedAt } : {}),
      },
      stories.map((s) => toEntry(ctx, s)),
    );
    return send(reply, xml, absoluteUrl(ctx.site, '/rss.xml'));
  });

  app.get<{ Params: { sector: string } }>('/news/:sector/rss.xml', async (req, reply) => {
    const sector = ctx.site.sectors.find((s) => s.slug === req.params.sector);
    if (!sector) throw new HttpError(404, 'no such sector');
    const stories = await listFullStories(ctx.store.db, { sector: sector.slug }, { limit: FEED_SIZE });
    const xml = renderRss(
      {
        title: `${ctx.site.name}: ${sector.name}`,
        link: absoluteUrl(ctx.site, sectorPath(sector.slug)),
        selfUrl: absoluteUrl(ctx.site, sectorFeedPath(sector.slug)),
        hubs,
        description: `${sector.name} news on ${ctx.site.name}`,
        language: ctx.site.language,
        ...(stories[0] ? { updatedAt: stories[0].updatedAt } : {}),
      },
      stories.map((s) => toEntry(ctx, s)),
    );
    return send(reply, xml, absoluteUrl(ctx.site, sectorFeedPath(sector.slug)));
  });
}
