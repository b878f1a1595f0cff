// Tells every node that published content changed, so each drops its in-process
// caches. On PostgreSQL this is LISTEN/NOTIFY (delivered to all nodes within
// milliseconds); the embedded store serves one process, so an in-process bus does.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export interface ChangeEvent {
  /** Story ids that were published, updated or taken down; none means "anything may have changed". */
  readonly storyIds: readonly number[];
  /**
   * The surrogate keys of the pages the change touched (src/web/change-keys.ts), so every
   * node's page cache drops exactly those; absent: the node drops every cached page.
   */
  readonly keys?: readonly string[] | undefined;
}

export interface ChangeBus {
  publish(event: ChangeEvent): Promise<void>;
  subscribe(listener: (event: ChangeEvent) => void): void;
  close(): Promise<void>;
}

export const CHANNEL = 'wiredesk_changes';
// NOTIFY payloads are limited to 8000 bytes (in the server encoding; ours are ASCII
// JSON): past that, say "everything".
export const MAX_PAYLOAD_BYTES = 7_900;

/** An event as JSON (parsePayload reads it back). */
export function encodeEvent(event: ChangeEvent): string {
  return JSON.stringify(event.keys ? { storyIds: event.storyIds, keys: event.keys } : { storyIds: event.storyIds });
}

/** The NOTIFY payload: the event, or "everything changed" when it would not fit. */
export function encodePayload(event: ChangeEvent): string {
  const full = encodeEvent(event);
  return Buffer.byteLength(full) <= MAX_PAYLOAD_BYTES ? full : JSON.stringify({ storyIds: [] });
}

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
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, encodePayload(event)]);
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

/** Anything malformed reads as "anything may have changed": a node never keeps a page it was told to drop. */
export function parsePayload(payload: string | undefined): ChangeEvent {
  try {
    const parsed = JSON.parse(payload ?? '{}') as { storyIds?: unknown; keys?: unknown };
    const ids = Array.isArray(parsed.storyIds) ? parsed.storyIds.filter((x): x is number => Number.isInteger(x)) : [];
    const keys = parsed.keys;
    if (ids.length === 0 || !Array.isArray(keys) || !keys.every((k): k is string => typeof k === 'string')) return { storyIds: ids };
    return { storyIds: ids, keys };
  } catch {
    return { storyIds: [] };
  }
}

/** A NOTIFY sent inside a transaction: PostgreSQL delivers it on commit and drops it on rollback. */
export async function notifyWithin(trx: Kysely<Database>, event: ChangeEvent): Promise<void> {
  await sql`SELECT pg_notify(${CHANNEL}, ${encodePayload(event)})`.execute(trx);
}

/**
 * One change told to every serving node from outside them (a CLI command on a
 * PostgreSQL site): a single NOTIFY on a short-lived connection.
 */
export async function notifyChange(url: string, event: ChangeEvent): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_notify($1, $2)', [CHANNEL, encodePayload(event)]);
  } finally {
    await client.end();
  }
}
