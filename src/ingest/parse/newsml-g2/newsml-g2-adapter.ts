// NewsML-G2 wire structs -> WireItem.
import type { WireImage, WireItem } from '../../../domain/wire-item.ts';
import { agencyFromCode, agencyFromSource } from '../agency-names.ts';
import { parseFeedDate } from '../feed-date.ts';
import { distinctTexts, toPlainText, toPlainTextOrUndefined } from '../feed-text.ts';
import { bylineName } from '../nitf/nitf-text.ts';
import { codeOf, pickRendition, toPubStatus, toSignal, toVersion } from './iptc-codes.ts';
import { readG2Body, type G2Body } from './newsml-g2-body.ts';
import type { G2Concept, G2Item, G2Text } from './newsml-g2-wire.ts';

// Item classes whose own renditions are the item's picture (IPTC ninat, Reuters icls).
const PICTURE_CLASSES: ReadonlySet<string> = new Set(['picture', 'graphic']);

export function isPictureItem(item: G2Item): boolean {
  return item.itemClass !== undefined && PICTURE_CLASSES.has(codeOf(item.itemClass).toLowerCase());
}

export function isTextItem(item: { readonly itemClass?: string }): boolean {
  return item.itemClass !== undefined && codeOf(item.itemClass).toLowerCase() === 'text';
}

/** The picture an item stands for: its own renditions (a picture item, or a video's icon). */
export function ownImage(item: G2Item): WireImage | undefined {
  return pickRendition(item.renditions, toPlainTextOrUndefined(caption(item)?.text ?? mainHeadline(item.headlines)?.text));
}

/** Maps one item; `image` is the picture a package or link gives a text item. */
export function adaptG2Item(item: G2Item, image?: WireImage): WireItem {
  const language = item.language ?? item.contentLanguage;
  const body: G2Body = item.content ? readG2Body(item.content) : {};
  const signals = distinctTexts(item.signals.map(toSignal));
  const subjects = distinctTexts(item.subjects.map((s) => s.qcode ?? s.uri));
  return {
    guid: item.guid?.trim() || undefined,
    title: toPlainText(mainHeadline(item.headlines)?.text ?? item.title ?? body.headline),
    summary: toPlainTextOrUndefined(summary(item)?.text),
    bodyHtml: body.html,
    bodyText: body.text,
    author: bylineName(item.by) ?? namesOf(item.creators, language) ?? body.author,
    published: parseFeedDate(item.firstCreated) ?? parseFeedDate(item.contentCreated) ?? parseFeedDate(item.versionCreated),
    updated: parseFeedDate(item.versionCreated),
    categories: distinctTexts([...item.subjects.map((s) => nameOf(s, language)), ...item.keywords]),
    image: image ?? ownImage(item) ?? body.image,
    agency: agencyOf([item.provider, ...item.infoSources, item.copyrightHolder]),
    dateline: datelineOf(item, language) ?? body.dateline,
    language: toPlainTextOrUndefined(language),
    version: toVersion(item.version),
    pubStatus: toPubStatus(item.pubStatus),
    embargoUntil: parseFeedDate(item.embargoed),
    signals: signals.length > 0 ? signals : undefined,
    subjects: subjects.length > 0 ? subjects : undefined,
  };
}

// The main headline has no role or a main/title role; sub-headlines come after it.
function mainHeadline(headlines: readonly G2Text[]): G2Text | undefined {
  return headlines.find((h) => h.role === undefined || /(?:^|:)(?:main|title|headline)$/i.test(h.role)) ?? headlines[0];
}

// An item's summary is a description with a summary/abstract role (or none); a caption
// summarises only a picture: on text items (Reuters) it repeats slug and headline.
function summary(item: G2Item): G2Text | undefined {
  const own = item.descriptions.find((d) => d.role === undefined || /(?:^|:)(?:summary|abstract|intro)$/i.test(d.role));
  return own ?? (isPictureItem(item) ? caption(item) : undefined);
}

function caption(item: G2Item): G2Text | undefined {
  return item.descriptions.find((d) => d.role !== undefined && /(?:^|:)caption$/i.test(d.role));
}

/** The concept's name in the item's language when it has several, else its first. */
function nameOf(concept: G2Concept, language: string | undefined): string | undefined {
  const lang = language?.toLowerCase().slice(0, 2);
  return (concept.names.find((n) => lang !== undefined && n.lang?.toLowerCase().startsWith(lang)) ?? concept.names[0])?.text;
}

function namesOf(concepts: readonly G2Concept[], language: string | undefined): string | undefined {
  const names = distinctTexts(concepts.map((c) => nameOf(c, language)));
  return names.length > 0 ? names.join(', ') : undefined;
}

// Provider first (who sent it), then the original source, then the copyright holder. A
// party counts only when its code or name is a known agency.
function agencyOf(parties: readonly (G2Concept | undefined)[]): string | undefined {
  for (const party of parties) {
    if (!party) continue;
    const agency = agencyFromCode(party.qcode) ?? agencyFromSource(party.literal) ?? agencyFromCode(party.literal) ??
      party.names.map((n) => agencyFromSource(n.text)).find((a) => a !== undefined);
    if (agency) return agency;
  }
  return undefined;
}

// The dateline as written, unless it is only a timestamp (Reuters writes
// `2014-07-17 00:24:11 GMT+00:00` there); else the name of where the content was created.
function datelineOf(item: G2Item, language: string | undefined): string | undefined {
  const written = toPlainTextOrUndefined(item.dateline);
  if (written !== undefined && !/^\d{4}-\d{2}-\d{2}[T ]\d/.test(written)) return written;
  return toPlainTextOrUndefined(item.located.map((l) => nameOf(l, language) ?? l.literal).find((n) => n?.trim()));
}
