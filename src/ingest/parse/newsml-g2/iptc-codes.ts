// IPTC vocabulary shared by the IPTC formats (NewsML-G2, NewsML 1, NITF, ninjs): publishing
// status, signals, versions and picture renditions. It lives with NewsML-G2, whose qcodes
// the other formats' values are mapped onto.
import type { PubStatus, WireImage } from '../../../domain/wire-item.ts';
import { resolveUrl } from '../feed-text.ts';

/** The code of a qcode or NewsCodes URI: `stat:usable`, `…/newscodes/pubstatusg2/usable` -> `usable`. */
export function codeOf(qcodeOrUri: string): string {
  const text = qcodeOrUri.trim().replace(/\/+$/, '');
  return text.slice(Math.max(text.lastIndexOf(':'), text.lastIndexOf('/')) + 1);
}

// IPTC pubStatus (NewsML-G2 stat:, ninjs pubstatus, NewsML 1 Status, NITF management-status).
// `cancelled` is not IPTC but agencies write it; ninjs `replaced`/`commissioned` are not statuses.
const PUB_STATUSES: Readonly<Record<string, PubStatus>> = {
  usable: 'usable', withheld: 'withheld', canceled: 'canceled', cancelled: 'canceled',
};

/** A publishing status from a qcode, URI or plain word; undefined when it is none of ours. */
export function toPubStatus(value: string | undefined): PubStatus | undefined {
  return value === undefined ? undefined : PUB_STATUSES[codeOf(value).toLowerCase()];
}

// Signals that are not in the IPTC `sig:` scheme but mean the same (Reuters' editorial status).
const SIGNAL_ALIASES: Readonly<Record<string, string>> = { 'edstat:c': 'correction' };

/**
 * A signal short name (`update`, `correction`, `cwarn` …) from a NewsML-G2 signal qcode.
 * IPTC Signal NewsCodes (`sig:`) keep their code; other schemes are agency routing and
 * product codes (`prodId:TXT`, `redsel:SD03`) that mean nothing downstream, so they are dropped.
 */
export function toSignal(qcode: string | undefined): string | undefined {
  if (qcode === undefined) return undefined;
  const text = qcode.trim();
  const alias = SIGNAL_ALIASES[text.toLowerCase()];
  if (alias) return alias;
  const isSig = /^sig:/i.test(text) || /^https?:\/\/cv\.iptc\.org\/newscodes\/signal\//i.test(text);
  return isSig && codeOf(text) !== '' ? codeOf(text).toLowerCase() : undefined;
}

/** A version number (`"4"`, `4`); undefined unless a whole number from 0 up. */
export function toVersion(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

/** One rendition of a picture (NewsML-G2 remoteContent, ninjs renditions, NewsML 1 ContentItem). */
export interface Rendition {
  readonly href?: string;
  /** Rendition name or qcode (`rnd:thumbnail`, `viewImage`, `16-9`). */
  readonly name?: string;
  readonly type?: string;
  readonly width?: number;
  readonly height?: number;
}

// A story image is shown at most about this wide; larger renditions are print masters.
const MAX_WEB_WIDTH = 2048;

/**
 * The rendition a web page should show: the widest one up to 2048 px, else the narrowest
 * wider one, else (no widths given) the first that is not a thumbnail. Only http(s) URLs
 * count; a relative or file: href names a file in the agency's package, not a URL.
 */
export function pickRendition(renditions: readonly Rendition[], caption?: string): WireImage | undefined {
  const usable = renditions.flatMap((r) => {
    const url = resolveUrl(r.href);
    const isImage = r.type === undefined || r.type.toLowerCase().startsWith('image/');
    return url && isImage ? [{ ...r, url }] : [];
  });
  const sized = usable.filter((r) => r.width !== undefined);
  const fitting = sized.filter((r) => r.width! <= MAX_WEB_WIDTH).sort((a, b) => b.width! - a.width!);
  const larger = sized.filter((r) => r.width! > MAX_WEB_WIDTH).sort((a, b) => a.width! - b.width!);
  const unsized = usable.filter((r) => r.width === undefined);
  const best = fitting[0] ?? larger[0] ?? unsized.find((r) => !/thumb/i.test(r.name ?? '')) ?? unsized[0];
  if (!best) return undefined;
  return { url: best.url, caption, width: best.width, height: best.height, type: best.type?.toLowerCase() };
}
