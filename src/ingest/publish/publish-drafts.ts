import type { Kysely, Transaction } from 'kysely';
import type { Database, NewStoryRow } from '../../store/schema.ts';
import type { StoryDraft, StoryKind, StoryStatus } from '../../domain/story.ts';
import type { IngestOutcome } from '../../domain/source.ts';
import { findStoryStates, insertStories, updateStory, type StoryState } from '../../store/story-repository.ts';
import { findMatchStates, findStoryKeys, handOverCluster, insertSignatures, insertStoryKeys, lockDedupe, setClusters } from '../../store/cluster-repository.ts';
import { loadMatcher, noMatcher, type DraftMatch, type Matcher, type MatchTarget } from './match-drafts.ts';
import { encodeHashes } from '../dedupe/minhash.ts';
import { insertAudits, type NewAuditRow } from '../../store/audit-repository.ts';
import { decideVersion } from './decide-version.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import { insertStoryGeos, replaceStoryGeo, type StoryGeo } from '../../store/geo-repository.ts';

export interface ClassifiedDraft {
  readonly draft: StoryDraft;
  readonly sector: string;
  /**
   * Countries and tags, replaced with each version that changes the text. A function:
   * tagging costs milliseconds a story, so it runs only for new and changed versions,
   * never for the unchanged re-sends that make up most of a poll.
   */
  readonly geo?: () => StoryGeo;
  /** The body's plain text, when the caller has it already (the store derives it otherwise). */
  readonly bodyText?: string;
}

export interface PublishContext {
  readonly sourceId: number | null;
  readonly kind: StoryKind;
  readonly now: Date;
  /**
   * Duplicates and clusters (ingest/dedupe), on unless false: off only to measure
   * the stage (bench) — without it a changed-guid re-send is a second story.
   */
  readonly dedupe?: boolean;
  /** Told what changed inside the publish transaction (see `AnnounceWithin`). */
  readonly announceWithin?: AnnounceWithin;
}

/**
 * Tells the other nodes of a publish inside its transaction, so the news commits with the
 * stories: a PostgreSQL NOTIFY is delivered on commit and dropped on rollback, a change
 * note is a row. Told after the commit instead, a process killed between the two leaves
 * the stories published but their pages cached elsewhere until expiry.
 */
export type AnnounceWithin = (trx: Kysely<Database>, changed: readonly PublishedItem[]) => Promise<void>;

export interface PublishedItem {
  readonly identity: string;
  readonly outcome: Exclude<IngestOutcome, 'rejected'>;
  readonly storyId: number;
  /** Where the story stands after this version (published, killed, withheld, embargoed). */
  readonly status: StoryStatus;
}

function toRow(d: StoryDraft, sector: string, status: StoryStatus, ctx: PublishContext, bodyText: string | undefined): NewStoryRow {
  return {
    ...(bodyText === undefined ? {} : { body_text: bodyText }),
    identity: d.identity,
    kind: ctx.kind,
    status,
    source_id: ctx.sourceId,
    headline: d.headline,
    summary: d.summary,
    body_html: d.bodyHtml,
    slug: d.slug,
    sector,
    agency: d.agency ?? null,
    dateline_city: d.datelineCity ?? null,
    author: d.author ?? null,
    link: d.link ?? null,
    image_url: d.imageUrl ?? null,
    image_caption: d.imageCaption ?? null,
    language: d.language ?? null,
    categories: JSON.stringify(d.categories),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    ingested_at: ctx.now.toISOString(),
    content_hash: d.contentHash,
    version: d.version ?? null,
    corrected_at: d.isCorrection ? ctx.now.toISOString() : null,
    embargo_until: d.embargoUntil ?? null,
  };
}

/** What the audit trail says about a status change, if it is one worth recording. */
function auditAction(from: StoryStatus, to: StoryStatus): string | undefined {
  if (to === from) return undefined;
  if (to === 'killed' || to === 'withheld') return to;
  if (from === 'withheld' || from === 'killed') return 'restored';
  return undefined;
}

const PUBLISH_ATTEMPTS = 5;

/**
 * Writes one batch in one transaction: new identities are inserted, changed ones
 * updated in place (keeping their id, URL and created time), the rest left alone.
 */
