import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { findStoryById, insertStory, updateStory } from '../store/story-repository.ts';
import { storyRow, testConfig } from '../web/testing/web-fixtures.ts';
import type { RoundupTopic } from '../domain/roundup.ts';
import type { PublishedItem } from '../ingest/publish/publish-drafts.ts';
import { runRoundupTopic, type RoundupDeps } from './run-roundup.ts';
import { refreshRoundups } from './refresh-roundups.ts';
import { startRoundups } from '../jobs/roundups.ts';

const NOW = new Date('2026-11-29T12:00:00Z');
const topic: RoundupTopic = {
  name: 'Health', slug: 'health', sector: 'health', sectors: ['health'], countries: [], excludeCountries: [],
  schedule: { kind: 'every', seconds: 3600 }, minBriefs: 1, maxBriefs: 10, maxAgeSeconds: 86400,
};

describe.each(testEngines())('roundups after a kill on %s', (engine) => {
  let t: TestStore;
  let announced: PublishedItem[];
  let deps: RoundupDeps;
  let ids: number[];
  let roundupId: number;
  beforeEach(async () => {
    t = await createTestStore(engine);
    announced = [];
    deps = { store: t.store, site: testConfig().site, logger: pino({ level: 'silent' }), owner: 'a', articleUrl: (b) => `https://news.example/article/${b.id}`, onPublished: (i) => void announced.push(...i), now: () => NOW };
    ids = [];
    for (const n of [1, 2, 3]) {
      const at = new Date(NOW.getTime() - (10 - n) * 60_000).toISOString();
      ids.push(await insertStory(t.store.db, storyRow(n, { sector: 'health', headline: `Brief ${n}`, created_at: at, ingested_at: at })));
    }
    const run = await runRoundupTopic(deps, topic);
    if (run.kind !== 'published') throw new Error(run.kind);
    roundupId = run.storyId;
    announced = [];
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('rewrites a roundup without its killed brief, title included, once', async () => {
    expect((await findStoryById(t.store.db, roundupId))?.headline).toBe('Health News Roundup: Brief 3; Brief 2 and more');
    await updateStory(t.store.db, ids[2]!, { status: 'killed' });
    const changed = await refreshRoundups(deps);
    expect(changed).toEqual([{ identity: expect.stringMatching(/^roundup:health:/), outcome: 'updated', storyId: roundupId, status: 'published' }]);
    expect(announced).toEqual(changed);
    const story = await findStoryById(t.store.db, roundupId);
    expect(story?.headline).toBe('Health News Roundup: Brief 2; Brief 1');
    expect(story?.bodyHtml).not.toContain('Brief 3');
    expect(story?.updatedAt).toBe(NOW.toISOString());
    expect(await refreshRoundups(deps)).toEqual([]);
    // Restored, it is still not bundled again.
    await updateStory(t.store.db, ids[2]!, { status: 'published' });
    expect((await runRoundupTopic(deps, topic, { force: true })).kind).toBe('skipped');
  });

  it('kills a roundup whose every brief was withdrawn', async () => {
    for (const id of ids) await updateStory(t.store.db, id, { status: id === ids[0] ? 'withheld' : 'killed' });
    const changed = await refreshRoundups(deps);
    expect(changed.map((c) => c.status)).toEqual(['killed']);
    expect((await findStoryById(t.store.db, roundupId))?.status).toBe('killed');
  });

  it('the timer refreshes and runs due topics, and stop waits for the run', async () => {
    await updateStory(t.store.db, ids[0]!, { status: 'killed' });
    const job = startRoundups(deps, [topic], 20);
    for (let i = 0; i < 100 && announced.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await job.stop();
    expect(announced.map((a) => a.storyId)).toContain(roundupId);
  });
});
