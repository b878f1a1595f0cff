// A story as the site knows it: one per identity, however often it is re-sent.
import type { PubStatus } from './wire-item.ts';

export type StoryKind = 'wire' | 'staff' | 'roundup' | 'opinion' | 'blog' | 'interview';
export const STORY_KINDS: readonly StoryKind[] = ['wire', 'staff', 'roundup', 'opinion', 'blog', 'interview'];

/** Signed pieces with their own pages (`/opinion`, `/blogs`, `/interviews`): the byline is the point. */
export type PieceKind = 'opinion' | 'blog' | 'interview';
export const PIECE_KINDS: readonly PieceKind[] = ['opinion', 'blog', 'interview'];

/**
 * What a source's items or an editor may make a story. Roundups are not among them: they
 * are assembled from other stories by the roundup builder, never fed or relabelled.
 */
export type AssignableKind = Exclude<StoryKind, 'roundup'>;
export const ASSIGNABLE_KINDS: readonly AssignableKind[] = ['wire', 'staff', 'opinion', 'blog', 'interview'];

export function isStoryKind(s: string): s is StoryKind {
  return (STORY_KINDS as readonly string[]).includes(s);
}

export function isAssignableKind(s: string): s is AssignableKind {
  return (ASSIGNABLE_KINDS as readonly string[]).includes(s);
}

export function isPieceKind(s: string): s is PieceKind {
  return (PIECE_KINDS as readonly string[]).includes(s);
}
export type StoryStatus = 'published' | 'withheld' | 'killed' | 'embargoed';

export interface Dateline {
  readonly city?: string;
  readonly agency?: string;
}

/** What normalize makes of a WireItem: clean, trusted, ready to store. */
export interface StoryDraft {
  /** `guid:…`, `link:…` or `hash:…` — stable across re-sends. */
  readonly identity: string;
  readonly headline: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly slug: string;
  readonly agency?: string;
  readonly datelineCity?: string;
  readonly author?: string;
  readonly link?: string;
  readonly imageUrl?: string;
  readonly imageCaption?: string;
  readonly language?: string;
  readonly categories: readonly string[];
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Hash over the fields a reader sees; equal hash = unchanged. */
  readonly contentHash: string;
  /** The agency's version number, when the format carries one (NewsML-G2, ninjs, NITF…). */
  readonly version?: number;
  readonly pubStatus: PubStatus;
  /** ISO-8601 UTC; not visible anywhere before. */
  readonly embargoUntil?: string;
  /** The agency flagged this version as a correction. */
  readonly isCorrection: boolean;
}

export interface Story {
  readonly id: number;
  readonly identity: string;
  readonly kind: StoryKind;
  readonly status: StoryStatus;
  readonly sourceId: number | null;
  readonly headline: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly slug: string;
  readonly sector: string;
  readonly agency: string | null;
  readonly datelineCity: string | null;
  readonly author: string | null;
  readonly link: string | null;
  readonly imageUrl: string | null;
  readonly imageCaption: string | null;
  readonly language: string | null;
  readonly categories: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly contentHash: string;
  readonly version: number | null;
  /** When the agency last sent a correction, for the page's "Corrected" note. */
  readonly correctedAt: string | null;
  readonly embargoUntil: string | null;
  /** The id of the story leading this one's event, when another report leads it (ingest/dedupe). */
  readonly clusterId?: number | null;
}

/** A story as lists show it: no body. */
export type StorySummary = Omit<Story, 'bodyHtml'>;

/** A link to another story: "Also reported by" and "Related stories" on the article page. */
export interface StoryLink {
  readonly id: number;
  readonly sector: string;
  readonly slug: string;
  readonly headline: string;
  readonly agency: string | null;
  readonly createdAt: string;
}

/** Newest first by creation time, the higher id first among equals: every list's order. */
export function newestFirst(a: { readonly createdAt: string; readonly id: number }, b: { readonly createdAt: string; readonly id: number }): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id;
}