export async function publishDrafts(db: Kysely<Database>, batch: readonly ClassifiedDraft[], ctx: PublishContext): Promise<PublishedItem[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await publishOnce(db, batch, ctx);
    } catch (err) {
      // Another node inserted one of these identities between our lookup and insert;
      // the retry's lookup sees its row, so the story is stored exactly once. When
      // several nodes carry the same items (an agency's "top" feed and its topic
      // feeds), another can land during the retry too: each failure means one more
      // of the batch is now stored, so a few attempts settle it.
      if (!isUniqueViolation(err) || attempt >= PUBLISH_ATTEMPTS) throw err;
    }
  }
}

// One new story of the batch, until it is inserted: what it is, what it joins.
interface Fresh {
  row: NewStoryRow;
  readonly keys: readonly string[];
  readonly shingles: string;
  readonly names: string;
  readonly draft: StoryDraft;
  /** The event it reports (another story), if any. */
  readonly cluster?: MatchTarget;
  /** Identities merged into it (copies later in the batch), with their keys. */
  readonly merged: { identity: string; keys: readonly string[] }[];
}

async function publishOnce(db: Kysely<Database>, batch: readonly ClassifiedDraft[], ctx: PublishContext): Promise<PublishedItem[]> {
  return db.transaction().execute(async (trx) => {
    const dedupe = ctx.dedupe !== false;
    if (dedupe) await lockDedupe(trx);
    const states = await findStoryStates(trx, batch.map((b) => b.draft.identity));
    const unknown = dedupe ? batch.map((b) => b.draft).filter((d) => !states.has(d.identity)) : [];
    // Identities merged into another story before (a copy under another guid).
    const aliasIds = await findStoryKeys(trx, unknown.map((d) => `id:${d.identity}`));
    const aliasStates = await findMatchStates(trx, [...aliasIds.values()]);
    const matcher = dedupe ? await loadMatcher(trx, unknown.filter((d) => !aliasIds.has(`id:${d.identity}`)), ctx.sourceId) : noMatcher;
    const results: PublishedItem[] = [];
    const fresh: Fresh[] = [];
    const aliasKeys: { key: string; story_id: number }[] = [];
    const audits: NewAuditRow[] = [];
    const geos = new Map<string, () => StoryGeo>();
    const at = ctx.now.toISOString();
    for (const { draft, sector, geo, bodyText } of batch) {
      if (geo) geos.set(draft.identity, geo);
      let existing: StoryState | undefined = states.get(draft.identity);
      let cluster: MatchTarget | undefined;
      let mergedFrom = false;
      if (!existing) {
        const aliasId = aliasIds.get(`id:${draft.identity}`);
        const match: DraftMatch = aliasId !== undefined ? { kind: 'none' } : matcher.match(draft);
        const target = aliasId !== undefined ? aliasStates.get(aliasId) : match.kind === 'same-story' && match.target.kind === 'stored' ? match.target.state : undefined;
        if (match.kind === 'same-story' && match.target.kind === 'pending') {
          mergeIntoFresh(fresh[match.target.index]!, { draft, sector, geo, bodyText }, geos, matcher.fingerprint(draft).keys, ctx);
          continue;
        }
        if (target) {
          // Another identity's version numbers say nothing about this one's: times decide.
          existing = { ...target, version: null };
          mergedFrom = true;
          if (aliasId === undefined) for (const key of [`id:${draft.identity}`, ...matcher.fingerprint(draft).keys]) aliasKeys.push({ key, story_id: target.id });
        } else if (match.kind === 'same-event' && isShown(match.target)) {
          cluster = match.target;
        }
      }
      const decision = mergedFrom && existing && draft.updatedAt <= existing.updatedAt ? ({ kind: 'unchanged' } as const) : decideVersion(existing, draft, ctx.now);
      if (decision.kind === 'new') {
        const f = matcher.fingerprint(draft);
        matcher.addPending(fresh.length, draft);
        fresh.push({ row: toRow(draft, sector, decision.status, ctx, bodyText), keys: f.keys, shingles: encodeHashes(f.shingles), names: encodeHashes(f.names), draft, ...(cluster ? { cluster } : {}), merged: [] });
      } else if (decision.kind === 'updated' && existing) {
        const takenDown = decision.status === 'killed' || decision.status === 'withheld';
        const versionOnly = { status: decision.status, version: draft.version ?? existing.version, updated_at: decision.updatedAt };
        if (takenDown) {
          // A take-down keeps the last good copy for the audit; only its standing changes.
          await updateStory(trx, existing.id, versionOnly);
          if (dedupe) await handOverCluster(trx, existing.id);
        } else {
          const { created_at: _created, identity: _identity, kind: _kind, corrected_at, ...patch } = toRow(draft, sector, decision.status, ctx, bodyText);
          await updateStory(trx, existing.id, { ...patch, ...versionOnly, ...(corrected_at ? { corrected_at } : {}) });
          if (geo) await replaceStoryGeo(trx, existing.id, geo());
          if (draft.isCorrection) audits.push({ story_id: existing.id, action: 'corrected', detail: versionDetail(draft), at });
        }
        const action = auditAction(existing.status, decision.status);
        if (action) audits.push({ story_id: existing.id, action, detail: versionDetail(draft), at });
        results.push({ identity: draft.identity, outcome: 'updated', storyId: existing.id, status: decision.status });
      } else if (existing) {
        results.push({ identity: draft.identity, outcome: 'unchanged', storyId: existing.id, status: existing.status });
      }
    }
    const inserted = await insertStories(trx, fresh.map((f) => f.row));
    const ids = dedupe ? await recordFresh(trx, fresh, inserted, matcher) : [];
    for (const { id, identity, status } of inserted) {
      results.push({ identity, outcome: 'new', storyId: id, status: status as StoryStatus });
      if (status === 'killed' || status === 'withheld') audits.push({ story_id: id, action: status, detail: 'first version received already withdrawn', at });
    }
    for (const [i, f] of fresh.entries()) {
      for (const m of f.merged) results.push({ identity: m.identity, outcome: 'unchanged', storyId: ids[i]!, status: f.row.status as StoryStatus });
    }
    await insertStoryKeys(trx, aliasKeys, true);
    const createdAt = new Map(fresh.map((f) => [f.row.identity, f.row.created_at]));
    await insertStoryGeos(trx, inserted.flatMap(({ id, identity }) => {
      const geo = geos.get(identity);
      return geo ? [{ storyId: id, createdAt: createdAt.get(identity), geo: geo() }] : [];
    }));
    await insertAudits(trx, audits);
    const changed = results.filter((r) => r.outcome !== 'unchanged');
    if (ctx.announceWithin && changed.length > 0) await ctx.announceWithin(trx, changed);
    return results;
  });
}

