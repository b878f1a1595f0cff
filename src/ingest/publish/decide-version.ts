// Agency versioning rules, pure. An item's identity is the agency guid; versions
// apply in order, and an older version arriving late never overwrites a newer one.
// A kill (pubStatus canceled) is final; withheld takes a story down until a later
// usable version; an embargoed version is stored but shown only from its time.
import type { StoryDraft, StoryStatus } from '../../domain/story.ts';
import type { StoryState } from '../../store/story-repository.ts';

export type VersionDecision =
  | { readonly kind: 'new'; readonly status: StoryStatus }
  | { readonly kind: 'unchanged'; readonly why: 'same' | 'stale' | 'killed' }
  | { readonly kind: 'updated'; readonly status: StoryStatus; readonly updatedAt: string };

/** Where a version puts its story: killed, withheld, embargoed or published. */
export function statusFor(draft: Pick<StoryDraft, 'pubStatus' | 'embargoUntil'>, now: Date): StoryStatus {
  if (draft.pubStatus === 'canceled') return 'killed';
  if (draft.pubStatus === 'withheld') return 'withheld';
  if (draft.embargoUntil !== undefined && draft.embargoUntil > now.toISOString()) return 'embargoed';
  return 'published';
}

function isStale(existing: StoryState, draft: StoryDraft): boolean {
  // With version numbers on both sides they decide; otherwise the version times do.
  if (draft.version !== undefined && existing.version !== null) return draft.version < existing.version;
  return draft.updatedAt < existing.updatedAt;
}

export function decideVersion(existing: StoryState | undefined, draft: StoryDraft, now: Date): VersionDecision {
  const status = statusFor(draft, now);
  if (!existing) return { kind: 'new', status };
  if (existing.status === 'killed') return { kind: 'unchanged', why: 'killed' };
  if (isStale(existing, draft)) return { kind: 'unchanged', why: 'stale' };
  const sameVersion = draft.version === undefined || existing.version === null || draft.version === existing.version;
  if (sameVersion && existing.contentHash === draft.contentHash && existing.status === status) return { kind: 'unchanged', why: 'same' };
  // Feeds often repeat the original time on a changed item; the change is then "now".
  const updatedAt = draft.updatedAt > existing.updatedAt ? draft.updatedAt : now.toISOString();
  return { kind: 'updated', status, updatedAt };
}
