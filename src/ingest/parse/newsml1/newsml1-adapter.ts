// NewsML 1.x wire struct -> WireItem.
import { decodeHTMLStrict } from 'entities';
import type { PubStatus, WireItem } from '../../../domain/wire-item.ts';
import { readRootElement } from '../../../lib/xml.ts';
import { agencyFromCode, agencyFromSource } from '../agency-names.ts';
import { distinctTexts, nonBlank, toPlainText, toPlainTextOrUndefined } from '../feed-text.ts';
import { pickRendition, toPubStatus, toVersion } from '../newsml-g2/iptc-codes.ts';
import { adaptNitf } from '../nitf/nitf-adapter.ts';
import { bylineName, parseIptcDate, unwrapCdata } from '../nitf/nitf-text.ts';
import { readNitfMarkup } from '../nitf/nitf-wire.ts';
import type { NewsML1Code, NewsML1Item, NewsML1Text } from './newsml1-wire.ts';

export function adaptNewsML1Item(item: NewsML1Item): WireItem {
  const body = readBody(item.dataContent);
  const subjects = distinctTexts(item.subjectCodes.map(subjectCode));
  const revision = toVersion(item.revisionId);
  const status = item.status?.trim().toLowerCase();
  const changesAt = parseIptcDate(item.statusChangesAt);
  const updates = toVersion(item.previousRevision) !== undefined && toVersion(item.previousRevision)! > 0;
  const signals = distinctTexts([
    updates ? 'update' : undefined,
    ...item.instructions.map((i) => (/correct|rectif/i.test(i) ? 'correction' : /update/i.test(i) ? 'update' : undefined)),
  ]);
  return {
    guid: guidOf(item),
    title: toPlainText(item.headline ?? body.title),
    summary: toPlainTextOrUndefined(item.subHeadline),
    bodyHtml: body.html,
    bodyText: body.text,
    author: bylineName(item.byline) ?? body.author,
    published: parseIptcDate(item.firstCreated) ?? parseIptcDate(item.thisRevisionCreated),
    updated: parseIptcDate(item.thisRevisionCreated),
    categories: distinctTexts([...namesIn(item.topicNames, item.language), ...item.keywords]),
    image: pickRendition(item.pictures) ?? body.image,
    agency: [...item.parties, item.providerId].map((p) => agencyFromSource(p) ?? agencyFromCode(p)).find((a) => a !== undefined),
    dateline: toPlainTextOrUndefined(item.dateline) ?? body.dateline,
    // Language FormalNames come upper-case (`EN`); BCP 47 writes the language subtag lower-case.
    language: toPlainTextOrUndefined(item.language)?.replace(/^[A-Za-z]{2,3}\b/, (code) => code.toLowerCase()),
    version: revision,
    pubStatus: newsML1PubStatus(status, item.futureStatus, changesAt),
    embargoUntil: isEmbargo(status, item.futureStatus) ? changesAt : undefined,
    signals: signals.length > 0 ? signals : undefined,
    subjects: subjects.length > 0 ? subjects : undefined,
  };
}

// The PublicIdentifier names one revision (`urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1`);
// the story's guid is the part every revision shares, the revision being the version.
function guidOf(item: NewsML1Item): string | undefined {
  const publicId = item.publicIdentifier?.trim();
  const revision = item.revisionId?.trim();
  if (publicId && revision && publicId.endsWith(`:${revision}`)) return publicId.slice(0, -revision.length - 1);
  if (item.providerId && item.dateId && item.newsItemId) return `urn:newsml:${item.providerId}:${item.dateId}:${item.newsItemId}`.replace(/\s+/g, '');
  return publicId || undefined;
}

// NewsML 1 adds Embargoed to the IPTC statuses; StatusWillChange says when it turns Usable.
function newsML1PubStatus(status: string | undefined, future: string | undefined, changesAt: string | undefined): PubStatus | undefined {
  if (status === 'embargoed') return changesAt !== undefined && isUsable(future) ? 'usable' : 'withheld';
  return toPubStatus(status);
}

function isEmbargo(status: string | undefined, future: string | undefined): boolean {
  return (status === 'embargoed' || status === 'withheld') && isUsable(future);
}

function isUsable(status: string | undefined): boolean {
  return status?.trim().toLowerCase() === 'usable';
}

// IPTC Subject Codes are written as their NewsML-G2 qcodes, as for NITF.
function subjectCode(code: NewsML1Code): string {
  const scheme = code.scheme?.trim();
  const isIptc = scheme === undefined || /iptc/i.test(scheme);
  return isIptc && /^\d{8}$/.test(code.code) ? `subj:${code.code}` : scheme ? `${scheme}:${code.code}` : code.code;
}

function namesIn(names: readonly NewsML1Text[], language: string | undefined): readonly string[] {
  const lang = language?.toLowerCase().slice(0, 2);
  const own = names.filter((n) => n.lang === undefined || (lang !== undefined && n.lang.toLowerCase().startsWith(lang)));
  return (own.length > 0 ? own : names).map((n) => n.text);
}

interface NewsML1Body {
  readonly html?: string;
  readonly text?: string;
  readonly title?: string;
  readonly author?: string;
  readonly dateline?: string;
  readonly image?: WireItem['image'];
}

// DataContent holds NITF, HTML (often as CDATA) or plain text.
function readBody(raw: string | undefined): NewsML1Body {
  if (raw === undefined) return {};
  const markup = unwrapCdata(raw).trim();
  const root = readRootElement(markup);
  if (root?.name === 'nitf') {
    const doc = readNitfMarkup(markup);
    if (!doc) return {};
    const nitf = adaptNitf(doc);
    return { html: nitf.bodyHtml, title: nitf.title || undefined, author: nitf.author, dateline: nitf.dateline, image: nitf.image };
  }
  if (root !== undefined) return { html: nonBlank(markup) };
  // Text: entity references are still as written in the XML (the element was kept raw).
  return { text: nonBlank(markup.includes('&') ? decodeHTMLStrict(markup) : markup) };
}
