// POST /api/ingest/{source}: agencies push any supported format here. Authenticated
// per source by its token, either as a bearer token or as an HMAC-SHA256 signature of
// the body (`X-Wiredesk-Signature: sha256=<hex>`), compared in constant time.
// Idempotent: the same content pushed twice is `unchanged`.
import { createHmac, createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, RouteShorthandOptions, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.ts';
import type { Sector } from '../../domain/site.ts';
import { findPushSource } from '../../store/source-repository.ts';
import { ingestBytes } from '../../ingest/pipeline.ts';
import type { PublishedItem, AnnounceWithin } from '../../ingest/publish/publish-drafts.ts';
import { MAX_BODY_BYTES } from '../../ingest/fetch/file-fetch.ts';

export interface PushContext {
  readonly store: Store;
  readonly sectors: readonly Sector[];
  readonly onPublished: (items: readonly PublishedItem[]) => void;
  readonly announceWithin?: AnnounceWithin;
  /** Rate-limit route options (see ../rate-limit.ts). */
  readonly limit?: RouteShorthandOptions;
}

/** Equal-length digests so the comparison's time says nothing about the secret. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function isAuthorized(request: Pick<FastifyRequest, 'headers'>, body: Buffer, token: string): boolean {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return sameSecret(auth.slice(7).trim(), token);
  const signature = request.headers['x-wiredesk-signature'];
  if (typeof signature === 'string' && signature.startsWith('sha256=')) {
    return sameSecret(signature.slice(7).trim().toLowerCase(), createHmac('sha256', token).update(body).digest('hex'));
  }
  return false;
}

function fail(reply: FastifyReply, status: number, error: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send({ error });
}

export function registerPushRoutes(app: FastifyInstance, ctx: PushContext): void {
  void app.register(async (scope) => {
    // Feeds arrive as whatever their format is (XML, JSON, ANPA text): keep raw bytes.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (_req, body, done) => done(null, body));

    scope.post<{ Params: { source: string } }>('/api/ingest/:source', ctx.limit ?? {}, async (request, reply) => {
      const found = await findPushSource(ctx.store.db, request.params.source);
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!found) return fail(reply, 404, `no push source named "${request.params.source}"`);
      if (!isAuthorized(request, body, found.token)) {
        return fail(reply.header('www-authenticate', 'Bearer realm="wiredesk"'), 401, 'missing or wrong token or signature');
      }
      if (body.length === 0) return fail(reply, 400, 'empty body');
      const run = await ingestBytes(`push:${found.source.name}`, body, request.headers['content-type'], {
        store: ctx.store,
        sectors: ctx.sectors,
        now: () => new Date(),
        sourceId: found.source.id,
        ...(found.source.agency ? { agency: found.source.agency } : {}),
        kind: found.source.storyKind,
        onPublished: ctx.onPublished,
        ...(ctx.announceWithin ? { announceWithin: ctx.announceWithin } : {}),
      });
      request.log.info({ source_id: found.source.id, new: run.new, updated: run.updated, unchanged: run.unchanged, rejected: run.rejected, err: run.error }, 'push received');
      if (run.error) return fail(reply, 422, run.error);
      return reply.header('cache-control', 'no-store').send({
        new: run.new,
        updated: run.updated,
        unchanged: run.unchanged,
        rejected: run.rejected,
        reasons: run.reasons,
        items: run.items.map((i) => ({ identity: i.identity, outcome: i.outcome, status: i.status, url: `/article/${i.storyId}` })),
      });
    });
  });
}
