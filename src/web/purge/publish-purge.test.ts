// From announced story ids to the keys sent, over a real store (no mocks).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestStore, testEngines, type TestStore } from '../../store/testing/test-stores.ts';
import { insertStory } from '../../store/story-repository.ts';
import { storyRow } from '../testing/web-fixtures.ts';
import { createPublishPurger } from './publish-purge.ts';
import type { Purger } from './purger.ts';

function recordingPurger(): Purger & { sent: string[][] } {
  const sent: string[][] = [];
  return {
    name: 'recording',
    sent,
    async purge(keys) {
      sent.push([...keys].sort());
      return { kind: 'ok' };
    },
  };
}

describe.each(testEngines())('purge after publish on %s', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('purges the lists, feeds and home for new stories, and each changed story’s own pages', async () => {
    const a = await insertStory(t.store.db, storyRow(1, { sector: 'health', agency: 'UN News' }));
    const b = await insertStory(t.store.db, storyRow(2, { sector: 'politics', agency: 'PTI' }));
    const purger = recordingPurger();
    const publish = createPublishPurger(t.store.db, [purger], pino({ level: 'silent' }), { windowMs: 5 });
    publish.announce([
      { storyId: a, outcome: 'new' },
      { storyId: b, outcome: 'updated' },
    ]);
    await publish.settle();
    expect(purger.sent).toEqual([
      ['feed', 'home', 'list-latest', 'list-sector-health', 'list-sector-politics', 'list-source-pti', 'list-source-un-news', 'search', `story-${b}`].sort(),
    ]);
    await publish.close();
  });

  it('purges a story that is no longer published (a kill), found whatever its status', async () => {
    const id = await insertStory(t.store.db, storyRow(3, { status: 'killed', sector: 'sports' }));
    const purger = recordingPurger();
    const publish = createPublishPurger(t.store.db, [purger], pino({ level: 'silent' }), { windowMs: 5 });
    publish.announce([{ storyId: id, outcome: 'updated' }]);
    await publish.settle();
    expect(purger.sent[0]).toContain(`story-${id}`);
    expect(purger.sent[0]).toContain('list-sector-sports');
  });

  it('without the story in the store, still purges home, latest, feeds and the story', async () => {
    const purger = recordingPurger();
    const publish = createPublishPurger(t.store.db, [purger], pino({ level: 'silent' }), { windowMs: 5 });
    publish.announce([{ storyId: 999, outcome: 'updated' }]);
    await publish.settle();
    expect(purger.sent).toEqual([['feed', 'home', 'list-latest', 'search', 'story-999']]);
  });

  it('when the store fails, logs once and purges what it knows without looking', async () => {
    const purger = recordingPurger();
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const publish = createPublishPurger(t.store.db, [purger], logger, { windowMs: 5 });
    await t.store.close();
    publish.announce([{ storyId: 5, outcome: 'updated' }]);
    await publish.settle();
    expect(purger.sent).toEqual([['feed', 'home', 'list-latest', 'search', 'story-5']]);
    expect(lines.map((l) => l.event)).toEqual(['purge_lookup_failed']);
  });
});
