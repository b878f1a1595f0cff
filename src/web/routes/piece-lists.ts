// /opinion, /blogs, /interviews: the signed pieces, newest first. /author/{slug}: every
// published story under one byline. Paginated like the other lists (lists.ts), each
// with its feeds (feeds/feed-routes.ts).
import type { FastifyInstance } from 'fastify';
import { PIECE_KINDS } from '../../domain/story.ts';
import { PIECE_PAGES } from '../piece-kinds.ts';
import { isNameSlug } from '../../lib/name-slug.ts';
import { findAuthorName } from '../../store/story-repository.ts';
import type { WebContext } from '../context.ts';
import { authorPath, kindPath } from '../urls.ts';
import { authorKey, kindKey } from '../surrogate-keys.ts';
import { sendList } from './lists.ts';


export function registerPieceListRoutes(app: FastifyInstance, ctx: WebContext): void {
  const site = ctx.site;
  for (const kind of PIECE_KINDS) {
    const page = PIECE_PAGES[kind];
    app.get(kindPath(kind), (request, reply) =>
      sendList(ctx, request, reply, {
        basePath: kindPath(kind),
        title: page.title,
        description: `${page.title} on ${site.name}: ${page.about}, newest first.`,
        filter: { kinds: [kind] },
        feedScope: { kind: 'story-kind', storyKind: kind },
        emptyText: `No ${page.about} yet.`,
        keys: (storyIds) => ({ kind: 'list', key: kindKey(kind), storyIds }),
      }),
    );
  }

  app.get<{ Params: { slug: string } }>('/author/:slug', async (request, reply) => {
    const { slug } = request.params;
    const author = isNameSlug(slug) ? await findAuthorName(ctx.store.db, slug) : undefined;
    if (author === undefined) return reply.callNotFound();
    return sendList(ctx, request, reply, {
      basePath: authorPath(author),
      title: author,
      description: `Stories by ${author} on ${site.name}.`,
      intro: `Every story on ${site.name} with ${author} in the byline, newest first.`,
      filter: { authorSlug: slug },
      feedScope: { kind: 'author', author },
      emptyText: `No stories by ${author} just now.`,
      keys: (storyIds) => ({ kind: 'list', key: authorKey(slug), storyIds }),
    });
  });
}
