// `serve` on several cores: with WIREDESK_WORKERS > 1 the process that was started
// becomes a node:cluster primary that serves nothing itself. It migrates the store
// once, forks the workers (each a full `serve`: site, scheduler, jobs; the database
// leases keep scheduled work to one worker, as they do across machines), relays
// change events between workers so every worker's caches follow every change,
// answers /metrics scrapes with the sum over workers, restarts a worker that dies,
// and on SIGINT/SIGTERM asks each worker to shut down gracefully.
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { Logger } from '../lib/logger.ts';
import type { ChangeEvent } from '../jobs/change-bus.ts';

/** Messages between primary and workers; `type` keeps them apart from prom-client's own. */
export type ClusterMessage =
  | { readonly type: 'wiredesk:change'; readonly event: ChangeEvent }
  | { readonly type: 'wiredesk:metrics-request'; readonly id: number }
  | { readonly type: 'wiredesk:metrics'; readonly id: number; readonly text?: string; readonly error?: string }
  | { readonly type: 'wiredesk:shutdown' };

export function isClusterMessage(m: unknown): m is ClusterMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && (m as { type: string }).type.startsWith('wiredesk:');
}

/** Which worker this is (1…N), or undefined outside a cluster: the demo wire goes in from worker 1 only. */
export function workerIndex(): number | undefined {
  const raw = cluster.isWorker ? process.env.WIREDESK_WORKER_INDEX : undefined;
  return raw ? Number(raw) : undefined;
}

// A worker that dies within this long of starting is crashing on start-up: restart it
// after a growing pause instead of in a tight loop.
const QUICK_DEATH_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

export interface PrimaryOptions {
  readonly workers: number;
  readonly logger: Logger;
  /** performance.now() when the command started, for the ready line. */
  readonly started: number;
}

export function runClusterPrimary(opts: PrimaryOptions): Promise<number> {
  const { logger } = opts;
  const aggregator = new AggregatorRegistry();
  const startedAt = new Map<number, number>();
  const indexOf = new Map<number, number>();
  const restarts = new Map<number, number>();
  let stopping = false;
  let announced = false;

  // Ours, not cluster.workers: a worker leaves that list when it disconnects, before it has exited.
  const running = new Set<number>();

  const fork = (index: number): Worker => {
    const worker = cluster.fork({ WIREDESK_WORKER_INDEX: String(index) });
    running.add(worker.id);
    startedAt.set(worker.id, Date.now());
    indexOf.set(worker.id, index);
    return worker;
  };

  const live = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w.isConnected());

  cluster.on('message', (worker, message: unknown) => {
    if (!isClusterMessage(message)) return;
    if (message.type === 'wiredesk:change') {
      for (const other of live()) if (other.id !== worker.id) other.send(message);
    } else if (message.type === 'wiredesk:metrics-request') {
      aggregator.clusterMetrics().then(
        (text) => worker.isConnected() && worker.send({ type: 'wiredesk:metrics', id: message.id, text } satisfies ClusterMessage),
        (err: unknown) => worker.isConnected() && worker.send({ type: 'wiredesk:metrics', id: message.id, error: String(err) } satisfies ClusterMessage),
      );
    }
  });

  // A worker may listen on several addresses (Fastify binds each of localhost's): count workers.
  const listening = new Set<number>();
  cluster.on('listening', (worker, address) => {
    listening.add(worker.id);
    if (listening.size === opts.workers && !announced) {
      announced = true;
      const host = address.address && address.address !== '::' && address.address !== '0.0.0.0' ? address.address : '127.0.0.1';
      logger.info(
        { event: 'ready', address: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`, workers: opts.workers, ready_ms: Math.round(performance.now() - opts.started) },
        'wiredesk is serving',
      );
    }
  });

  return new Promise<number>((resolve) => {
    cluster.on('exit', (worker, code, signal) => {
      const index = indexOf.get(worker.id) ?? 0;
      indexOf.delete(worker.id);
      running.delete(worker.id);
      if (stopping) {
        if (running.size === 0) {
          logger.info({ event: 'stopped' }, 'all workers stopped');
          resolve(0);
        }
        return;
      }
      listening.delete(worker.id);
      const quick = Date.now() - (startedAt.get(worker.id) ?? 0) < QUICK_DEATH_MS;
      const count = quick ? (restarts.get(index) ?? 0) + 1 : 0;
      restarts.set(index, count);
      const delay = count === 0 ? 0 : Math.min(500 * 2 ** (count - 1), MAX_RESTART_DELAY_MS);
      logger.error({ event: 'worker_died', worker: index, code, signal, restart_in_ms: delay }, 'worker died; starting another');
      setTimeout(() => {
        if (!stopping) fork(index);
      }, delay).unref();
    });

    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        logger.warn({ event: 'shutdown_forced', signal }, 'second signal, stopping workers now');
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
        process.exit(1);
      }
      stopping = true;
      logger.info({ event: 'shutdown', signal }, 'shutting down workers');
      // A message, not a signal: a terminal's Ctrl-C reaches the workers too, and a
      // second signal would tell them to stop without finishing their work.
      for (const w of live()) w.send({ type: 'wiredesk:shutdown' } satisfies ClusterMessage);
      if (running.size === 0) resolve(0);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);

    for (let i = 1; i <= opts.workers; i++) fork(i);
  });
}
