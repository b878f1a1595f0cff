import { describe, expect, it } from 'vitest';
import { decideVersion } from './decide-version.ts';
import type { StoryDraft } from '../../domain/story.ts';
import type { StoryState } from '../../store/story-repository.ts';

const now = new Date('2026-11-29T10:00:00.000Z');
const state: StoryState = { id: 1, identity: 'guid:a', contentHash: 'h1', createdAt: '2026-11-28T00:00:00.000Z', updatedAt: '2026-11-28T01:00:00.000Z', status: 'published' };
const draft = (contentHash: string, updatedAt: string) => ({ contentHash, updatedAt }) as StoryDraft;

describe('decideVersion', () => {
  it.each([
    ['no stored story', undefined, draft('h1', '2026-11-28T00:00:00.000Z'), { kind: 'new' }],
    ['same content', state, draft('h1', '2026-11-28T05:00:00.000Z'), { kind: 'unchanged' }],
    ['newer content, newer time', state, draft('h2', '2026-11-28T05:00:00.000Z'), { kind: 'updated', updatedAt: '2026-11-28T05:00:00.000Z' }],
    ['changed content, same time: the change is now', state, draft('h2', '2026-11-28T01:00:00.000Z'), { kind: 'updated', updatedAt: now.toISOString() }],
    ['older version arriving late', state, draft('h2', '2026-11-27T00:00:00.000Z'), { kind: 'unchanged' }],
  ] as const)('%s', (_name, existing, d, expected) => {
    expect(decideVersion(existing, d, now)).toEqual(expected);
  });
});
