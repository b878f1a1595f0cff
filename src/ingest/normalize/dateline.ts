import type { Dateline } from '../../domain/story.ts';
import { collapseWhitespace } from '../../lib/text.ts';
import { lookupAgency } from './agency.ts';

// Wire copy opens with a dateline: "MOSCOW, April 16 (Reuters) -", "Moscow, Apr 16 (PTI)",
// "New Delhi [India], April 16 (ANI):", "GENEVA (AP) —". The site shows city and agency
// in the byline line instead, so the body loses it.

export interface DatelineMatch extends Dateline {
  /** UTF-16 units of the text the dateline takes, separator and following spaces included. */
  readonly length: number;
}

const MONTH_FORMS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
];
const MONTH = `(?:${[...MONTH_FORMS, ...MONTH_FORMS.map((m) => m.toUpperCase())]
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+\\d{4})?';
const DATE = `(?:${MONTH}\\s+${DAY}${YEAR}|${DAY}\\s+${MONTH}${YEAR})(?![\\p{L}\\d])`;
const WORD = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*";
// Lower-case words inside place names: Dar es Salaam, Rio de Janeiro, Newcastle upon Tyne.
const CONNECTORS = ['de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'el', 'al', 'es', 'of', 'upon', 'on', 'sur', 'au', 'aux', 'en', 'am', 'an', 'der', 'den', 'y'];
const CONNECTOR = `(?:${CONNECTORS.join('|')})`;
const PLACE = `${WORD}(?:\\s+(?:${CONNECTOR}\\s+)?${WORD}){0,3}`;
const CITY = `${PLACE}(?:\\s*/\\s*${PLACE})?`;
const REGION = `${WORD}(?:\\s+${WORD}){0,2}`;

const DATELINE = new RegExp(
  `^\\s*(?:(?<city>${CITY})(?:\\s*\\[[^\\]]{2,40}\\])?(?:,\\s*(?!${DATE})${REGION})?(?:,?\\s*(?<date>${DATE}))?)?` +
    `\\s*(?:\\((?<agency>[^()]{2,40})\\))?\\s*(?<sep>--|[-–—:])?[ \\t\\u00a0]*`,
  'u',
);

// Longer than any dateline; the rest of the text need not be read.
const DATELINE_MAX_CHARS = 160;

// All-caps words that open copy without being a place: "EXCLUSIVE -", "UPDATE 2:".
const NOT_PLACES = new Set([
  'BREAKING', 'NEWS', 'UPDATE', 'UPDATED', 'EXCLUSIVE', 'ANALYSIS', 'FACTBOX', 'EXPLAINER', 'WRAPUP', 'URGENT',
  'FLASH', 'CORRECTED', 'CORRECTION', 'REFILE', 'RPT', 'OPINION', 'EDITORIAL', 'LIVE', 'WATCH', 'VIDEO', 'PHOTOS',
  'PHOTO', 'NOTE', 'EDITORS', 'ADVISORY', 'ALERT', 'WARNING', 'SPONSORED', 'ADVERTISEMENT', 'PODCAST', 'REVIEW',
  'INTERVIEW', 'COMMENT', 'FEATURE', 'PROFILE', 'TIMELINE', 'SNAPSHOT', 'INSIGHT', 'PREVIEW', 'BRIEF', 'BRIEFS',
  'POLL', 'QUOTE', 'QUOTES', 'FILE', 'REPEAT', 'WRAP', 'TABLE', 'GRAPHIC', 'SOURCE', 'SOURCES', 'DEVELOPING',
]);

/**
 * A dateline at the start of `text`, if there is one. Needs more than a capitalised
 * first word: an agency marker "(Reuters)", or a date and a separator ("Moscow, April 16 -"),
 * or an all-caps place and a dash ("KYIV —"). "WASHINGTON state officials said" has none.
 */
export function matchDateline(text: string): DatelineMatch | undefined {
  const match = DATELINE.exec(text.length > DATELINE_MAX_CHARS ? text.slice(0, DATELINE_MAX_CHARS) : text);
  const groups = match?.groups;
  if (!match || !groups) return undefined;
  const { city, date, agency: marker, sep } = groups;
  const agency = marker === undefined ? undefined : readAgencyMarker(marker, sep);
  const placeOnly = city !== undefined && isShoutedPlace(city) && sep !== undefined;
  const accepted = agency !== undefined || (city !== undefined && date !== undefined && sep !== undefined) || placeOnly;
  if (!accepted) return undefined;
  const dateline: DatelineMatch = { length: match[0].length };
  return {
    ...dateline,
    ...(city === undefined ? {} : { city: tidyCity(city) }),
    ...(agency === undefined ? {} : { agency }),
  };
}

function readAgencyMarker(marker: string, sep: string | undefined): string | undefined {
  const known = lookupAgency(marker);
  if (known) return known;
  // An agency we do not know still reads like a name, and only counts before a dash.
  const name = collapseWhitespace(marker);
  if (sep !== undefined && /^\p{Lu}[\p{L}&.\- ]{1,29}$/u.test(name) && name.split(' ').length <= 4) return name;
  return undefined;
}

const SPACED_CONNECTOR = new RegExp(`\\s${CONNECTOR}\\s`, 'gu');

function isShoutedPlace(city: string): boolean {
  const letters = city.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || /\p{Ll}/u.test(city.replace(SPACED_CONNECTOR, ' '))) return false;
  return !city.split(/[\s/]+/).some((word) => NOT_PLACES.has(word));
}

/** "NEW DELHI" -> "New Delhi", "DAR ES SALAAM" -> "Dar es Salaam"; "LONDON/PARIS" -> "London". */
export function tidyCity(raw: string): string {
  const city = collapseWhitespace(raw.split('/')[0] ?? raw);
  if (/\p{Ll}/u.test(city)) return city;
  return city.split(' ').map(titleCaseWord).join(' ');
}

function titleCaseWord(word: string, index: number): string {
  const lower = word.toLowerCase();
  if (index > 0 && CONNECTORS.includes(lower)) return lower;
  if (index > 0 && word.length <= 2) return word; // "WASHINGTON DC"
  // "PORT-AU-PRINCE" -> "Port-au-Prince", "N'DJAMENA" -> "N'Djamena"
  return lower
    .split(/([-'’])/)
    .map((part, k) => (k > 0 && CONNECTORS.includes(part) ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

/** City and agency from a dateline the format declared (NITF dateline, NewsML located). */
export function parseDeclaredDateline(dateline: string | undefined): Dateline {
  const text = collapseWhitespace(dateline ?? '');
  if (text === '') return {};
  const match = DATELINE.exec(text);
  const city = match?.groups?.city;
  const marker = match?.groups?.agency;
  const agency = marker === undefined ? undefined : lookupAgency(marker);
  // Not shaped like a dateline: take what comes before the first comma or bracket.
  const place = tidyCity(city ?? text.split(/[,([]/)[0]?.slice(0, 60) ?? '');
  return { ...(place ? { city: place } : {}), ...(agency ? { agency } : {}) };
}

/** Removes a leading dateline from plain text. */
export function stripTextDateline(text: string): { readonly text: string; readonly dateline?: DatelineMatch } {
  const dateline = matchDateline(text);
  return dateline ? { text: text.slice(dateline.length), dateline } : { text };
}

/**
 * Removes a leading dateline from sanitized body HTML: it must open the first paragraph
 * that has text. Inline tags around it ("<strong>MOSCOW (Reuters) -</strong>") go too;
 * the rest of the paragraph stays.
 */
export function stripBodyDateline(html: string): { readonly html: string; readonly dateline?: DatelineMatch } {
  const first = findFirstTextParagraph(html);
  if (!first) return { html };
  const { open, close } = first;
  const inner = html.slice(open + 3, close);
  const dateline = matchDateline(readText(inner, DATELINE_MAX_CHARS));
  if (!dateline) return { html };
  const rest = dropLeadingText(inner, dateline.length)
    .replace(/^(?:\s*<(strong|b|em|i|u)>\s*<\/\1>)+/, '')
    .replace(/^\s+/, '');
  const after = html.slice(close + 4);
  const body = hasText(rest) || rest.includes('<img')
    ? `${html.slice(0, open)}<p>${rest}</p>${after}`
    : html.slice(0, open) + after.replace(/^\n/, '');
  return { html: body, dateline };
}

// The first <p> with text, provided nothing but pictures comes before it.
function findFirstTextParagraph(html: string): { open: number; close: number } | undefined {
  let open = html.indexOf('<p>');
  while (open !== -1) {
    const close = html.indexOf('</p>', open);
    if (close === -1) return undefined;
    if (hasText(html.slice(open + 3, close))) {
      return hasText(html.slice(0, open).replace(/<figure>[\s\S]*?<\/figure>/g, '')) ? undefined : { open, close };
    }
    open = html.indexOf('<p>', close);
  }
  return undefined;
}

function hasText(html: string): boolean {
  let inTag = false;
  for (let i = 0; i < html.length; i += 1) {
    const ch = html.charCodeAt(i);
    if (ch === 60 /* < */) inTag = true;
    else if (ch === 62 /* > */) inTag = false;
    else if (!inTag && ch > 32 && ch !== 160) return true;
  }
  return false;
}

const BASIC_ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

// Text of sanitized HTML, up to `limit` units. `sanitizeHtml` leaves only these four
// entities in text, each one unit once decoded, so offsets line up with `dropLeadingText`.
function readText(html: string, limit: number): string {
  let text = '';
  let i = 0;
  while (i < html.length && text.length < limit) {
    const ch = html.charAt(i);
    if (ch === '<') {
      i = html.indexOf('>', i) + 1 || html.length;
    } else if (ch === '&') {
      const end = html.indexOf(';', i);
      const entity = end === -1 ? undefined : BASIC_ENTITIES[html.slice(i, end + 1)];
      text += entity ?? ch;
      i = entity === undefined ? i + 1 : end + 1;
    } else {
      text += ch;
      i += 1;
    }
  }
  return text;
}

function dropLeadingText(html: string, count: number): string {
  let out = '';
  let dropped = 0;
  let i = 0;
  while (i < html.length) {
    const ch = html.charAt(i);
    if (ch === '<') {
      const end = html.indexOf('>', i) + 1 || html.length;
      out += html.slice(i, end);
      i = end;
    } else if (dropped >= count) {
      return out + html.slice(i);
    } else {
      const end = ch === '&' ? html.indexOf(';', i) : -1;
      i = end !== -1 && BASIC_ENTITIES[html.slice(i, end + 1)] !== undefined ? end + 1 : i + 1;
      dropped += 1;
    }
  }
  return out;
}
