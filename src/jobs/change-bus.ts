// Tells every node that published content changed, so each drops its in-process
// caches. On PostgreSQL this is LISTEN/NOTIFY (delivered to all nodes within
// milliseconds); the embedded store serves one process, so an in-process bus does.
import { EventEmitter } from 'node:events';
import pg from 'pg';

export interface ChangeEvent {
  /** Story ids that were published, updated or taken down. */
  readonly storyIds: readonly number[];
}

export interface ChangeBus {
  publish(event: ChangeEvent): Promise<void>;
  subscribe(listener: (event: ChangeEvent) => void): void;
  close(): Promise<void>;
}

export const CHANNEL = 'wiredesk_changes';
// NOTIFY payloads are limited to 8000 bytes; past this many ids, say "everything".
const MAX_IDS = 500;

export function createLocalChangeBus(): ChangeBus {
  const emitter = new EventEmitter();
  return {
    async publish(event) {
      emitter.emit('change', event);
    },
    subscribe(listener) {
      emitter.on('change', listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

export async function createPostgresChangeBus(url: string, onError: (err: Error) => void): Promise<ChangeBus> {
  const listeners: ((event: ChangeEvent) => void)[] = [];
  const deliver = (event: ChangeEvent) => {
    for (const l of listeners) l(event);
  };
  let closed = false;
  let listener: pg.Client | undefined;

  async function connect(): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL) return;
      deliver(parsePayload(msg.payload));
    });
    client.on('error', (err) => {
      onError(err);
      // A dropped listener would silently leave this node's caches stale: reconnect,
      // and treat the gap as "everything changed".
      if (!closed) setTimeout(() => void reconnect(), 500).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  }

  async function reconnect(): Promise<void> {
    await listener?.end().catch(() => undefined);
    listener = undefined;
    try {
      await connect();
      deliver({ storyIds: [] });
    } catch (err) {
      onError(err as Error);
      if (!closed) setTimeout(() => void reconnect(), 2000).unref();
    }
  }

  await connect();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return {
    async publish(event) {
      const ids = event.storyIds.length > MAX_IDS ? [] : event.storyIds;
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ storyIds: ids })]);
    },
    subscribe(l) {
      listeners.push(l);
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

/** An empty id list means "anything may have changed". */
function parsePayload(payload: string | undefined): ChangeEvent {
  try {
    const parsed = JSON.parse(payload ?? '{}') as { storyIds?: unknown };
    const ids = Array.isArray(parsed.storyIds) ? parsed.storyIds.filter((x): x is number => Number.isInteger(x)) : [];
    return { storyIds: ids };
  } catch {
    return { storyIds: [] };
  }
}
