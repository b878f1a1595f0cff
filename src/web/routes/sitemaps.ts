// robots.txt, the sitemap index, its sub-sitemaps and the Google News sitemap.
//
// Story sitemaps are cut by id range (`/sitemaps/stories-N.xml` holds ids
// (N-1)·50,000+1 … N·50,000), not by page of a sorted list: a story keeps its file for
// life, and a file never holds more than the protocol's 50,000 URLs. Only published
// stories are listed, so a kill, a hold or an embargo takes a story out at once.
// Cached like the feeds: a minute's max-age, and the `feed` surrogate key that every
// publish (kills included) purges.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { WebContext } from '../context.ts';
import { absoluteUrl, articlePath, DEVSHOTS_PATH, kindPath, ROUNDUPS_PATH, sectorPath, staticPagePath } from '../urls.ts';
import { PIECE_KINDS } from '../../domain/story.ts';
import { setSurrogateKeys } from '../surrogate-keys.ts';
import { STATIC_PAGES } from '../views/chrome.tsx';
import { listNewsSitemapStories, listSitemapChunks, listSitemapStories } from '../../store/sitemap-queries.ts';
import { renderNewsSitemap, renderSitemapIndex, renderUrlset } from '../feeds/sitemap-writer.ts';

/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News: articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 48 * 3600_000;
export const NEWS_MAX_URLS = 1_000;

const FEED_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

export interface SitemapOptions {
  /** URLs per story sitemap; smaller only in tests. */
  readonly chunkSize?: number;
  readonly now?: () => Date;
}

export const storiesSitemapPath = (chunk: number): string => `/sitemaps/stories-${chunk}.xml`;
export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';

function sendXml(reply: FastifyReply, xml: string): FastifyReply {
  return setSurrogateKeys(reply, { kind: 'feed' }).type('application/xml; charset=utf-8').header('cache-control', FEED_CACHE_CONTROL).send(xml);
}

export function robotsTxt(ctx: WebContext): string {
  return [
    'User-agent: *',
    'Allow: /',
    // Search results are endless and thin; the API is for agencies, not crawlers.
    'Disallow: /search',
    'Disallow: /api/',
    '',
    `Sitemap: ${absoluteUrl(ctx.site, '/sitemap.xml')}`,
    `Sitemap: ${absoluteUrl(ctx.site, NEWS_SITEMAP_PATH)}`,
    '',
  ].join('\n');
}

export function registerSitemapRoutes(app: FastifyInstance, ctx: WebContext, opts: SitemapOptions = {}): void {
  const chunkSize = opts.chunkSize ?? SITEMAP_MAX_URLS;
  const now = opts.now ?? (() => new Date());
  const url = (path: string) => absoluteUrl(ctx.site, path);

  app.get('/robots.txt', async (_request, reply) => reply.type('text/plain; charset=utf-8').send(robotsTxt(ctx)));

  app.get('/sitemap.xml', async (_request, reply) => {
    const chunks = await listSitemapChunks(ctx.store.db, chunkSize);
    const stories = chunks.map((c) => ({ loc: url(storiesSitemapPath(c.chunk)), lastmod: c.lastmod }));
    return sendXml(reply, renderSitemapIndex([{ loc: url(PAGES_SITEMAP_PATH) }, ...stories]));
  });

  app.get(PAGES_SITEMAP_PATH, async (_request, reply) => {
    const pages = [
      '/',
      '/latest',
      ROUNDUPS_PATH,
      DEVSHOTS_PATH,
      ...ctx.site.sectors.map((s) => sectorPath(s.slug)),
      ...PIECE_KINDS.map(kindPath),
      ...STATIC_PAGES.map((p) => staticPagePath(p.slug)),
    ];
    return sendXml(reply, renderUrlset(pages.map((path) => ({ loc: url(path) }))));
  });

  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const chunk = Number(/^stories-([1-9][0-9]{0,8})\.xml$/.exec(request.params.file)?.[1]);
    if (!Number.isSafeInteger(chunk)) return reply.callNotFound();
    const stories = await listSitemapStories(ctx.store.db, chunk, chunkSize);
    // An empty <urlset> is invalid, and the index never links to one.
    if (stories.length === 0) return reply.callNotFound();
    return sendXml(reply, renderUrlset(stories.map((s) => ({ loc: url(articlePath(s)), lastmod: s.updatedAt }))));
  });

  app.get(NEWS_SITEMAP_PATH, async (_request, reply) => {
    const since = new Date(now().getTime() - NEWS_WINDOW_MS);
    const stories = await listNewsSitemapStories(ctx.store.db, since, NEWS_MAX_URLS);
    const entries = stories.map((s) => ({ loc: url(articlePath(s)), title: s.headline, publicationDate: s.createdAt }));
    return sendXml(reply, renderNewsSitemap({ name: ctx.site.name, language: ctx.site.language }, entries));
  });
}
