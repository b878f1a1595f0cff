// NITF wire struct -> WireItem.
import type { PubStatus, WireImage, WireItem } from '../../../domain/wire-item.ts';
import { agencyFromSource } from '../agency-names.ts';
import { distinctTexts, nonBlank, resolveUrl, toPlainText, toPlainTextOrUndefined, toPositiveInt } from '../feed-text.ts';
import { pickRendition, toPubStatus, toVersion } from '../newsml-g2/iptc-codes.ts';
import { nitfBodyToHtml } from './nitf-body.ts';
import { bylineName, markupToText, parseIptcDate } from './nitf-text.ts';
import type { NitfDocument, NitfSubject } from './nitf-wire.ts';

export function adaptNitf(doc: NitfDocument): WireItem {
  const issued = parseIptcDate(doc.issued);
  const released = parseIptcDate(doc.released);
  const status = doc.managementStatus?.trim().toLowerCase();
  // A document naming the version it replaces is an update; an ed-msg may say it corrects.
  const signals = distinctTexts([doc.replaces ? 'update' : undefined, /^correct/i.test(doc.edMsgType ?? '') ? 'correction' : undefined]);
  return {
    guid: toPlainTextOrUndefined(doc.docId),
    link: resolveUrl(doc.externalRef),
    title: toPlainText(markupToText(doc.headlineRaw) ?? doc.title),
    summary: nonBlank(doc.abstractRaw?.trim()),
    bodyHtml: nitfBodyToHtml(doc.bodyContentRaw),
    author: bylineName(markupToText(dropElements(doc.bylineRaw, 'byttl'))),
    published: issued,
    categories: distinctTexts([...doc.subjects.map((s) => s.name), ...doc.keywords, ...doc.docScopes]),
    image: nitfImage(doc),
    agency: doc.sources.map((s) => agencyFromSource(toPlainTextOrUndefined(s))).find((a) => a !== undefined),
    dateline: markupToText(datelineMarkup(doc.datelineRaw)) ?? toPlainTextOrUndefined(doc.eventCity),
    language: toPlainTextOrUndefined(doc.language),
    version: toVersion(doc.duKeyVersion),
    pubStatus: nitfPubStatus(status, released),
    // An embargoed document, or one whose release time is after its issue time (NITF 3.x
    // date.release: "date/time document is available to be released").
    embargoUntil: released !== undefined && (status === 'embargoed' || (issued !== undefined && released > issued)) ? released : undefined,
    signals: signals.length > 0 ? signals : undefined,
    subjects: nonEmpty(doc.subjects.flatMap(subjectCode)),
  };
}

// NITF's management-status adds `embargoed` to the IPTC statuses: usable once released, and
// withheld while no release time says when.
function nitfPubStatus(status: string | undefined, released: string | undefined): PubStatus | undefined {
  if (status === 'embargoed') return released === undefined ? 'withheld' : 'usable';
  return toPubStatus(status);
}

// IPTC Subject Codes are written as their NewsML-G2 qcodes (`subj:04000000`) so subjects
// from every IPTC format compare equal; another issuer's codes keep its name as scheme.
function subjectCode(subject: NitfSubject): readonly string[] {
  const refnum = subject.refnum?.trim();
  if (!refnum) return [];
  const ipr = subject.ipr?.trim().toLowerCase();
  return [`${ipr === undefined || ipr === '' || ipr === 'iptc' ? 'subj' : ipr}:${refnum}`];
}

function nitfImage(doc: NitfDocument): WireImage | undefined {
  const pictures = doc.media.filter((m) => m.mimeType === undefined || m.mimeType.startsWith('image/'));
  const first = pictures[0];
  const renditions = pictures.map((m) => ({ href: m.source, type: m.mimeType, width: toPositiveInt(m.width), height: toPositiveInt(m.height) }));
  return pickRendition(renditions, markupToText(first?.caption));
}

// The dateline as written: location and story date (`NEW YORK, March 1`), but not a story
// date that is a machine timestamp (EFE repeats its norm attribute there).
function datelineMarkup(raw: string | undefined): string | undefined {
  const storyDate = /<story\.date\b[^>]*>([\s\S]*?)<\/story\.date\s*>/.exec(raw ?? '')?.[1] ?? '';
  return /^\s*\d{8}(?:T\d+)?|^\s*\d{4}-\d{2}-\d{2}/.test(storyDate) ? dropElements(raw, 'story.date') : raw;
}

function dropElements(raw: string | undefined, name: string): string | undefined {
  return raw?.replace(new RegExp(`<${name.replace('.', '\\.')}\\b[^>]*(?:/>|>[\\s\\S]*?</${name.replace('.', '\\.')}\\s*>)`, 'g'), '');
}

function nonEmpty(values: readonly string[]): readonly string[] | undefined {
  const distinct = [...new Set(values)];
  return distinct.length > 0 ? distinct : undefined;
}
