// /roundups: every roundup, newest first, paginated like the other lists, with its own
// feeds (/roundups/rss.xml, atom.xml, feed.json, in feeds/feed-routes.ts).
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.ts';
import { ROUNDUPS_PATH } from '../urls.ts';
import { sendList } from './lists.ts';

export function registerRoundupRoutes(app: FastifyInstance, ctx: WebContext): void {
  const site = ctx.site;
  app.get(ROUNDUPS_PATH, (request, reply) =>
    sendList(ctx, request, reply, {
      basePath: ROUNDUPS_PATH,
      title: 'News roundups',
      description: `News roundups on ${site.name}: the wire briefs of each topic bundled into one article, several times a day.`,
      intro: `Each roundup bundles the latest wire briefs of one topic, with a link to every full story. Roundups are compiled automatically and not edited by ${site.name} staff.`,
      filter: { kinds: ['roundup'] },
      feedScope: { kind: 'roundups' },
      emptyText: 'No roundups yet.',
      // A publish may add a roundup as it adds to the latest list: the same keys.
      keys: (storyIds) => ({ kind: 'latest', storyIds }),
    }),
  );
}
