// Text helpers for the IPTC text formats (NITF, and NewsML 1 / NewsML-G2 which carry NITF):
// the ISO 8601 basic dates of `norm` attributes, raw XML markup as text, bylines.
import { decodeHTMLStrict } from 'entities';
import { parseFeedDate } from '../feed-date.ts';
import { toPlainTextOrUndefined } from '../feed-text.ts';

// NITF `norm` and NewsML 1 dates: ISO 8601 basic format, `20020225T143000-0500`, `20140829T135002Z`, `20180404`.
const BASIC_DATE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** An IPTC date (basic or extended ISO 8601, or what feeds write) as ISO UTC; undefined for junk like `YYYYMMDD`. */
export function parseIptcDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const basic = BASIC_DATE.exec(text);
  if (!basic) return parseFeedDate(text);
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone = 'Z'] = basic;
  return parseFeedDate(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone.toUpperCase()}`);
}

// Tags that separate words; the others (NITF's <city>, <person>, <em> …) sit inside text.
const BLOCK_TAG = /<\/?(?:p|br|div|li|h\d|hl\d|block|td|tr|location|story\.date)\b[^>]*>/gi;

/**
 * Plain text of raw XML markup (an element kept raw by the XML reader): comments and tags
 * dropped, XML entities decoded once, then the usual plain-text cleaning (which decodes a
 * second, double-escaped layer, as for RSS titles).
 */
export function markupToText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = unwrapCdata(raw).replace(/<!--[\s\S]*?-->/g, '').replace(BLOCK_TAG, ' ').replace(/<[^>]*>/g, '');
  const plain = toPlainTextOrUndefined(text.includes('&') ? decodeHTMLStrict(text) : text);
  return plain?.replace(/\s+([,;:.])/g, '$1');
}

/** The contents of CDATA sections in raw markup, the rest unchanged. */
export function unwrapCdata(raw: string): string {
  return raw.includes('<![CDATA[') ? raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1') : raw;
}

/** `By Ana Reporter,` -> `Ana Reporter`: a byline as the name it gives. */
export function bylineName(byline: string | undefined): string | undefined {
  const text = toPlainTextOrUndefined(byline);
  if (text === undefined) return undefined;
  return toPlainTextOrUndefined(text.replace(/^(?:by|von|par|por|di|av|door)\s+/i, '').replace(/[\s,;=-]+$/, ''));
}
