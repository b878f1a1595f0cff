// /tag/{slug}: every published story carrying the tag (a person, organisation, place
// or subject found by classify), newest first, paginated like the other lists.
import type { FastifyInstance } from 'fastify';
import { findTagName } from '../../store/geo-repository.ts';
import type { WebContext } from '../context.ts';
import { tagPath } from '../urls.ts';
import { sendList } from './lists.ts';

// What slugifyTag (ingest/classify/tags.ts) can make: anything else is not a tag.
const TAG_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function registerTagRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { slug: string } }>('/tag/:slug', async (request, reply) => {
    const { slug } = request.params;
    const name = TAG_SLUG.test(slug) && slug.length <= 60 ? await findTagName(ctx.store.db, slug) : undefined;
    if (name === undefined) return reply.callNotFound();
    return sendList(ctx, request, reply, {
      basePath: tagPath(slug),
      title: name,
      description: `${name}: the latest stories on ${ctx.site.name}.`,
      intro: `Every story on ${ctx.site.name} about ${name}, newest first.`,
      filter: { tag: slug },
      feedScope: { kind: 'tag', tag: slug },
      emptyText: `No stories about ${name} just now.`,
      keys: (storyIds) => ({ kind: 'tag', tag: slug, storyIds }),
    });
  });
}
