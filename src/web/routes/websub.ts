// /websub/{source id}/{token}: the callback URL our WebSub subscriptions give their hubs
// (GET verifies intent, POST distributes content). The logic is in src/websub/callbacks.ts.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { WebsubCallbacks, CallbackAnswer } from '../../websub/callbacks.ts';
import { MAX_BODY_BYTES } from '../../ingest/fetch/file-fetch.ts';

interface Params {
  sourceId: string;
  token: string;
}

function send(reply: FastifyReply, answer: CallbackAnswer): FastifyReply {
  return reply.code(answer.status).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(answer.body);
}

/** A positive integer id, else undefined (which answers 404 like any unknown callback). */
function sourceIdOf(raw: string): number | undefined {
  return /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : undefined;
}

export function registerWebsubRoutes(app: FastifyInstance, callbacks: WebsubCallbacks): void {
  void app.register(async (scope) => {
    // The signature covers the raw bytes; any format a feed comes in is kept as a buffer.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (_req, body, done) => done(null, body));

    scope.get<{ Params: Params; Querystring: Record<string, unknown> }>('/websub/:sourceId/:token', async (request, reply) => {
      const id = sourceIdOf(request.params.sourceId);
      if (id === undefined) return send(reply, { status: 404, body: 'no such subscription' });
      return send(reply, await callbacks.verify(id, request.params.token, request.query));
    });

    scope.post<{ Params: Params }>('/websub/:sourceId/:token', async (request, reply) => {
      const id = sourceIdOf(request.params.sourceId);
      if (id === undefined) return send(reply, { status: 410, body: 'no such subscription' });
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-hub-signature'];
      const contentType = request.headers['content-type'];
      return send(
        reply,
        await callbacks.receive(id, request.params.token, body, {
          ...(typeof signature === 'string' ? { signature } : {}),
          ...(contentType ? { contentType } : {}),
        }),
      );
    });
  });
}
