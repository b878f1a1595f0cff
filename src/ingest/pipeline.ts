// One input's run through the stages: fetch -> parse -> normalize -> dedupe ->
// classify -> publish. Each stage returns values; this file only sequences them
// and turns failures into the run's summary. One bad item never sinks its feed.
import type { Store } from '../store/store.ts';
import type { Sector } from '../domain/site.ts';
import type { IngestSummary } from '../domain/source.ts';
import type { ParsedFeed } from '../domain/wire-item.ts';
import type { AssignableKind } from '../domain/story.ts';
import { fetchInput, type FetchOutcome, type Validators } from './fetch/index.ts';
import type { HttpFetchOptions } from './fetch/http-fetch.ts';
import { parseFeed } from './parse/index.ts';
import { normalizeItem } from './normalize/index.ts';
import { dedupeBatch } from './dedupe/dedupe-batch.ts';
import { classifySector } from './classify/index.ts';
import { classifyGeo } from './classify/story-geo.ts';
import { isLeadWholeBody, storyLead } from './classify/sector-model.ts';
import { loadTagger } from './classify/tags.ts';
import { sectorModelFromLabels } from './sector-model-store.ts';
import { publishDrafts, type ClassifiedDraft, type PublishedItem, type AnnounceWithin } from './publish/publish-drafts.ts';

export interface IngestContext {
  readonly store: Store;
  readonly sectors: readonly Sector[];
  readonly now: () => Date;
  readonly sourceId?: number;
  /** Agency the source declares (credited when an item names none). */
  readonly agency?: string;
  /** What the items become (the source's story kind); wire when absent. */
  readonly kind?: AssignableKind;
  readonly validators?: Validators;
  /** Timeout and size cap for HTTP inputs (defaults: 30 s, 20 MB). */
  readonly fetchOptions?: HttpFetchOptions;
  /** Called with what changed, so caches can be invalidated. */
  readonly onPublished?: (items: readonly PublishedItem[]) => void;
  /** Told what changed inside each publish transaction (other nodes' caches); onPublished follows the commit. */
  readonly announceWithin?: AnnounceWithin;
  /**
   * Tag people and organisations with compromise (about 8 ms a story, so off by default:
   * tags are then the story's countries and the feed's subject categories).
   */
  readonly namedEntities?: boolean;
  /** Duplicates and clusters (default on); false only to measure the stage. */
  readonly dedupe?: boolean;
  /** Progress for long runs: items done so far of total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface IngestRun extends IngestSummary {
  readonly fetch: FetchOutcome['kind'];
  /** The server's Retry-After (429/503), for the scheduler's next poll. */
  readonly retryAfterSeconds?: number;
  readonly etag?: string;
  readonly lastModified?: string;
  /** Hash of the body ingested, for the next poll's same-body check. */
  readonly bodyHash?: string;
  /** The server's freshness lifetime (Cache-Control max-age / Expires), for the next poll. */
  readonly freshForSeconds?: number;
  /** The feed's WebSub hubs and the topic to subscribe to (its rel="self", else the URL fetched). */
  readonly websub?: { readonly hubs: readonly string[]; readonly topic: string };
}

const BATCH = 500;

function failedRun(input: string, error: string): IngestRun {
  return { input, new: 0, updated: 0, unchanged: 0, rejected: 0, error, reasons: [], fetch: 'failed' };
}

