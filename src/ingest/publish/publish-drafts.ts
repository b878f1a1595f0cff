import type { Kysely } from 'kysely';
import type { Database, NewStoryRow } from '../../store/schema.ts';
import type { StoryDraft, StoryKind } from '../../domain/story.ts';
import type { IngestOutcome } from '../../domain/source.ts';
import { findStoryStates, insertStories, updateStory } from '../../store/story-repository.ts';
import { decideVersion } from './decide-version.ts';
import { isUniqueViolation } from '../../store/errors.ts';

export interface ClassifiedDraft {
  readonly draft: StoryDraft;
  readonly sector: string;
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
}

function toRow(d: StoryDraft, sector: string, ctx: PublishContext): NewStoryRow {
  return {
    identity: d.identity,
    kind: ctx.kind,
    status: 'published',
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
  };
}

/**
 * Writes one batch in one transaction: new identities are inserted, changed ones
 * updated in place (keeping their id, URL and created time), the rest left alone.
 */
export async function publishDrafts(db: Kysely<Database>, batch: readonly ClassifiedDraft[], ctx: PublishContext): Promise<PublishedItem[]> {
  try {
    return await publishOnce(db, batch, ctx);
  } catch (err) {
    // Another node inserted one of these identities between our lookup and insert;
    // the retry's lookup sees its row, so the story is stored exactly once.
    if (isUniqueViolation(err)) return publishOnce(db, batch, ctx);
    throw err;
  }
}

async function publishOnce(db: Kysely<Database>, batch: readonly ClassifiedDraft[], ctx: PublishContext): Promise<PublishedItem[]> {
  return db.transaction().execute(async (trx) => {
    const states = await findStoryStates(trx, batch.map((b) => b.draft.identity));
    const results: PublishedItem[] = [];
    const fresh: NewStoryRow[] = [];
    for (const { draft, sector } of batch) {
      const existing = states.get(draft.identity);
      const decision = decideVersion(existing, draft, ctx.now);
      if (decision.kind === 'new') {
        fresh.push(toRow(draft, sector, ctx));
      } else if (decision.kind === 'updated' && existing) {
        const { created_at: _created, identity: _identity, kind: _kind, ...patch } = toRow(draft, sector, ctx);
        await updateStory(trx, existing.id, { ...patch, updated_at: decision.updatedAt, status: existing.status });
        results.push({ identity: draft.identity, outcome: 'updated', storyId: existing.id });
      } else if (existing) {
        results.push({ identity: draft.identity, outcome: 'unchanged', storyId: existing.id });
      }
    }
    for (const { id, identity } of await insertStories(trx, fresh)) results.push({ identity, outcome: 'new', storyId: id });
    return results;
  });
}
