// A story as the site knows it: one per identity, however often it is re-sent.

export type StoryKind = 'wire' | 'staff' | 'roundup';
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
}

/** A story as lists show it: no body. */
export type StorySummary = Omit<Story, 'bodyHtml'>;
