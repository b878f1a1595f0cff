// /country/{slug}: every published story about a country (story_countries, any
// position), newest first; `/country/{ISO code}` redirects there. Paginated like the
// other lists, with feeds.
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.ts';
import { countryPath } from '../urls.ts';
import { regionName } from '../regions.ts';
import { countryKey } from '../surrogate-keys.ts';
import { findCountry } from '../countries.ts';
import { sendList } from './lists.ts';

export function registerCountryRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { slug: string } }>('/country/:slug', async (request, reply) => {
    const found = findCountry(request.params.slug);
    if (found.kind === 'unknown') return reply.callNotFound();
    const path = countryPath(found.code);
    if (found.kind === 'redirect') {
      const query = request.url.indexOf('?');
      return reply.redirect(query === -1 ? path : `${path}${request.url.slice(query)}`, 301);
    }
    const name = regionName(found.code);
    return sendList(ctx, request, reply, {
      basePath: path,
      title: name,
      description: `News about ${name} on ${ctx.site.name}: the latest stories from the wires.`,
      intro: `Every story on ${ctx.site.name} about ${name}, newest first.`,
      filter: { countries: [found.code] },
      feedScope: { kind: 'country', country: found.code },
      emptyText: `No stories about ${name} just now.`,
      keys: (storyIds) => ({ kind: 'list', key: countryKey(found.code), storyIds }),
    });
  });
}