export async function ingestInput(input: string, ctx: IngestContext): Promise<IngestRun> {
  const fetched = await fetchInput(input, ctx.validators, ctx.fetchOptions);
  if (fetched.kind === 'failed') {
    const run = failedRun(input, fetched.error);
    return fetched.retryAfterSeconds === undefined ? run : { ...run, retryAfterSeconds: fetched.retryAfterSeconds };
  }
  if (fetched.kind === 'not-modified') {
    const fresh = fetched.freshForSeconds === undefined ? {} : { freshForSeconds: fetched.freshForSeconds };
    return { input, new: 0, updated: 0, unchanged: 0, rejected: 0, reasons: [], fetch: 'not-modified', ...fresh };
  }
  const parsed = parseFeed(fetched.bytes, fetched.contentType ? { contentType: fetched.contentType } : {});
  if (parsed.kind === 'failed') return failedRun(input, parsed.error);
  const summary = await ingestFeed(input, parsed.feed, ctx);
  return {
    ...summary,
    fetch: 'ok',
    bodyHash: fetched.bodyHash,
    ...(fetched.freshForSeconds === undefined ? {} : { freshForSeconds: fetched.freshForSeconds }),
    ...(fetched.etag ? { etag: fetched.etag } : {}),
    ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
    ...(parsed.feed.websub ? { websub: { hubs: parsed.feed.websub.hubs, topic: parsed.feed.websub.self ?? fetched.location } } : {}),
  };
}

export interface IngestFeedResult extends IngestSummary {
  /** What happened to each accepted item (rejected ones are in `reasons`). */
  readonly items: readonly PublishedItem[];
}

/** Pushed bytes (POST /api/ingest/{source}): parse, then the same stages as a poll. */
export async function ingestBytes(input: string, bytes: Uint8Array, contentType: string | undefined, ctx: IngestContext): Promise<IngestFeedResult> {
  const parsed = parseFeed(bytes, contentType ? { contentType } : {});
  if (parsed.kind === 'failed') return { input, new: 0, updated: 0, unchanged: 0, rejected: 0, error: parsed.error, reasons: [], items: [] };
  return ingestFeed(input, parsed.feed, ctx);
}

/** The stages after parsing. */
export async function ingestFeed(input: string, feed: ParsedFeed, ctx: IngestContext): Promise<IngestFeedResult> {
  const reasons = feed.rejected.map((r) => `item ${r.index}: ${r.reason}`);
  const counts = { new: 0, updated: 0, unchanged: 0, rejected: feed.rejected.length };
  const total = feed.items.length;
  const items: PublishedItem[] = [];
  const tagger = ctx.namedEntities ? await loadTagger() : undefined;
  // Learned from the editors' sector corrections so far; the seed model when there are none.
  const model = await sectorModelFromLabels(ctx.store.db, ctx.sectors);
  for (let start = 0; start < total; start += BATCH) {
    const now = ctx.now();
    const classified: ClassifiedDraft[] = [];
    feed.items.slice(start, start + BATCH).forEach((item, i) => {
      const outcome = normalizeItem(item, {
        now,
        ...(ctx.agency ? { agency: ctx.agency } : {}),
        ...(feed.link ? { feedLink: feed.link } : {}),
      });
      if (outcome.kind === 'rejected') {
        counts.rejected++;
        reasons.push(`item ${start + i}: ${outcome.reason}`);
        return;
      }
      // The body's lead as text once, for the sector and (on publish) the countries.
      const leadText = storyLead(outcome.draft.bodyHtml);
      const sector = classifySector({ ...outcome.draft, subjects: item.subjects, leadText }, ctx.sectors, model ? { model } : {});
      const draft = outcome.draft;
      // A body no longer than the lead: its text is also what search indexes (publish stores it).
      const bodyText = isLeadWholeBody(draft.bodyHtml) ? { bodyText: leadText } : {};
      classified.push({ draft, sector, geo: () => classifyGeo(draft, tagger, leadText), ...bodyText });
    });
    const { kept, dropped } = dedupeBatch(classified);
    counts.unchanged += dropped;
    const published = await publishDrafts(ctx.store.db, kept, { sourceId: ctx.sourceId ?? null, kind: ctx.kind ?? 'wire', now, ...(ctx.dedupe === false ? { dedupe: false } : {}), ...(ctx.announceWithin ? { announceWithin: ctx.announceWithin } : {}) });
    for (const p of published) counts[p.outcome]++;
    items.push(...published);
    const changed = published.filter((p) => p.outcome !== 'unchanged');
    if (changed.length > 0) ctx.onPublished?.(changed);
    ctx.onProgress?.(Math.min(start + BATCH, total), total);
  }
  return { input, ...counts, reasons, items };
}
