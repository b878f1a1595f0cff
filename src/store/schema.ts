// Table types for Kysely. Times are ISO-8601 UTC text in both engines so that
// ordering, comparison and round-trips behave identically on SQLite and PostgreSQL.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface SourcesTable {
  id: Generated<number>;
  name: string;
  url: string;
  interval_seconds: number;
  agency: string | null;
  created_at: string;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  consecutive_failures: Generated<number>;
  next_fetch_at: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  /** 'poll' (fetched on a schedule) or 'push' (POSTs to /api/ingest/{name}). */
  kind: Generated<string>;
  push_token: string | null;
  last_error_at: string | null;
  /** SHA-256 of the last body ingested (see fetch/body-hash.ts). */
  body_hash: string | null;
  items_per_day: number | null;
  median_gap_seconds: number | null;
  last_item_at: string | null;
  /** The interval learned from the source's rhythm (jobs/next-poll.ts). */
  poll_interval_seconds: number | null;
  /** What the source's items become (0015): wire, staff, opinion, blog or interview. */
  story_kind: Generated<string>;
}

export interface JobLeasesTable {
  name: string;
  owner: string | null;
  expires_at: string | null;
  last_run_at: string | null;
}

export interface StoriesTable {
  id: Generated<number>;
  identity: string;
  kind: string;
  status: string;
  source_id: number | null;
  headline: string;
  summary: string;
  body_html: string;
  /** Plain text of body_html, what search indexes; the repository fills it. */
  body_text: Generated<string>;
  slug: string;
  sector: string;
  agency: string | null;
  dateline_city: string | null;
  author: string | null;
  link: string | null;
  image_url: string | null;
  image_caption: string | null;
  language: string | null;
  /** JSON array of strings. */
  categories: string;
  created_at: string;
  updated_at: string;
  ingested_at: string;
  content_hash: string;
  version: number | null;
  corrected_at: string | null;
  embargo_until: string | null;
  /** slugifyName(author), for /author/{slug}; the repository fills it (0015). */
  author_slug: Generated<string | null>;
  /** The lead story's id when this one reports the same event as it (ingest/dedupe); NULL otherwise. */
  cluster_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface StoryAuditTable {
  id: Generated<number>;
  story_id: number;
  /** killed, withheld, restored, corrected, embargo-released, kind-changed. */
  action: string;
  detail: string;
  at: string;
}

export interface StoryViewsTable {
  story_id: number;
  /** Hour bucket, `YYYY-MM-DDTHH`. */
  hour: string;
  views: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface WebsubSubscriptionsTable {
  id: Generated<number>;
  source_id: number;
  hub: string;
  topic: string;
  callback_token: string;
  /** HMAC key for X-Hub-Signature: a credential, never logged or shown. */
  secret: string;
  /** 'pending' (asked, not verified), 'active' (verified) or 'denied' (the hub refused). */
  state: string;
  lease_seconds: number | null;
  expires_at: string | null;
  /** When the next subscribe request (first try again, or renewal) is due. */
  renew_at: string;
  requested_at: string | null;
  verified_at: string | null;
  last_error: string | null;
}

export interface StoryKeysTable {
  /** `link:…`, `body:…` (exact duplicates) or `id:…` (an identity merged into the story). */
  key: string;
  story_id: number;
}

export interface StorySignaturesTable {
  story_id: number;
  /** The headline and lead's shingle hashes, sorted, base64 (ingest/dedupe/minhash.ts). */
  shingles: string;
  /** The headline's capitalised words' hashes, sorted, base64. */
  names: string;
  /** The story's created time, ISO. */
  at: string;
}

export interface StoryBandsTable {
  band: number;
  /** Hours since the epoch of the story's created time. */
  hour: number;
  story_id: number;
}

export interface Database {
  sources: SourcesTable;
  stories: StoriesTable;
  story_views: StoryViewsTable;
  story_keys: StoryKeysTable;
  story_signatures: StorySignaturesTable;
  story_bands: StoryBandsTable;
  settings: SettingsTable;
  job_leases: JobLeasesTable;
  story_audit: StoryAuditTable;
  rate_limits: RateLimitsTable;
  view_readers: ViewReadersTable;
  view_salts: ViewSaltsTable;
  websub_subscriptions: WebsubSubscriptionsTable;
  story_countries: StoryCountriesTable;
  story_tags: StoryTagsTable;
  sector_labels: SectorLabelsTable;
  roundups: RoundupsTable;
  roundup_items: RoundupItemsTable;
  change_notes: ChangeNotesTable;
  editors: EditorsTable;
  desk_sessions: DeskSessionsTable;
}

export interface EditorsTable {
  id: Generated<number>;
  name: string;
  /** Hex SHA-256 of the editor's sign-in token; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: string;
}

export interface DeskSessionsTable {
  /** Hex SHA-256 of the session cookie's value. */
  id_hash: string;
  editor_id: number;
  created_at: string;
  expires_at: string;
}

export interface ChangeNotesTable {
  id: Generated<number>;
  /** A change event as JSON: `{"storyIds":[…],"keys":[…]}` (see jobs/change-bus.ts). */
  event: string;
  at: string;
}

export interface ViewReadersTable {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Hex hash of (the day's salt, address, user agent, story id): nothing personal kept. */
  reader_key: string;
  story_id: number;
}

export interface ViewSaltsTable {
  day: string;
  salt: string;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  /** Epoch milliseconds; PostgreSQL's bigint comes back as a string. */
  resets_at: ColumnType<number | string, number, number>;
}

export type SourceRow = Selectable<SourcesTable>;
export type StoryRow = Selectable<StoriesTable>;
export type NewStoryRow = Insertable<StoriesTable>;
export type StoryUpdate = Updateable<StoriesTable>;

export interface StoryCountriesTable {
  story_id: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** 0 = the story's first country (its region tag). */
  position: number;
  /** The story's created_at (never changes after its first version), for newest-first reads by country. */
  created_at: string;
}

export interface StoryTagsTable {
  story_id: number;
  slug: string;
  name: string;
  /** person, organization, place or subject. */
  kind: string;
  position: number;
  /** The story's created_at (never changes after its first version), for newest-first reads by tag. */
  created_at: string;
}

export interface SectorLabelsTable {
  id: Generated<number>;
  story_id: number;
  sector: string;
  /** Who corrected it: an editor's name, or `import` for a bulk load. */
  labelled_by: string;
  labelled_at: string;
}

/** Which topic a roundup story was made for (migration 0016). */
export interface RoundupsTable {
  story_id: number;
  /** The topic's slug. */
  topic: string;
  created_at: string;
}

/** A brief bundled into a roundup: story_id is unique, so never in two. */
export interface RoundupItemsTable {
  story_id: number;
  roundup_id: number;
  position: number;
  /** 1 once the brief was killed or withheld and taken out of the roundup. */
  dropped: Generated<number>;
}
