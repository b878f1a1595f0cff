// The labelled pairs (labelled-pairs.json: corpus file, item index and identity of each
// side, the label and why; no corpus text), loaded from the shared corpus when it is
// present. A pair with no `b` pairs the item with a lightly edited copy made here
// (`note` names the edit): changed-guid re-sends and sub-editors' touches, as wires send
// them. Used by the quality test and `npm run bench -- dedupe`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseFeed } from '../../parse/index.ts';
import { normalizeItem } from '../../normalize/index.ts';
import type { ParsedFeed, WireItem } from '../../../domain/wire-item.ts';
import type { StoryDraft } from '../../../domain/story.ts';
import { CORPUS_DIR } from '../../classify/testdata/labelled-corpus.ts';

export { CORPUS_DIR, corpusPresent } from '../../classify/testdata/labelled-corpus.ts';

const REF = z.object({ file: z.string(), item: z.number().int().nonnegative(), identity: z.string() });
const PAIRS = z.array(z.object({ a: REF, b: REF.nullable(), label: z.enum(['story', 'event', 'different']), note: z.string() }));

export type PairLabel = 'story' | 'event' | 'different';

export interface LabelledPair {
  readonly ref: string;
  readonly a: StoryDraft;
  readonly b: StoryDraft;
  /** The origin of each side: its agency, else its corpus file (one feed, one source). */
  readonly sources: readonly [string, string];
  readonly label: PairLabel;
  readonly note: string;
}

const EDITS = ['resend', 'update', 'retitle', 'correct', 'trim'] as const;

function words(text: string | undefined): string[] {
  return (text ?? '').split(/\s+/).filter((w) => w !== '');
}

/** A lightly edited copy under a new guid and link, as an agency re-sends it. */
export function editItem(item: WireItem, edit: (typeof EDITS)[number]): WireItem {
  const moved = { ...item, guid: `${item.guid ?? item.link ?? item.title}#${edit}`, ...(item.link ? { link: `${item.link}${item.link.includes('?') ? '&' : '?'}v=2` } : {}) };
  const title = item.title ?? '';
  switch (edit) {
    case 'resend':
      return moved;
    case 'update':
      return {
        ...moved,
        title: `UPDATE 1-${title}`,
        ...(item.summary ? { summary: `${item.summary} Officials gave no further details.` } : {}),
        ...(item.bodyHtml ? { bodyHtml: `${item.bodyHtml}<p>Officials gave no further details.</p>` } : {}),
      };
    case 'retitle':
      return { ...moved, title: words(title).slice(0, -1).join(' ') };
    case 'correct': {
      const lead = words(item.summary);
      return { ...moved, title: `CORRECTED-${title}`, ...(item.summary ? { summary: [...lead.slice(0, 4), ...lead.slice(5)].join(' ') } : {}) };
    }
    case 'trim': {
      const lead = words(item.summary);
      return { ...moved, ...(item.summary ? { summary: lead.slice(0, Math.ceil(lead.length * 0.7)).join(' ') } : {}) };
    }
  }
}

export function loadLabelledPairs(dir = CORPUS_DIR): LabelledPair[] {
  const pairs = PAIRS.parse(JSON.parse(readFileSync(new URL('./labelled-pairs.json', import.meta.url), 'utf8')));
  const feeds = new Map<string, ParsedFeed>();
  const now = new Date('2026-11-28T12:00:00Z');
  const itemOf = (ref: z.infer<typeof REF>): WireItem => {
    let feed = feeds.get(ref.file);
    if (!feed) {
      const parsed = parseFeed(readFileSync(join(dir, ref.file)));
      if (parsed.kind === 'failed') throw new Error(`dedupe/quality: ${ref.file}: ${parsed.error}`);
      feed = parsed.feed;
      feeds.set(ref.file, feed);
    }
    const item = feed.items[ref.item];
    if (!item) throw new Error(`dedupe/quality: ${ref.file}#${ref.item} is missing`);
    return item;
  };
  const draftOf = (item: WireItem, where: string): StoryDraft => {
    const outcome = normalizeItem(item, { now });
    if (outcome.kind !== 'ok') throw new Error(`dedupe/quality: ${where}: ${outcome.reason}`);
    return outcome.draft;
  };
  return pairs.map((p) => {
    const itemA = itemOf(p.a);
    const a = draftOf(itemA, p.a.file);
    if (a.identity !== p.a.identity) throw new Error(`dedupe/quality: ${p.a.file}#${p.a.item} is not ${p.a.identity} any more`);
    const edit = EDITS.find((e) => e === p.note);
    let b: StoryDraft;
    if (p.b === null) {
      if (!edit) throw new Error(`dedupe/quality: ${p.a.file}#${p.a.item}: unknown edit ${p.note}`);
      b = draftOf(editItem(itemA, edit), `${p.a.file} (${edit})`);
    } else {
      b = draftOf(itemOf(p.b), p.b.file);
      if (b.identity !== p.b.identity) throw new Error(`dedupe/quality: ${p.b.file}#${p.b.item} is not ${p.b.identity} any more`);
    }
    const name = (f: string) => f.split('/').pop() ?? f;
    const ref = `${name(p.a.file)}#${p.a.item} ~ ${p.b ? `${name(p.b.file)}#${p.b.item}` : p.note}`;
    return { ref, a, b, sources: [p.a.file, p.b?.file ?? p.a.file], label: p.label, note: p.note };
  });
}
