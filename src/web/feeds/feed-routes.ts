// Feeds out: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site, each sector and
// each agency, at the same file names under each (`/rss.xml`, `/news/{sector}/atom.xml`,
// `/source/{agency}/feed.json`). Cached like pages (the caching hook adds the ETag and
// answers 304), keyed `feed` so every publish, kills included, empties them all at once.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { WebContext } from '../context.ts';
import { HttpError } from '../context.ts';
import { listFullStories, listStories, type StoryFilter } from '../../store/story-lists.ts';
import { absoluteUrl, FEED_TYPES, feedPath, ROUNDUPS_PATH, sectorPath, sourcePath, type FeedScope, type FeedType } from '../urls.ts';
import { PAGE_CACHE_CONTROL } from '../http-cache.ts';
import { setSurrogateKeys, type PageKeys } from '../surrogate-keys.ts';
import { scopeFeedSpecs } from './scope-feeds.ts';
import { createBodyCleaner, feedText, toFeedEntry, type FeedChannel, type FeedEntry, type FeedStory } from './feed-entry.ts';
import { renderRss, RSS_TYPE } from './rss-writer.ts';
import { ATOM_TYPE, renderAtom } from './atom-writer.ts';
import { JSON_FEED_TYPE, renderJsonFeed } from './json-feed-writer.ts';

export const FEED_SIZE = 50;

export const FEED_WRITERS: Readonly<Record<FeedType, { readonly type: string; readonly render: (c: FeedChannel, e: readonly FeedEntry[]) => string }>> = {
  rss: { type: RSS_TYPE, render: renderRss },
  atom: { type: ATOM_TYPE, render: renderAtom },
  json: { type: JSON_FEED_TYPE, render: renderJsonFeed },
};

export interface FeedOptions {
  /** WIREDESK_WEBSUB_HUB: advertised in every feed and pinged when one changes. */
  readonly hub?: string;
  /** WIREDESK_FEED_FULL_CONTENT: sanitized bodies in feeds; else summary and link. */
  readonly fullContent?: boolean;
}

/** WebSub discovery (W3C WebSub §4) in HTTP: `Link: <hub>; rel="hub", <self>; rel="self"`. */
export function websubLinkHeader(hub: string, selfUrl: string): string {
  return `<${hub}>; rel="hub", <${selfUrl}>; rel="self"`;
}

/** What one feed lists and how it describes itself. */
export interface FeedSpec {
  readonly scope: FeedScope;
  readonly title: string;
  readonly description: string;
  /** The HTML page the feed stands for. */
  readonly pagePath: string;
  readonly filter: StoryFilter;
  /** The feed's own surrogate key beside `feed` (edition, tag, author, country, kind). */
  readonly scopeKey?: string;
}

function newest(entries: readonly FeedEntry[]): string | undefined {
  return entries.reduce<string | undefined>((max, e) => (max === undefined || e.updatedAt > max ? e.updatedAt : max), undefined);
}

async function sendFeed(ctx: WebContext, opts: FeedOptions & { readonly cleanBody: (bodyHtml: string) => string }, reply: FastifyReply, type: FeedType, spec: FeedSpec) {
  const fullContent = opts.fullContent ?? false;
  const page = { limit: FEED_SIZE };
  // Bodies are only read when they are sent.
  const stories: readonly FeedStory[] = fullContent ? await listFullStories(ctx.store.db, spec.filter, page) : await listStories(ctx.store.db, spec.filter, page);
  const entries = stories.map((s) => toFeedEntry(ctx.site, s, { fullContent, cleanBody: opts.cleanBody }));
  const selfUrl = absoluteUrl(ctx.site, feedPath(spec.scope, type));
  const updatedAt = newest(entries);
  const channel: FeedChannel = {
    // Agency names come from the wire: kept to what every format can carry.
    title: feedText(spec.title),
    link: absoluteUrl(ctx.site, spec.pagePath),
    selfUrl,
    description: feedText(spec.description),
    language: ctx.site.language,
    author: ctx.site.name,
    hubs: opts.hub ? [opts.hub] : [],
    ...(updatedAt ? { updatedAt } : {}),
  };
  if (opts.hub) reply.header('link', websubLinkHeader(opts.hub, selfUrl));
  const scope = spec.scope;
  const keys: PageKeys =
    scope.kind === 'sector' ? { kind: 'feed', sector: scope.sector } : scope.kind === 'source' ? { kind: 'feed', agency: scope.agency } : { kind: 'feed', ...(spec.scopeKey ? { scopeKey: spec.scopeKey } : {}) };
  setSurrogateKeys(reply, keys);
  const writer = FEED_WRITERS[type];
  return reply.type(`${writer.type}; charset=utf-8`).header('cache-control', PAGE_CACHE_CONTROL).send(writer.render(channel, entries));
}

export function registerFeedRoutes(app: FastifyInstance, ctx: WebContext, feedOptions: FeedOptions = {}): void {
  const site = ctx.site;
  const opts = { ...feedOptions, cleanBody: createBodyCleaner(site) };
  for (const type of FEED_TYPES) {
    // `/rss.xml`, `/atom.xml`, `/feed.json`: the file name every scope's feed has.
    const file = feedPath({ kind: 'site' }, type);

    app.get(file, async (_req, reply) =>
      sendFeed(ctx, opts, reply, type, {
        scope: { kind: 'site' },
        title: site.name,
        description: `The latest news on ${site.name}`,
        pagePath: '/',
        filter: {},
      }),
    );

    app.get<{ Params: { sector: string } }>(`/news/:sector${file}`, async (req, reply) => {
      const sector = site.sectors.find((s) => s.slug === req.params.sector);
      if (!sector) throw new HttpError(404, 'no such sector');
      return sendFeed(ctx, opts, reply, type, {
        scope: { kind: 'sector', sector: sector.slug },
        title: `${site.name}: ${sector.name}`,
        description: `${sector.name} news on ${site.name}`,
        pagePath: sectorPath(sector.slug),
        filter: { sector: sector.slug },
      });
    });

    app.get<{ Params: { agency: string } }>(`/source/:agency${file}`, async (req, reply) => {
      // The same agencies the source pages know (refreshed every minute).
      const agency = (await ctx.siteData.chrome()).agencyBySlug.get(req.params.agency);
      if (!agency) throw new HttpError(404, 'no such source');
      return sendFeed(ctx, opts, reply, type, {
        scope: { kind: 'source', agency },
        title: `${site.name}: ${agency} stories`,
        description: `Stories from ${agency} on ${site.name}`,
        pagePath: sourcePath(agency),
        filter: { agency },
      });
    });

    app.get(`${ROUNDUPS_PATH}${file}`, async (_req, reply) =>
      sendFeed(ctx, opts, reply, type, {
        scope: { kind: 'roundups' },
        title: `${site.name}: news roundups`,
        description: `News roundups on ${site.name}: the day's wire briefs of each topic in one article`,
        pagePath: ROUNDUPS_PATH,
        filter: { kinds: ['roundup'] },
      }),
    );
    // Editions, tags, authors, countries and kinds: each resolves its page's parameter
    // the way its page does, and answers 404 where the page would.
    for (const scoped of scopeFeedSpecs(ctx)) {
      app.get<{ Params: Record<string, string> }>(`${scoped.route}${file}`, async (req, reply) => {
        const spec = await scoped.resolve(req.params);
        if (!spec) throw new HttpError(404, 'no such feed');
        return sendFeed(ctx, opts, reply, type, spec);
      });
    }
  }
}
