// The worker's side of ./cluster.ts: a change bus over the primary's relay (the
// embedded store has no LISTEN/NOTIFY), a /metrics scrape summed over all workers,
// and the primary's request to shut down.
import { AggregatorRegistry } from 'prom-client';
import type { ChangeBus, ChangeEvent } from '../jobs/change-bus.ts';
import { scrapeRegistries, type Metrics } from '../lib/metrics.ts';
import { isClusterMessage, type ClusterMessage } from './cluster.ts';

const METRICS_TIMEOUT_MS = 5_000;

function send(message: ClusterMessage): void {
  process.send?.(message);
}

/** Delivers this worker's changes to its own listeners at once and to every other worker through the primary. */
export function createClusterChangeBus(): ChangeBus {
  const listeners: ((event: ChangeEvent) => void)[] = [];
  const deliver = (event: ChangeEvent) => {
    for (const l of listeners) l(event);
  };
  const onMessage = (message: unknown) => {
    if (isClusterMessage(message) && message.type === 'wiredesk:change') deliver(message.event);
  };
  process.on('message', onMessage);
  return {
    async publish(event) {
      deliver(event);
      send({ type: 'wiredesk:change', event });
    },
    subscribe(listener) {
      listeners.push(listener);
    },
    async close() {
      process.off('message', onMessage);
      listeners.length = 0;
    },
  };
}

/** The same metrics, but a scrape answers for every worker (the primary sums them). */
export function withClusterScrape(metrics: Metrics): Metrics {
  AggregatorRegistry.setRegistries(scrapeRegistries(metrics));
  // Constructing one is what makes prom-client answer the primary's requests in a worker.
  new AggregatorRegistry();
  let nextId = 1;
  const pending = new Map<number, { resolve: (text: string) => void; reject: (err: Error) => void }>();
  process.on('message', (message: unknown) => {
    if (!isClusterMessage(message) || message.type !== 'wiredesk:metrics') return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.text !== undefined) waiter?.resolve(message.text);
    else waiter?.reject(new Error(`metrics: ${message.error ?? 'no answer'}`));
  });
  return {
    ...metrics,
    render() {
      const id = nextId++;
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error('metrics: the primary did not answer'));
        }, METRICS_TIMEOUT_MS);
        pending.set(id, {
          resolve: (text) => (clearTimeout(timer), resolve(text)),
          reject: (err) => (clearTimeout(timer), reject(err)),
        });
        send({ type: 'wiredesk:metrics-request', id });
      });
    },
  };
}

/** Calls `stop` when the primary asks this worker to shut down. */
export function onShutdownRequest(stop: () => void): void {
  process.on('message', (message: unknown) => {
    if (isClusterMessage(message) && message.type === 'wiredesk:shutdown') stop();
  });
}
