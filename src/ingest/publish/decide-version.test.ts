import { describe, expect, it } from 'vitest';
import { decideVersion, statusFor } from './decide-version.ts';
import type { StoryDraft } from '../../domain/story.ts';
import type { StoryState } from '../../store/story-repository.ts';

const now = new Date('2026-11-29T10:00:00.000Z');
const state = (over: Partial<StoryState> = {}): StoryState => ({
  id: 1, identity: 'guid:a', contentHash: 'h1', createdAt: '2026-11-28T00:00:00.000Z', updatedAt: '2026-11-28T01:00:00.000Z', status: 'published', version: null, ...over,
});
const draft = (over: Partial<StoryDraft> = {}) =>
  ({ contentHash: 'h1', updatedAt: '2026-11-28T01:00:00.000Z', pubStatus: 'usable', isCorrection: false, ...over }) as StoryDraft;

describe('decideVersion', () => {
  it.each([
    ['no stored story', undefined, draft(), { kind: 'new', status: 'published' }],
    ['no stored story, embargoed', undefined, draft({ embargoUntil: '2026-11-29T12:00:00.000Z' }), { kind: 'new', status: 'embargoed' }],
    ['same content', state(), draft({ updatedAt: '2026-11-28T05:00:00.000Z' }), { kind: 'unchanged', why: 'same' }],
    ['newer content, newer time', state(), draft({ contentHash: 'h2', updatedAt: '2026-11-28T05:00:00.000Z' }), { kind: 'updated', status: 'published', updatedAt: '2026-11-28T05:00:00.000Z' }],
    ['changed content, same time: the change is now', state(), draft({ contentHash: 'h2' }), { kind: 'updated', status: 'published', updatedAt: now.toISOString() }],
    ['older version time arriving late', state(), draft({ contentHash: 'h2', updatedAt: '2026-11-27T00:00:00.000Z' }), { kind: 'unchanged', why: 'stale' }],
    ['version numbers decide over times', state({ version: 3 }), draft({ contentHash: 'h2', version: 2, updatedAt: '2026-11-29T00:00:00.000Z' }), { kind: 'unchanged', why: 'stale' }],
    ['a higher version applies', state({ version: 3 }), draft({ contentHash: 'h2', version: 4, updatedAt: '2026-11-29T00:00:00.000Z' }), { kind: 'updated', status: 'published', updatedAt: '2026-11-29T00:00:00.000Z' }],
    ['a kill with the same content takes the story down', state({ version: 1 }), draft({ version: 2, pubStatus: 'canceled', updatedAt: '2026-11-29T00:00:00.000Z' }), { kind: 'updated', status: 'killed', updatedAt: '2026-11-29T00:00:00.000Z' }],
    ['withheld takes it down', state(), draft({ pubStatus: 'withheld', updatedAt: '2026-11-28T02:00:00.000Z' }), { kind: 'updated', status: 'withheld', updatedAt: '2026-11-28T02:00:00.000Z' }],
    ['a later usable version restores a withheld story', state({ status: 'withheld' }), draft({ updatedAt: '2026-11-28T03:00:00.000Z' }), { kind: 'updated', status: 'published', updatedAt: '2026-11-28T03:00:00.000Z' }],
    ['a kill is final', state({ status: 'killed' }), draft({ contentHash: 'h9', updatedAt: '2026-11-29T09:00:00.000Z' }), { kind: 'unchanged', why: 'killed' }],
  ] as const)('%s', (_name, existing, d, expected) => {
    expect(decideVersion(existing, d, now)).toEqual(expected);
  });

  it('an embargo in the past publishes at once', () => {
    expect(statusFor({ pubStatus: 'usable', embargoUntil: '2026-11-29T09:59:59.000Z' }, now)).toBe('published');
  });
});
