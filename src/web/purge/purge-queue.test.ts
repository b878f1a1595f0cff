// The queue between publishing and the purge targets: batching, retries, one log line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { createPurgeQueue } from './purge-queue.ts';
import { startFakePurgeServer, type FakePurgeServer } from './fake-purge-server.ts';
import { createFastlyPurger } from './fastly-purger.ts';
import { createVarnishPurger } from './varnish-purger.ts';
import type { Purger, PurgeResult } from './purger.ts';

/** A pino logger whose lines land in `lines` (parsed) and `text` (raw). */
function captureLogger() {
  const out = { lines: [] as Record<string, unknown>[], text: '' };
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out.text += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) out.lines.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), out };
}

/** A purger answering from a script, recording what it was asked. */
function scriptedPurger(results: PurgeResult[]): Purger & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    name: 'scripted',
    calls,
    async purge(keys) {
      calls.push([...keys]);
      return results.length > 1 ? results.shift()! : results[0]!;
    },
  };
}

const FAIL: PurgeResult = { kind: 'failed', error: 'purge: HTTP 503', retryable: true };
const OK: PurgeResult = { kind: 'ok' };

describe('purge queue', () => {
  let server: FakePurgeServer;
  beforeEach(async () => {
    server = await startFakePurgeServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('collects keys for the window and sends each target one request with each key once', async () => {
    const { logger } = captureLogger();
    const queue = createPurgeQueue({ purgers: [createVarnishPurger(server.url), createVarnishPurger(server.url)], logger, windowMs: 30 });
    queue.enqueue(['home', 'story-1']);
    queue.enqueue(['home', 'story-2']);
    expect(server.requests).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 60));
    await queue.drain();
    expect(server.requests.map((r) => r.headers['xkey-purge'])).toEqual(['home story-1 story-2', 'home story-1 story-2']);
  });

  it('does not wait for a slow purge: enqueue returns at once', () => {
    const { logger } = captureLogger();
    const queue = createPurgeQueue({ purgers: [{ name: 'never', purge: () => new Promise<PurgeResult>(() => undefined) }], logger, windowMs: 1 });
    const t = performance.now();
    for (let i = 0; i < 1000; i++) queue.enqueue([`story-${i}`]);
    expect(performance.now() - t).toBeLessThan(50);
  });

  it('retries with backoff until the target answers, logging nothing at warn', async () => {
    const { logger, out } = captureLogger();
    const purger = scriptedPurger([FAIL, FAIL, OK]);
    const queue = createPurgeQueue({ purgers: [purger], logger, windowMs: 1, retryDelaysMs: [5, 5, 5] });
    queue.enqueue(['home']);
    await queue.drain();
    expect(purger.calls).toEqual([['home'], ['home'], ['home']]);
    expect(out.lines.filter((l) => Number(l.level) >= 40)).toEqual([]);
    expect(out.lines.at(-1)).toMatchObject({ msg: 'purged', purger: 'scripted', attempts: 3 });
  });

  it('gives up after the last retry and logs once, with an event name', async () => {
    const { logger, out } = captureLogger();
    const purger = scriptedPurger([FAIL]);
    const queue = createPurgeQueue({ purgers: [purger], logger, windowMs: 1, retryDelaysMs: [5, 5, 5] });
    queue.enqueue(['home', 'feed']);
    await queue.drain();
    expect(purger.calls).toHaveLength(4);
    const warnings = out.lines.filter((l) => Number(l.level) >= 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ event: 'purge_failed', purger: 'scripted', keys: 2, attempts: 4, err: 'purge: HTTP 503' });
  });

  it('does not retry what the target refused (4xx)', async () => {
    const { logger, out } = captureLogger();
    const purger = scriptedPurger([{ kind: 'failed', error: 'purge: HTTP 403', retryable: false }]);
    const queue = createPurgeQueue({ purgers: [purger], logger, windowMs: 1, retryDelaysMs: [5, 5, 5] });
    queue.enqueue(['home']);
    await queue.drain();
    expect(purger.calls).toHaveLength(1);
    expect(out.lines.filter((l) => l.event === 'purge_failed')).toHaveLength(1);
  });

  it('one failing target does not hold up the others', async () => {
    const { logger } = captureLogger();
    const failing = scriptedPurger([FAIL]);
    const queue = createPurgeQueue({ purgers: [failing, createVarnishPurger(server.url)], logger, windowMs: 1, retryDelaysMs: [200] });
    queue.enqueue(['home']);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(1);
    await queue.drain();
  });

  it('never logs a credential, whatever goes wrong', async () => {
    const { logger, out } = captureLogger();
    server.answer({ status: 500, body: 'oops' });
    const queue = createPurgeQueue({ purgers: [createFastlyPurger('SVC1', 'very-secret-fastly-key', server.url)], logger, windowMs: 1, retryDelaysMs: [1, 1] });
    queue.enqueue(['home']);
    await queue.drain();
    expect(server.requests[0]?.headers['fastly-key']).toBe('very-secret-fastly-key');
    expect(out.lines.some((l) => l.event === 'purge_failed')).toBe(true);
    expect(out.text).not.toContain('very-secret-fastly-key');
  });

  it('close cuts a backoff short: one last attempt, then it gives up', async () => {
    const { logger, out } = captureLogger();
    const purger = scriptedPurger([FAIL]);
    const queue = createPurgeQueue({ purgers: [purger], logger, windowMs: 1, retryDelaysMs: [10_000, 10_000] });
    queue.enqueue(['home']);
    await new Promise((r) => setTimeout(r, 30));
    expect(purger.calls).toHaveLength(1);
    const t = performance.now();
    await queue.close();
    expect(performance.now() - t).toBeLessThan(1_000);
    expect(purger.calls).toHaveLength(2);
    expect(out.lines.filter((l) => l.event === 'purge_failed')).toHaveLength(1);
  });

  it('close sends what is collected and stops retrying', async () => {
    const { logger, out } = captureLogger();
    const purger = scriptedPurger([FAIL]);
    const queue = createPurgeQueue({ purgers: [purger], logger, windowMs: 10_000, retryDelaysMs: [10_000] });
    queue.enqueue(['home']);
    const t = performance.now();
    await queue.close();
    expect(performance.now() - t).toBeLessThan(1_000);
    expect(purger.calls).toEqual([['home']]);
    expect(out.lines.filter((l) => l.event === 'purge_failed')).toHaveLength(1);
  });
});
