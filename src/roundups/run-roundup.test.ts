import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { insertStory, findStoryById, updateStory } from '../store/story-repository.ts';
import { insertStoryGeos } from '../store/geo-repository.ts';
import { findRoundupBriefIds, insertRoundup } from '../store/roundup-repository.ts';
import { isUniqueViolation } from '../store/errors.ts';
import { findJob } from '../store/job-lease-repository.ts';
import { storyRow, testConfig } from '../web/testing/web-fixtures.ts';
import type { NewStoryRow } from '../store/schema.ts';
import type { RoundupTopic } from '../domain/roundup.ts';
import type { PublishedItem } from '../ingest/publish/publish-drafts.ts';
import { runDueRoundups, runRoundupTopic, type RoundupDeps } from './run-roundup.ts';

const NOW = new Date('2026-11-29T12:00:00Z');
const site = testConfig().site;

const health: RoundupTopic = {
  name: 'Health',
  slug: 'health',
  sector: 'health',
  sectors: ['health'],
  countries: [],
  excludeCountries: [],
  schedule: { kind: 'every', seconds: 6 * 3600 },
  minBriefs: 3,
  maxBriefs: 10,
  maxAgeSeconds: 24 * 3600,
};

/** Brief n in `sector`, arrived `minutesAgo` before NOW. */
function brief(n: number, sector = 'health', minutesAgo = 10, over: Partial<NewStoryRow> = {}): NewStoryRow {
  const at = new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
  return storyRow(n, { sector, headline: `Brief ${n} headline.`, summary: `Lead of brief ${n}.`, created_at: at, updated_at: at, ingested_at: at, ...over });
}

