// /article/{sector}/{id}-{slug}: the canonical story page. Any other sector or slug
// for the id, and /article/{id}, answer 301 with the canonical path.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createElement } from 'preact';
import { findArticleById, findStoryById } from '../../store/story-repository.ts';
import { findStoryTags } from '../../store/geo-repository.ts';
import { findOtherReports, findRelatedStories } from '../../store/cluster-repository.ts';
import type { Story } from '../../domain/story.ts';
import { absoluteUrl, articlePath, kindPath, safeImageUrl, sectorName, sectorPath } from '../urls.ts';
import { isPieceKind } from '../../domain/story.ts';
import { PIECE_PAGES } from '../piece-kinds.ts';
import { feedsFor, renderPage, sendHtml, type WebContext } from '../context.ts';
import { sendGone } from './errors.ts';
import { setSurrogateKeys } from '../surrogate-keys.ts';
import { ArticleMain, articleJsonLd } from '../views/article-page.tsx';
import { breadcrumbJsonLd } from '../structured-data.ts';

/** Related stories besides the event's other reports. */
const RELATED_SIZE = 4;

// Ids are positive integers that fit a 32-bit column in both engines.
const MAX_ID = 2_147_483_647;

/** The id at the start of `123-some-slug` or `123`; undefined for anything else. */
export function parseStoryId(idSlug: string): number | undefined {
  const m = /^([1-9][0-9]{0,9})(?:-|$)/.exec(idSlug);
  const id = m ? Number(m[1]) : NaN;
  return id > 0 && id <= MAX_ID ? id : undefined;
}

type Lookup = { readonly kind: 'published'; readonly story: Story } | { readonly kind: 'gone'; readonly story: Story } | { readonly kind: 'missing' };

async function findPublished(ctx: WebContext, id: number | undefined): Promise<Lookup> {
  return lookupOf(id === undefined ? undefined : await findStoryById(ctx.store.db, id));
}

function lookupOf(story: Story | undefined): Lookup {
  if (story?.status === 'published') return { kind: 'published', story };
  // A kill is for good: 410. Withheld and embargoed stories are simply not there yet
  // (a 410 would tell the world an embargoed story exists).
  if (story?.status === 'killed') return { kind: 'gone', story };
  return { kind: 'missing' };
}

function countView(ctx: WebContext, request: FastifyRequest, id: number): void {
  if (request.method === 'GET') ctx.views.count(id, { address: request.ip, userAgent: request.headers['user-agent'] });
}

export function registerArticleRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { sector: string; idSlug: string } }>('/article/:sector/:idSlug', async (request, reply) => {
    const id = parseStoryId(request.params.idSlug);
    const article = id === undefined ? undefined : await findArticleById(ctx.store.db, id);
    const found = lookupOf(article?.story);
    if (found.kind === 'gone') return sendGone(ctx, setSurrogateKeys(reply, { kind: 'article', story: found.story, linkedIds: [] }));
    if (found.kind === 'missing') return reply.callNotFound();
    const { story } = found;
    const canonicalPath = articlePath(story);
    if (request.params.sector !== story.sector || request.params.idSlug !== (story.slug ? `${story.id}-${story.slug}` : String(story.id))) {
      return setSurrogateKeys(reply, { kind: 'article', story, linkedIds: [] }).redirect(canonicalPath, 301);
    }
    countView(ctx, request, story.id);
    const next = article?.next;
    const [chrome, tags, reports] = await Promise.all([ctx.siteData.chrome(), findStoryTags(ctx.store.db, story.id), findOtherReports(ctx.store.db, story)]);
    // Related: the event's other reports first, then the newest stories of its sector or tags.
    const related = await findRelatedStories((key) => ctx.siteData.newestLeads(key), story, tags.map((t) => t.slug), reports.map((r) => r.id), RELATED_SIZE);
    const linked = [...(next ? [next.id] : []), ...reports.map((r) => r.id), ...related.map((r) => r.id)];
    setSurrogateKeys(reply, { kind: 'article', story, linkedIds: linked });
    const canonical = absoluteUrl(ctx.site, canonicalPath);
    const image = safeImageUrl(ctx.site, story.imageUrl);
    const html = renderPage(ctx, chrome, {
      head: {
        title: story.headline,
        // Normalize writes the lead as the summary; a story without one still needs a description.
        description: story.summary || story.headline,
        canonical,
        // A signed piece's readers follow its kind; wire copy's, its sector.
        feeds: isPieceKind(story.kind) ? feedsFor(ctx.site, { kind: 'story-kind', storyKind: story.kind }, PIECE_PAGES[story.kind].title) : feedsFor(ctx.site, story.sector),
        og: {
          type: 'article',
          ...(image ? { image } : {}),
          publishedTime: story.createdAt,
          modifiedTime: story.updatedAt,
          section: sectorName(ctx.site, story.sector),
        },
        jsonLd: [
          articleJsonLd(story, ctx.site, canonical),
          breadcrumbJsonLd(ctx.site, [
            isPieceKind(story.kind) ? { name: PIECE_PAGES[story.kind].title, path: kindPath(story.kind) } : { name: sectorName(ctx.site, story.sector), path: sectorPath(story.sector) },
            { name: story.headline, path: canonicalPath },
          ]),
        ],
      },
      main: createElement(ArticleMain, { story, site: ctx.site, tags, reports, related, ...(next ? { next } : {}) }),
    });
    return sendHtml(reply, html);
  });

  app.get<{ Params: { id: string } }>('/article/:id', async (request, reply) => {
    const id = /^[0-9]+$/.test(request.params.id) ? parseStoryId(request.params.id) : undefined;
    const found = await findPublished(ctx, id);
    if (found.kind === 'gone') return sendGone(ctx, setSurrogateKeys(reply, { kind: 'article', story: found.story, linkedIds: [] }));
    if (found.kind === 'missing') return reply.callNotFound();
    const { story } = found;
    return setSurrogateKeys(reply, { kind: 'article', story, linkedIds: [] }).redirect(articlePath(story), 301);
  });
}
