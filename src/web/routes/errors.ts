// Not found (with a way home and the latest stories) and the friendly error page.
// Readers never see a stack trace; the error is logged once, here.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'preact';
import type { Chrome } from '../site-data.ts';
import type { RenderedPage } from '../render.ts';
import { feedsFor, renderPage, sendHtml, type WebContext } from '../context.ts';
import { ErrorMain, errorTitle } from '../views/error-page.tsx';
import { loggableUrl } from './ops.ts';

function renderError(ctx: WebContext, chrome: Chrome, status: number): RenderedPage {
  return renderPage(ctx, chrome, {
    head: { title: errorTitle(status), description: errorTitle(status), feeds: feedsFor(ctx.site), noindex: true },
    main: createElement(ErrorMain, { site: ctx.site, status, latest: chrome.latest }),
  });
}

function statusOf(error: FastifyError | Error): number {
  const code = 'statusCode' in error ? error.statusCode : undefined;
  return typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
}

/** 410 Gone for a story its agency withdrew (RFC 9110 §15.5.11: gone for good). */
export async function sendGone(ctx: WebContext, reply: FastifyReply): Promise<FastifyReply> {
  const chrome = await ctx.siteData.chrome();
  return sendHtml(reply.header('cache-control', 'public, max-age=300'), renderError(ctx, chrome, 410), 410);
}

export function registerErrorHandlers(app: FastifyInstance, ctx: WebContext): void {
  app.setNotFoundHandler(async (_request: FastifyRequest, reply: FastifyReply) => {
    const chrome = await ctx.siteData.chrome();
    return sendHtml(reply, renderError(ctx, chrome, 404), 404);
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = statusOf(error);
    if (status >= 500) request.log.error({ err: error, url: loggableUrl(request) }, 'web: request failed');
    else request.log.info({ status, url: loggableUrl(request), reason: error.message }, 'web: request refused');
    // API clients (agencies' push scripts) read JSON, not a page.
    if (request.url.startsWith('/api/')) return reply.code(status).header('cache-control', 'no-store').send({ error: errorTitle(status), message: status >= 500 ? 'internal error' : error.message });
    // Never wait on the store here: it may be why we are here.
    let page: RenderedPage;
    try {
      page = renderError(ctx, ctx.siteData.chromeNow(), status);
    } catch {
      const body = `<!doctype html><html lang="${ctx.site.language}"><title>${errorTitle(status)}</title><h1>${errorTitle(status)}</h1><p><a href="/">Home</a></p></html>`;
      page = { body: Buffer.from(body), etag: 'W/"error"' };
    }
    return sendHtml(reply, page, status);
  });
}
