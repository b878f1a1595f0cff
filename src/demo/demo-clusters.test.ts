// The demo wire carries two events reported by three agencies each: ingested, each
// becomes one cluster (the site shows "Also reported by" and the event once in lists),
// and nothing else is merged or clustered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { ingestInput } from '../ingest/pipeline.ts';
import { DEFAULT_SECTORS } from '../config/site-defaults.ts';
import { listDemoFiles } from './demo-wire.ts';

describe.each(testEngines())('demo wire clusters on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('clusters the solar park and the WMO report, three agencies each, and keeps every story', async () => {
    let items = 0;
    for (const file of listDemoFiles()) {
      const run = await ingestInput(file.path, { store: t.store, sectors: DEFAULT_SECTORS, now: () => new Date('2026-11-29T06:00:00Z'), ...(file.agency ? { agency: file.agency } : {}), ...(file.kind ? { kind: file.kind } : {}) });
      expect(run.error).toBeUndefined();
      items += run.new;
    }
    const rows = await t.store.db.selectFrom('stories').select(['id', 'agency', 'headline', 'cluster_id']).execute();
    expect(rows).toHaveLength(items);
    const byLead = Map.groupBy(rows.filter((r) => r.cluster_id !== null), (r) => Number(r.cluster_id));
    const clusters = [...byLead].map(([lead, members]) => [rows.find((r) => Number(r.id) === lead)!, ...members].map((r) => r.agency).sort());
    expect(clusters.sort()).toEqual([
      ['AFP', 'Reuters', 'UN News'],
      ['IANS', 'PTI', 'Reuters'],
    ]);
  });
});
