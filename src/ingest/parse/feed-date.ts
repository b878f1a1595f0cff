// Feed dates -> ISO-8601 UTC strings, or undefined; never throws.
//
// Hand-written because `Date.parse` reads zone-less strings in the machine's local zone and
// accepts or rejects RFC 822 variants differently across engines. Accepted:
//   RFC 3339 / ISO 8601: 2024-05-01T10:00:00Z, 2024-05-01T10:00+02:00, 2024-05-01 10:00:00, 2024-05-01
//   RFC 822/2822: [weekday,] d mon yy[yy] hh:mm[:ss] [zone] — any weekday word is ignored
//     (Italian "mer", German "Mi"), obsolete zones (EST, PDT, GMT, UT, Z), two-digit years
//     per RFC 2822 §4.3 (00–49 -> 20xx, 50–99 -> 19xx), missing zone = UTC.
//   Month-first variants: [weekday,] mon d[,] yyyy [hh:mm[:ss] [AM|PM]] [zone].

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // Common non-English abbreviations seen in European news feeds (de, it, es, pt, nl).
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12, gen: 1, mag: 5, giu: 6, lug: 7, ago: 8, set: 9, ott: 10,
  dic: 12, ene: 1, abr: 4, fev: 2, out: 10, mei: 5, maa: 3,
};

// RFC 822 zones plus a few named zones that news publishers put in pubDate.
const ZONES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, wet: 0, west: 60, bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120,
  eest: 180, msk: 180, jst: 540, kst: 540, hkt: 480, sgt: 480, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(.*)$/;
const RFC822 = /^(?:[^\d\s,]+\.?,?\s*)?(\d{1,2})[\s-]+([^\d\s,.-]+)\.?,?[\s-]+(\d{2,4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(.*)$/;
const MONTH_FIRST = /^(?:[^\d\s,]+\.?,?\s+)?([^\d\s,.]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(.*)$/;

/** Parses a feed date into an ISO-8601 UTC string; undefined when it cannot be read. */
export function parseFeedDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text.length < 8 || text.length > 80) return undefined;
  return parseIso(text) ?? parseRfc822(text) ?? parseMonthFirst(text);
}

function parseIso(text: string): string | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  return build(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), m[8] ?? '', millis);
}

function parseRfc822(text: string): string | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const month = monthNumber(m[2]);
  if (month === undefined) return undefined;
  return build(fullYear(m[3]!), month, num(m[1]), num(m[4]), num(m[5]), num(m[6]), m[7] ?? '');
}

function parseMonthFirst(text: string): string | undefined {
  const m = MONTH_FIRST.exec(text);
  if (!m) return undefined;
  const month = monthNumber(m[1]);
  if (month === undefined) return undefined;
  let hour = num(m[4]);
  let rest = (m[7] ?? '').trim();
  const meridiem = /^(am|pm)\b\s*/i.exec(rest);
  if (meridiem) {
    if (hour > 12) return undefined;
    hour = (hour % 12) + (meridiem[1]!.toLowerCase() === 'pm' ? 12 : 0);
    rest = rest.slice(meridiem[0].length);
  }
  return build(num(m[3]), month, num(m[2]), hour, num(m[5]), num(m[6]), rest);
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, zoneText: string, millis = 0): string | undefined {
  const offset = zoneOffsetMinutes(zoneText);
  if (offset === undefined) return undefined;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour > 24 || minute > 59 || second > 60) return undefined;
  // Date.UTC would roll 31 April over to 1 May; such dates are junk, not May.
  if (day > daysInMonth(year, month)) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis);
  if (!Number.isFinite(ms)) return undefined;
  return new Date(ms - offset * 60_000).toISOString();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Undefined means "not a zone": the whole date is then rejected rather than misread.
function zoneOffsetMinutes(zoneText: string): number | undefined {
  const zone = zoneText.replace(/\s*\(.*\)\s*$/, '').trim();
  if (zone === '') return 0;
  const numeric = /^(?:GMT|UTC|UT)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (numeric) {
    const minutes = num(numeric[2]) * 60 + num(numeric[3]);
    if (minutes > 14 * 60) return undefined;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  // RFC 2822 §4.3: military zones other than Z "SHOULD be considered equivalent to -0000".
  return /^[a-ik-z]$/i.test(zone) ? 0 : undefined;
}

function monthNumber(name: string | undefined): number | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  return MONTHS[lower.slice(0, 3)] ?? MONTHS[lower];
}

function fullYear(text: string): number {
  const year = num(text);
  if (text.length === 4) return year;
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  return text.length === 3 ? 1900 + year : year;
}

function num(text: string | undefined): number {
  return text === undefined || text === '' ? 0 : Number(text);
}
