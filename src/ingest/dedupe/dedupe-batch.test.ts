import { describe, expect, it } from 'vitest';
import { dedupeBatch } from './dedupe-batch.ts';
import type { StoryDraft } from '../../domain/story.ts';

const d = (identity: string, updatedAt: string, headline = '') => ({ draft: { identity, updatedAt, headline } as StoryDraft });

describe('dedupeBatch', () => {
  it('keeps one entry per identity, the most recently updated', () => {
    const { kept, dropped } = dedupeBatch([d('a', '2026-01-01', 'old'), d('b', '2026-01-01'), d('a', '2026-01-02', 'new'), d('a', '2025-12-31', 'older')]);
    expect(kept.map((k) => `${k.draft.identity}:${k.draft.headline}`)).toEqual(['a:new', 'b:']);
    expect(dropped).toBe(2);
  });
});
