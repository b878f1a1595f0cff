import type { StoryDraft } from '../../domain/story.ts';

/**
 * Within one batch the same identity can appear twice (feeds do repeat items);
 * keep the most recently updated copy so the store sees each identity once.
 */
export function dedupeBatch<T extends { readonly draft: StoryDraft }>(batch: readonly T[]): { kept: T[]; dropped: number } {
  const byIdentity = new Map<string, T>();
  for (const entry of batch) {
    const seen = byIdentity.get(entry.draft.identity);
    if (!seen || entry.draft.updatedAt > seen.draft.updatedAt) byIdentity.set(entry.draft.identity, entry);
  }
  return { kept: [...byIdentity.values()], dropped: batch.length - byIdentity.size };
}
