// /devshots (every story as a short card, `?page=N`), its keyboard script and the
// sector pictures cards fall back on (both fingerprinted and immutable, like site.css).
import { readFileSync } from 'node:fs';
import { hash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createElement } from 'preact';
import { listStories } from '../../store/story-lists.ts';
import { absoluteUrl, DEVSHOTS_PATH, pagePath } from '../urls.ts';
import { HttpError, feedsFor, renderPage, sendHtml, type WebContext } from '../context.ts';
import { PAGE_SIZE, pageQuery, parsePageParam } from '../pagination.ts';
import { setSurrogateKeys } from '../surrogate-keys.ts';
import { breadcrumbJsonLd } from '../structured-data.ts';
import { DevShotsMain } from '../views/devshots-page.tsx';
import { buildSectorImages, SECTOR_IMAGE_PREFIX } from '../sector-images.ts';
import { loadCssAsset } from './assets.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The keyboard script, fingerprinted: /assets/devshots.<hash>.js. */
function loadScript(): { href: string; body: string } {
  const body = readFileSync(new URL('../assets/devshots.js', import.meta.url), 'utf8');
  return { href: `/assets/devshots.${hash('sha256', body, 'hex').slice(0, 10)}.js`, body };
}

export function registerDevShotsRoutes(app: FastifyInstance, ctx: WebContext): void {
  const images = buildSectorImages(ctx.site.sectors);
  const byFile = new Map([...images.values()].map((img) => [img.href.slice(SECTOR_IMAGE_PREFIX.length), img]));
  const script = loadScript();
  const css = loadCssAsset('devshots');

  app.get<{ Params: { file: string } }>(`${SECTOR_IMAGE_PREFIX}:file`, async (request, reply) => {
    const image = byFile.get(request.params.file);
    if (!image) return reply.callNotFound();
    // An SVG opened on its own is a document: it may run nothing and load nothing.
    return reply.type('image/svg+xml').header('cache-control', IMMUTABLE).header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(image.body);
  });

  app.get(css.href, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', IMMUTABLE).send(css.body));
  app.get(script.href, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', IMMUTABLE).send(script.body));

  app.get(DEVSHOTS_PATH, async (request, reply) => {
    const param = parsePageParam(pageQuery(request.query));
    if (param.kind === 'bad') throw new HttpError(400, 'web: page must be a positive whole number');
    if (param.kind === 'redirect-first') return reply.redirect(DEVSHOTS_PATH, 301);
    const { page } = param;
    const [rows, chrome] = await Promise.all([listStories(ctx.store.db, {}, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }), ctx.siteData.chrome()]);
    if (page > 1 && rows.length === 0) return reply.callNotFound();
    const stories = rows.slice(0, PAGE_SIZE);
    const prevHref = page > 1 ? pagePath(DEVSHOTS_PATH, page - 1) : undefined;
    const nextHref = rows.length > PAGE_SIZE ? pagePath(DEVSHOTS_PATH, page + 1) : undefined;
    const html = renderPage(ctx, chrome, {
      head: {
        title: page > 1 ? `DevShots (page ${page})` : 'DevShots',
        description: `Every story on ${ctx.site.name} in 60 words or fewer: short news cards, newest first.`,
        canonical: absoluteUrl(ctx.site, pagePath(DEVSHOTS_PATH, page)),
        feeds: feedsFor(ctx.site),
        extraCss: [css.href],
        og: { type: 'website' },
        jsonLd: breadcrumbJsonLd(ctx.site, [{ name: 'DevShots', path: DEVSHOTS_PATH }]),
        ...(prevHref ? { prev: prevHref } : {}),
        ...(nextHref ? { next: nextHref } : {}),
      },
      main: createElement(DevShotsMain, {
        site: ctx.site,
        stories,
        page,
        sectorImage: (sector) => images.get(sector)?.href,
        scriptHref: script.href,
        ...(prevHref ? { prevHref } : {}),
        ...(nextHref ? { nextHref } : {}),
      }),
      // The stream takes the page's width.
      rail: false,
    });
    // Every publish may add a card, as it adds to the latest list: the same keys.
    return sendHtml(setSurrogateKeys(reply, { kind: 'latest', storyIds: stories.map((s) => s.id) }), html);
  });
}
