// The one stylesheet, at a URL that names its content: /assets/site.<hash>.css is
// immutable, so browsers and CDNs keep it for a year and never ask again.
import { readFileSync } from 'node:fs';
import { hash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export interface CssAsset {
  readonly href: string;
  readonly body: string;
}

/**
 * Reads a stylesheet (site.css unless named) once, drops comments, indentation and the
 * spaces around braces, semicolons and commas (none of their strings holds one), and
 * fingerprints the result: site.css must fit the first 14 KB a connection sends.
 */
export function loadCssAsset(name = 'site'): CssAsset {
  const source = readFileSync(new URL(`../assets/${name}.css`, import.meta.url), 'utf8');
  const body = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\n\s+/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .replace(/\s*([{};,])\s*/g, '$1')
    .trim();
  return { href: `/assets/${name}.${hash('sha256', body, 'hex').slice(0, 10)}.css`, body };
}

export function registerAssetRoutes(app: FastifyInstance, css: CssAsset): void {
  const current = css.href.slice('/assets/'.length);
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const file = request.params.file;
    if (!/^site\.[0-9a-f]{10}\.css$/.test(file)) return reply.callNotFound();
    // A page cached before a deploy may name the previous stylesheet: serve today's,
    // briefly, rather than leave that page unstyled.
    const cacheControl = file === current ? 'public, max-age=31536000, immutable' : 'public, max-age=60';
    return reply.type('text/css; charset=utf-8').header('cache-control', cacheControl).send(css.body);
  });
}
