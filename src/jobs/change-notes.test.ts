import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTestStore, testEngines, type TestStore } from '../store/testing/test-stores.ts';
import { addChangeNote } from '../store/change-note-repository.ts';
import { noteChange, watchChangeNotes } from './change-notes.ts';
import { pruneOldChangeNotes } from './prune.ts';
import type { ChangeEvent } from './change-bus.ts';

describe.each(testEngines())('change notes on %s', (engine) => {
  let t: TestStore;
  const logger = pino({ level: 'silent' });
  beforeEach(async () => {
    t = await createTestStore(engine);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('delivers the notes written after the watcher started, in order, each once', async () => {
    await noteChange(t.store, { storyIds: [1], keys: ['story-1'] });
    const seen: ChangeEvent[] = [];
    const watcher = await watchChangeNotes({ store: t.store, logger, onChange: (e) => seen.push(e) }, 60_000);
    try {
      await watcher.poll();
      expect(seen).toEqual([]);
      await noteChange(t.store, { storyIds: [2, 3], keys: ['story-2', 'story-3', 'home'] });
      await noteChange(t.store, { storyIds: [] });
      await watcher.poll();
      await watcher.poll();
      expect(seen).toEqual([{ storyIds: [2, 3], keys: ['story-2', 'story-3', 'home'] }, { storyIds: [] }]);
    } finally {
      watcher.stop();
    }
  });

  it('reads past a batch, and a note it cannot read means everything changed', async () => {
    const seen: ChangeEvent[] = [];
    const watcher = await watchChangeNotes({ store: t.store, logger, onChange: (e) => seen.push(e) }, 60_000);
    try {
      for (let i = 1; i <= 230; i++) await noteChange(t.store, { storyIds: [i], keys: [`story-${i}`] });
      await addChangeNote(t.store.db, 'not json', new Date());
      await watcher.poll();
      expect(seen).toHaveLength(231);
      expect(seen[229]).toEqual({ storyIds: [230], keys: ['story-230'] });
      expect(seen[230]).toEqual({ storyIds: [] });
    } finally {
      watcher.stop();
    }
  });

  it('prunes notes a day old', async () => {
    const now = new Date('2026-11-29T12:00:00.000Z');
    await noteChange(t.store, { storyIds: [1] }, new Date('2026-11-28T11:00:00.000Z'));
    await noteChange(t.store, { storyIds: [2] }, new Date('2026-11-28T13:00:00.000Z'));
    expect(await pruneOldChangeNotes(t.store, now)).toBe(1);
    expect((await t.store.db.selectFrom('change_notes').select('event').execute()).map((r) => r.event)).toEqual(['{"storyIds":[2]}']);
  });
});
