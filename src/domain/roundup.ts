// Roundups: the briefs of one topic bundled into one article (PRODUCT.md: "US Domestic
// News Roundup: A; B and more"). A topic is configuration, like sectors and editions.

/** When a topic's roundup is due: every so many seconds, or at fixed times of day in the site's zone. */
export type RoundupSchedule =
  | { readonly kind: 'every'; readonly seconds: number }
  /** `HH:MM`, 24-hour, in the site's time zone, sorted. */
  | { readonly kind: 'at'; readonly times: readonly string[] };

export interface RoundupTopic {
  readonly name: string;
  readonly slug: string;
  /** The sector the roundup article is filed in (its URL, lists and feeds). */
  readonly sector: string;
  /** Briefs from these sectors only; empty takes every sector. */
  readonly sectors: readonly string[];
  /** Briefs about any of these countries (ISO alpha-2, editions expanded); empty takes any. */
  readonly countries: readonly string[];
  /** Briefs about none of these countries. */
  readonly excludeCountries: readonly string[];
  readonly schedule: RoundupSchedule;
  /** Fewer briefs than this and the run is skipped ("too little news"). */
  readonly minBriefs: number;
  /** At most this many briefs in one roundup, the newest; the rest wait for the next. */
  readonly maxBriefs: number;
  /** Briefs that arrived longer ago than this are too old to bundle. */
  readonly maxAgeSeconds: number;
}

/** A brief as a roundup shows it. */
export interface RoundupBrief {
  readonly id: number;
  readonly headline: string;
  readonly summary: string;
  readonly agency: string | null;
  /** Canonical path of the full story. */
  readonly path: string;
}