describe.each(testEngines())('roundups on %s', (engine) => {
  let t: TestStore;
  let announced: PublishedItem[];
  let deps: RoundupDeps;
  beforeEach(async () => {
    t = await createTestStore(engine);
    announced = [];
    deps = {
      store: t.store,
      site,
      logger: pino({ level: 'silent' }),
      owner: 'node-a',
      articleUrl: (b) => `https://news.example/article/${b.sector}/${b.id}-${b.slug}`,
      onPublished: (items) => void announced.push(...items),
      now: () => NOW,
    };
  });
  afterEach(async () => {
    await t.dispose();
  });

  async function insert(...rows: NewStoryRow[]): Promise<number[]> {
    const ids: number[] = [];
    for (const row of rows) ids.push(await insertStory(t.store.db, row));
    return ids;
  }

  it("bundles the topic's briefs into one published roundup story, newest first, and announces it", async () => {
    const [oldest, middle, newest] = await insert(brief(1, 'health', 30), brief(2, 'health', 20), brief(3, 'health', 10), brief(4, 'sports', 5));
    const run = await runRoundupTopic(deps, health);
    expect(run.kind).toBe('published');
    if (run.kind !== 'published') return;
    expect(run.briefIds).toEqual([newest, middle, oldest]);
    const story = await findStoryById(t.store.db, run.storyId);
    expect(story?.kind).toBe('roundup');
    expect(story?.status).toBe('published');
    expect(story?.sector).toBe('health');
    expect(story?.headline).toBe('Health News Roundup: Brief 3 headline; Brief 2 headline and more');
    expect(story?.bodyHtml.match(/<h2>/g)).toHaveLength(3);
    expect(story?.bodyHtml).toContain(`<h2>Brief 3 headline.</h2>\n<p>Lead of brief 3.</p>\n<p><a href="https://news.example/article/health/${newest}-headline-number-3">Read the full story</a> (PTI)</p>`);
    expect(story?.bodyHtml).not.toContain('Brief 4');
    expect(await findRoundupBriefIds(t.store.db, run.storyId)).toEqual([newest, middle, oldest]);
    expect(announced).toEqual([{ identity: story?.identity, outcome: 'new', storyId: run.storyId, status: 'published' }]);
  });

  it('never bundles the same brief twice: a second run finds too little news until new briefs arrive', async () => {
    await insert(brief(1), brief(2), brief(3));
    const first = await runRoundupTopic(deps, health);
    expect(first.kind).toBe('published');
    expect(await runRoundupTopic(deps, health, { force: true })).toEqual({ kind: 'skipped', topic: 'health', briefs: 0, minBriefs: 3 });
    const fresh = await insert(brief(5, 'health', 3), brief(6, 'health', 2), brief(7, 'health', 1));
    const second = await runRoundupTopic(deps, health, { force: true });
    expect(second.kind === 'published' && [...second.briefIds].sort()).toEqual([...fresh].sort());
  });

  it('skips when there is too little news, records the run, and keeps the briefs for the next', async () => {
    await insert(brief(1), brief(2));
    expect(await runRoundupTopic(deps, health)).toEqual({ kind: 'skipped', topic: 'health', briefs: 2, minBriefs: 3 });
    expect(announced).toEqual([]);
    expect((await findJob(t.store.db, 'roundup:health'))?.lastRunAt).toBe(NOW.toISOString());
    expect(await runRoundupTopic(deps, health)).toEqual({ kind: 'not-due', topic: 'health' });
    await insert(brief(3));
    const later = { ...deps, now: () => new Date(NOW.getTime() + 6 * 3600_000) };
    // Six hours on, the two earlier briefs are still within the day's window.
    const run = await runRoundupTopic(later, health);
    expect(run.kind === 'published' && run.briefIds.length).toBe(3);
  });

  it('leaves out killed and withheld briefs, briefs older than maxAge, and staff stories', async () => {
    const [killed, withheld] = await insert(brief(1), brief(2), brief(3), brief(4), brief(5, 'health', 25 * 60), brief(6, 'health', 5, { kind: 'staff' }));
    await updateStory(t.store.db, killed!, { status: 'killed' });
    await updateStory(t.store.db, withheld!, { status: 'withheld' });
    const run = await runRoundupTopic(deps, { ...health, minBriefs: 1 });
    expect(run.kind === 'published' && run.briefIds.length).toBe(2);
    expect(run.kind === 'published' && run.briefIds).not.toContain(killed);
  });

  it('takes briefs by country and leaves out excluded countries', async () => {
    const [us, india, none] = await insert(brief(1, 'politics'), brief(2, 'politics'), brief(3, 'politics'));
    await insertStoryGeos(t.store.db, [
      { storyId: us!, geo: { countries: ['US'], tags: [] } },
      { storyId: india!, geo: { countries: ['IN'], tags: [] } },
    ]);
    const usDomestic = { ...health, name: 'US Domestic', slug: 'us-domestic', sector: 'politics', sectors: [], countries: ['US'], minBriefs: 1 };
    const world = { ...health, name: 'World', slug: 'world', sector: 'politics', sectors: ['politics'], excludeCountries: ['IN'], minBriefs: 1 };
    const a = await runRoundupTopic(deps, usDomestic);
    expect(a.kind === 'published' && a.briefIds).toEqual([us]);
    const b = await runRoundupTopic(deps, world);
    expect(b.kind === 'published' && b.briefIds).toEqual([none]);
  });

  it('two nodes racing for one topic make one roundup', async () => {
    await insert(brief(1), brief(2), brief(3));
    const runs = await Promise.all([runRoundupTopic(deps, health), runRoundupTopic({ ...deps, owner: 'node-b' }, health)]);
    // The loser either finds the lease held or, if the winner already finished, the topic not due.
    expect(runs.filter((r) => r.kind === 'published')).toHaveLength(1);
    expect(runs.filter((r) => r.kind === 'busy' || r.kind === 'not-due')).toHaveLength(1);
    const count = await t.store.db.selectFrom('roundups').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('two topics racing for the same briefs share none of them', async () => {
    await insert(brief(1), brief(2), brief(3), brief(4));
    const other = { ...health, name: 'Wellbeing', slug: 'wellbeing', minBriefs: 1 };
    const runs = await Promise.all([runRoundupTopic(deps, { ...health, minBriefs: 1 }, { force: true }), runRoundupTopic({ ...deps, owner: 'node-b' }, other, { force: true })]);
    const used = runs.flatMap((r) => (r.kind === 'published' ? r.briefIds : []));
    expect(used.length).toBe(4);
    expect(new Set(used).size).toBe(4);
  });

  it('the database refuses a brief in a second roundup and writes nothing of that roundup', async () => {
    const ids = await insert(brief(1), brief(2));
    const roundup = (identity: string, briefIds: number[]) => ({ story: storyRow(90, { identity, kind: 'roundup' }), topic: 'health', briefIds });
    await insertRoundup(t.store.db, roundup('roundup:a', [ids[0]!]));
    const err = await insertRoundup(t.store.db, roundup('roundup:b', [ids[1]!, ids[0]!])).catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    const stories = await t.store.db.selectFrom('stories').select('identity').where('kind', '=', 'roundup').execute();
    expect(stories.map((s) => s.identity)).toEqual(['roundup:a']);
    expect(await findRoundupBriefIds(t.store.db, 0)).toEqual([]);
  });

  it('runs every due topic and goes on after one fails', async () => {
    await insert(brief(1), brief(2), brief(3));
    const broken = { ...health, slug: 'broken', sector: 'health', sectors: ['health'], minBriefs: 1 };
    const failing: RoundupDeps = { ...deps, articleUrl: (b) => (b.id > 0 && deps.now!() === NOW ? (() => { throw new Error('boom'); })() : '') };
    const runs = await runDueRoundups(failing, [broken]);
    expect(runs).toEqual([]);
    // The failed run was not recorded and its lease was given back: it runs next time.
    expect(await findJob(t.store.db, 'roundup:broken')).toEqual({ owner: null, expiresAt: null, lastRunAt: null });
    expect((await runDueRoundups(deps, [broken, health])).map((r) => r.kind)).toEqual(['published', 'skipped']);
  });
});
