import type { StoryDraft } from '../../domain/story.ts';
import type { StoryState } from '../../store/story-repository.ts';

export type VersionDecision =
  | { readonly kind: 'new' }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'updated'; readonly updatedAt: string };

/**
 * Decides what an incoming draft does to the stored story of the same identity.
 * Same content → unchanged. New content → updated, unless the draft is older than
 * what we hold (a late re-send must never overwrite a newer version).
 */
export function decideVersion(existing: StoryState | undefined, draft: StoryDraft, now: Date): VersionDecision {
  if (!existing) return { kind: 'new' };
  if (existing.contentHash === draft.contentHash) return { kind: 'unchanged' };
  if (draft.updatedAt < existing.updatedAt) return { kind: 'unchanged' };
  // Feeds often repeat the original time on a changed item; the change is then "now".
  const updatedAt = draft.updatedAt > existing.updatedAt ? draft.updatedAt : now.toISOString();
  return { kind: 'updated', updatedAt };
}
