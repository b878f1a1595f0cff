// Operations endpoints and per-request instrumentation:
//   /healthz  liveness: the process serves (never touches the database);
//   /readyz   readiness: the database answers within READY_TIMEOUT_MS and migrations are current;
//   /metrics  Prometheus text format, behind a bearer token when one is configured.
// None of them is cached (no-store), counted as a view, or counted in the HTTP metrics:
// probes every few seconds would drown the readers' traffic.
import { createHash, timingSafeEqual } from 'node:crypto';
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Metrics } from '../../lib/metrics.ts';
import { isMigrated, type Store } from '../../store/store.ts';

export const READY_TIMEOUT_MS = 1_000;
export const OPS_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);
/** The route label of requests no route matched (404s): one series, whatever the URL. */
export const UNMATCHED_ROUTE = 'unmatched';

export interface OpsOptions {
  readonly store: Store;
  readonly metrics: Metrics;
  /** When set, /metrics wants `Authorization: Bearer <token>`. */
  readonly metricsToken?: string;
}

/** `reason` is public (the endpoint is unauthenticated); `err` is for the log only. */
export type Readiness = { readonly kind: 'ready' } | { readonly kind: 'not-ready'; readonly reason: string; readonly err?: unknown };

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(store: Store, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  let migrated: boolean;
  try {
    migrated = await withTimeout(
      (async () => {
        await sql`select 1`.execute(store.db);
        return isMigrated(store);
      })(),
      timeoutMs,
    );
  } catch (err) {
    return { kind: 'not-ready', reason: 'database unavailable', err };
  }
  return migrated ? { kind: 'ready' } : { kind: 'not-ready', reason: 'migrations pending' };
}

/** Compares digests, so neither the length nor the content of the token leaks through timing. */
export function isAuthorized(header: string | undefined, token: string): boolean {
  const m = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m?.[1] ?? ''), digest(token)) && m !== null;
}

function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? UNMATCHED_ROUTE;
}

/**
 * Fastify's request logs, as one line per request with stable snake_case fields
 * (`req_id`, `status_code`, `duration_ms`) instead of two camelCase ones; probes and
 * scrapes at debug. Fastify's other log lines (stream errors, 503 while closing) stay.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'req_id' });
  }

  /** Nothing on arrival: the completion line says it all, once. */
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const route = routeOf(request);
    const fields = { method: request.method, url: loggableUrl(request), route, status_code: reply.statusCode, duration_ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) request.log.error({ ...fields, err: error }, 'request failed');
    else if (OPS_PATHS.has(route)) request.log.debug(fields, 'request completed');
    else request.log.info(fields, 'request completed');
  }
}

/**
 * The request's URL for a log line: a path parameter named `token` (the WebSub
 * callback's secret path) is a credential and is logged as ***.
 */
export function loggableUrl(request: FastifyRequest): string {
  const token = (request.params as Record<string, unknown> | undefined)?.['token'];
  return typeof token === 'string' && token.length > 0 ? request.url.split(token).join('***') : request.url;
}

function registerRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = routeOf(request);
    if (!OPS_PATHS.has(route)) metrics.observeRequest(route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

export function registerOpsRoutes(app: FastifyInstance, opts: OpsOptions): void {
  registerRequestMetrics(app, opts.metrics);
  let wasReady = true;

  app.get('/healthz', async (_request, reply) => noStore(reply).type('text/plain; charset=utf-8').send('ok'));

  app.get('/readyz', async (request, reply) => {
    const readiness = await checkReadiness(opts.store);
    noStore(reply);
    // Logged on a change only: a load balancer probes every few seconds.
    if (readiness.kind === 'ready') {
      if (!wasReady) request.log.info({ event: 'ready_again' }, 'ready again');
      wasReady = true;
      return reply.send({ status: 'ready' });
    }
    if (wasReady) request.log.warn({ event: 'not_ready', reason: readiness.reason, err: readiness.err }, 'not ready');
    wasReady = false;
    return reply.code(503).send({ status: 'not-ready', reason: readiness.reason });
  });

  app.get('/metrics', async (request, reply) => {
    noStore(reply);
    if (opts.metricsToken !== undefined && !isAuthorized(request.headers.authorization, opts.metricsToken)) {
      // RFC 6750 §3: a protected resource answers 401 with a Bearer challenge.
      return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').type('text/plain; charset=utf-8').send('unauthorized');
    }
    return reply.type(opts.metrics.contentType).send(await opts.metrics.render());
  });
}
