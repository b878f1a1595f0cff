// One topic's roundup run: claim the topic's job lease (one node runs it), bundle the
// briefs that arrived since and are in no roundup yet, publish the roundup like any
// story (onPublished: caches, purges, other nodes, WebSub), record the run.
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import type { SiteSettings } from '../domain/site.ts';
import type { RoundupTopic } from '../domain/roundup.ts';
import type { PublishedItem } from '../ingest/publish/publish-drafts.ts';
import type { NewStoryRow } from '../store/schema.ts';
import { claimJob, finishJob, findJob } from '../store/job-lease-repository.ts';
import { findRoundupBriefs, insertRoundup, type BriefRow } from '../store/roundup-repository.ts';
import { isUniqueViolation } from '../store/errors.ts';
import { composeRoundup } from './compose.ts';
import { isRoundupDue } from './schedule.ts';

export interface RoundupDeps {
  readonly store: Store;
  readonly site: SiteSettings;
  readonly logger: Pick<Logger, 'info' | 'error' | 'warn'>;
  /** This node's lease owner id (jobs/node-id.ts). */
  readonly owner: string;
  /** The absolute URL of a brief's full story, printed in the roundup's body. */
  readonly articleUrl: (brief: Pick<BriefRow, 'id' | 'sector' | 'slug'>) => string;
  readonly onPublished: (items: readonly PublishedItem[]) => void;
  readonly now?: () => Date;
  readonly leaseSeconds?: number;
}

export type RoundupRun =
  | { readonly kind: 'published'; readonly topic: string; readonly storyId: number; readonly briefIds: readonly number[]; readonly headline: string }
  | { readonly kind: 'skipped'; readonly topic: string; readonly briefs: number; readonly minBriefs: number }
  | { readonly kind: 'not-due'; readonly topic: string }
  /** Another node holds the topic's lease, or ran it since this node looked. */
  | { readonly kind: 'busy'; readonly topic: string }
  /** Another roundup took some of the briefs meanwhile, twice over; tried again next time. */
  | { readonly kind: 'conflict'; readonly topic: string };

export const ROUNDUP_LEASE_SECONDS = 120;
const ATTEMPTS = 2;

export function roundupJobName(topic: Pick<RoundupTopic, 'slug'>): string {
  return `roundup:${topic.slug}`;
}

/** Runs the topic's roundup when due (or now, with `force`), on whichever node claims it. */
export async function runRoundupTopic(deps: RoundupDeps, topic: RoundupTopic, opts: { readonly force?: boolean } = {}): Promise<RoundupRun> {
  const now = (deps.now ?? (() => new Date()))();
  const name = roundupJobName(topic);
  const job = await findJob(deps.store.db, name);
  const lastRunAt = job?.lastRunAt ?? null;
  if (!opts.force && !isRoundupDue(topic.schedule, lastRunAt ? new Date(lastRunAt) : undefined, now, deps.site.timeZone)) return { kind: 'not-due', topic: topic.slug };
  const claimed = await claimJob(deps.store.db, {
    name,
    owner: deps.owner,
    now,
    leaseSeconds: deps.leaseSeconds ?? ROUNDUP_LEASE_SECONDS,
    // Unless forced, only the run this node judged due: a node that ran it meanwhile wins.
    ...(opts.force ? {} : { lastRunAt }),
  });
  if (!claimed) return { kind: 'busy', topic: topic.slug };
  let run: RoundupRun | undefined;
  try {
    run = await bundle(deps, topic, now);
    return run;
  } finally {
    // A conflict or a failure leaves the run unrecorded, so the next tick tries again.
    const ran = run !== undefined && run.kind !== 'conflict';
    await finishJob(deps.store.db, name, deps.owner, ran ? now : undefined);
  }
}

async function bundle(deps: RoundupDeps, topic: RoundupTopic, now: Date): Promise<RoundupRun> {
  const since = new Date(now.getTime() - topic.maxAgeSeconds * 1000);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const briefs = await findRoundupBriefs(deps.store.db, topic, since, topic.maxBriefs);
    if (briefs.length < topic.minBriefs) {
      deps.logger.info({ event: 'roundup_skipped', topic: topic.slug, briefs: briefs.length, min_briefs: topic.minBriefs }, 'roundup skipped: too little news');
      return { kind: 'skipped', topic: topic.slug, briefs: briefs.length, minBriefs: topic.minBriefs };
    }
    const composed = composeRoundup(topic, briefs.map((b) => ({ ...b, path: deps.articleUrl(b) })), (url) => url);
    const at = now.toISOString();
    // Briefs are never shared, so the first one tells two roundups of the same instant apart.
    const identity = `roundup:${topic.slug}:${at}:${briefs[0]?.id ?? 0}`;
    const story: NewStoryRow = {
      identity,
      kind: 'roundup',
      status: 'published',
      source_id: null,
      headline: composed.headline,
      summary: composed.summary,
      body_html: composed.bodyHtml,
      slug: composed.slug,
      sector: topic.sector,
      agency: null,
      dateline_city: null,
      author: null,
      link: null,
      image_url: null,
      image_caption: null,
      language: deps.site.language,
      categories: JSON.stringify([topic.name]),
      created_at: at,
      updated_at: at,
      ingested_at: at,
      content_hash: composed.contentHash,
      version: null,
      corrected_at: null,
      embargo_until: null,
    };
    const briefIds = briefs.map((b) => b.id);
    try {
      const storyId = await insertRoundup(deps.store.db, { story, topic: topic.slug, briefIds });
      deps.logger.info({ event: 'roundup_published', topic: topic.slug, story_id: storyId, briefs: briefIds.length }, 'roundup published');
      deps.onPublished([{ identity, outcome: 'new', storyId, status: 'published' }]);
      return { kind: 'published', topic: topic.slug, storyId, briefIds, headline: composed.headline };
    } catch (err) {
      // Another roundup took one of these briefs between our read and our insert: read again.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  deps.logger.warn({ event: 'roundup_conflict', topic: topic.slug }, 'roundup not made: its briefs were taken by another roundup meanwhile');
  return { kind: 'conflict', topic: topic.slug };
}

/** Every due topic, one after another; one failing topic never stops the others. */
export async function runDueRoundups(deps: RoundupDeps, topics: readonly RoundupTopic[]): Promise<RoundupRun[]> {
  const runs: RoundupRun[] = [];
  for (const topic of topics) {
    try {
      runs.push(await runRoundupTopic(deps, topic));
    } catch (err) {
      deps.logger.error({ event: 'roundup_failed', topic: topic.slug, err }, 'roundup failed');
    }
  }
  return runs;
}
