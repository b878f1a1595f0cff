// The scheduler reports each run into the metrics: items by outcome, runs by result,
// source health and the queue depth. Real store, real local feed files.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { insertSource } from '../store/source-repository.ts';
import { DEFAULT_SECTORS } from '../config/site-defaults.ts';
import { createMetrics, type Metrics } from '../lib/metrics.ts';
import { startScheduler, type Scheduler } from './scheduler.ts';

const WIRE = join(import.meta.dirname, '../ingest/testdata/wire-v1.rss');
const MISSING = join(import.meta.dirname, '../ingest/testdata/no-such-feed.rss');

async function value(metrics: Metrics, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = metrics.registry.getSingleMetric(name);
  const got = await metric?.get();
  return got?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;
}

describe.each(testEngines())('scheduler metrics on %s', (engine) => {
  let t: TestStore;
  let metrics: Metrics;
  let scheduler: Scheduler;
  let clock: Date;
  beforeEach(async () => {
    t = await createTestStore(engine);
    metrics = createMetrics({ now: () => clock.getTime() });
    clock = new Date('2026-11-29T00:00:00Z');
    await insertSource(t.store.db, { name: 'Test wire', url: WIRE, intervalSeconds: 300 }, clock);
    await insertSource(t.store.db, { name: 'Broken', url: MISSING, intervalSeconds: 300 }, clock);
    clock = new Date('2026-11-29T00:00:10Z');
    scheduler = startScheduler({ store: t.store, sectors: DEFAULT_SECTORS, logger: pino({ level: 'silent' }), now: () => clock, metrics }, { tickMs: 3_600_000 });
  });
  afterEach(async () => {
    await scheduler.stop();
    await t.dispose();
  });

  it('counts items by outcome and runs by result after a tick', async () => {
    await scheduler.tick();
    expect(await value(metrics, 'wiredesk_ingest_items_total', { outcome: 'new' })).toBe(2);
    expect(await value(metrics, 'wiredesk_ingest_items_total', { outcome: 'rejected' })).toBe(1);
    expect(await value(metrics, 'wiredesk_ingest_items_total', { outcome: 'unchanged' })).toBe(0);
    expect(await value(metrics, 'wiredesk_source_runs_total', { result: 'ok' })).toBe(1);
    expect(await value(metrics, 'wiredesk_source_runs_total', { result: 'failed' })).toBe(1);
    // Both sources were due when the tick began.
    expect(await value(metrics, 'wiredesk_sources_due')).toBe(2);
  });

  it('reports source health by name, and seconds since success grow between polls', async () => {
    await scheduler.tick();
    expect(await value(metrics, 'wiredesk_source_consecutive_failures', { source: 'Broken' })).toBe(1);
    expect(await value(metrics, 'wiredesk_source_consecutive_failures', { source: 'Test wire' })).toBe(0);
    clock = new Date('2026-11-29T00:01:10Z');
    expect(await value(metrics, 'wiredesk_source_seconds_since_success', { source: 'Test wire' })).toBe(60);
    expect(await value(metrics, 'wiredesk_source_seconds_since_success', { source: 'Broken' })).toBeUndefined();
    // The next tick re-reads every source from the store; nothing is due yet.
    await scheduler.tick();
    expect(await value(metrics, 'wiredesk_sources_due')).toBe(0);
    expect(await value(metrics, 'wiredesk_source_consecutive_failures', { source: 'Broken' })).toBe(1);
  });

  it('reports each source status as a state set and counts sources by status', async () => {
    await scheduler.tick();
    expect(await value(metrics, 'wiredesk_source_status', { source: 'Broken', status: 'failing' })).toBe(1);
    expect(await value(metrics, 'wiredesk_source_status', { source: 'Broken', status: 'ok' })).toBe(0);
    // The test wire's two items are 30 min apart and its newest is 41 h old: quiet.
    expect(await value(metrics, 'wiredesk_source_status', { source: 'Test wire', status: 'quiet' })).toBe(1);
    expect(await value(metrics, 'wiredesk_source_status', { source: 'Test wire', status: 'ok' })).toBe(0);
    expect(await value(metrics, 'wiredesk_sources_by_status', { status: 'failing' })).toBe(1);
    expect(await value(metrics, 'wiredesk_sources_by_status', { status: 'quiet' })).toBe(1);
    expect(await value(metrics, 'wiredesk_sources_by_status', { status: 'ok' })).toBe(0);
    expect(await value(metrics, 'wiredesk_source_items_per_day', { source: 'Test wire' })).toBe(0);
  });
});
