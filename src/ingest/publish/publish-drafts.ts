import type { Kysely } from 'kysely';
import type { Database, NewStoryRow } from '../../store/schema.ts';
import type { StoryDraft, StoryKind, StoryStatus } from '../../domain/story.ts';
import type { IngestOutcome } from '../../domain/source.ts';
import { findStoryStates, insertStories, updateStory } from '../../store/story-repository.ts';
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
}

export interface PublishContext {
  readonly sourceId: number | null;
  readonly kind: StoryKind;
  readonly now: Date;
}

export interface PublishedItem {
  readonly identity: string;
  readonly outcome: Exclude<IngestOutcome, 'rejected'>;
  readonly storyId: number;
  /** Where the story stands after this version (published, killed, withheld, embargoed). */
  readonly status: StoryStatus;
}

function toRow(d: StoryDraft, sector: string, status: StoryStatus, ctx: PublishContext): NewStoryRow {
  return {
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

async function publishOnce(db: Kysely<Database>, batch: readonly ClassifiedDraft[], ctx: PublishContext): Promise<PublishedItem[]> {
  return db.transaction().execute(async (trx) => {
    const states = await findStoryStates(trx, batch.map((b) => b.draft.identity));
    const results: PublishedItem[] = [];
    const fresh: NewStoryRow[] = [];
    const audits: NewAuditRow[] = [];
    const geos = new Map<string, () => StoryGeo>();
    const at = ctx.now.toISOString();
    for (const { draft, sector, geo } of batch) {
      if (geo) geos.set(draft.identity, geo);
      const existing = states.get(draft.identity);
      const decision = decideVersion(existing, draft, ctx.now);
      if (decision.kind === 'new') {
        fresh.push(toRow(draft, sector, decision.status, ctx));
      } else if (decision.kind === 'updated' && existing) {
        const takenDown = decision.status === 'killed' || decision.status === 'withheld';
        const versionOnly = { status: decision.status, version: draft.version ?? existing.version, updated_at: decision.updatedAt };
        if (takenDown) {
          // A take-down keeps the last good copy for the audit; only its standing changes.
          await updateStory(trx, existing.id, versionOnly);
        } else {
          const { created_at: _created, identity: _identity, kind: _kind, corrected_at, ...patch } = toRow(draft, sector, decision.status, ctx);
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
    const freshGeos: { storyId: number; geo: StoryGeo }[] = [];
    for (const { id, identity, status } of await insertStories(trx, fresh)) {
      results.push({ identity, outcome: 'new', storyId: id, status: status as StoryStatus });
      const geo = geos.get(identity);
      if (geo) freshGeos.push({ storyId: id, geo: geo() });
      if (status === 'killed' || status === 'withheld') audits.push({ story_id: id, action: status, detail: 'first version received already withdrawn', at });
    }
    await insertStoryGeos(trx, freshGeos);
    await insertAudits(trx, audits);
    return results;
  });
}

function versionDetail(draft: StoryDraft): string {
  return `agency ${draft.pubStatus}${draft.version === undefined ? '' : ` version ${draft.version}`}`;
}