/** Only a story readers can see leads an event (a killed lead would hide its reports). */
function isShown(target: MatchTarget): boolean {
  return target.kind === 'pending' || target.state.status === 'published' || target.state.status === 'embargoed';
}

/** A later copy of a story new in this batch: one story, with the newer copy's text. */
function mergeIntoFresh(target: Fresh, { draft, sector, geo, bodyText }: ClassifiedDraft, geos: Map<string, () => StoryGeo>, keys: readonly string[], ctx: PublishContext): void {
  target.merged.push({ identity: draft.identity, keys });
  if (draft.updatedAt <= target.row.updated_at) return;
  const { identity, created_at } = target.row;
  target.row = { ...toRow(draft, sector, target.row.status as StoryStatus, ctx, bodyText), identity, created_at };
  if (geo) geos.set(identity, geo);
}

/** Keys, signatures, bands and clusters of the stories just inserted; their ids in `fresh` order. */
async function recordFresh(trx: Transaction<Database>, fresh: readonly Fresh[], inserted: readonly { id: number; identity: string }[], matcher: Matcher): Promise<number[]> {
  const idOf = new Map(inserted.map((r) => [r.identity, r.id]));
  const ids = fresh.map((f) => idOf.get(f.row.identity)!);
  const leads: number[] = [];
  for (const [i, f] of fresh.entries()) {
    const target = f.cluster;
    leads.push(target === undefined ? ids[i]! : target.kind === 'stored' ? (target.state.clusterId ?? target.state.id) : leads[target.index]!);
  }
  // Keys of new stories are unique in the store: a copy another node stored meanwhile
  // makes this fail, and the retry (publishDrafts) merges into it instead.
  await insertStoryKeys(trx, fresh.flatMap((f, i) => f.keys.map((key) => ({ key, story_id: ids[i]! }))));
  await insertStoryKeys(trx, fresh.flatMap((f, i) => f.merged.flatMap((m) => [`id:${m.identity}`, ...m.keys].map((key) => ({ key, story_id: ids[i]! })))), true);
  await insertSignatures(trx, fresh.map((f, i) => ({ storyId: ids[i]!, shingles: f.shingles, names: f.names, at: f.row.created_at, bands: matcher.bandsToStore(f.draft) })));
  await setClusters(trx, ids.map((id, i) => [id, leads[i]!] as const));
  return ids;
}

function versionDetail(draft: StoryDraft): string {
  return `agency ${draft.pubStatus}${draft.version === undefined ? '' : ` version ${draft.version}`}`;
}
