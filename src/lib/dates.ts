// Date display for readers: the byline's `dd-MM-yyyy HH:mm IST`, in the site's zone.
// Intl knows offsets but, for most locales, not the abbreviations a newsroom prints
// (en-US gives "GMT+5:30" for Asia/Kolkata), so well-known zones get theirs from a
// small table: [standard, daylight]. Everything else falls back to Intl's short name.

const ABBREVIATIONS: Readonly<Record<string, readonly [string, string?]>> = {
  UTC: ['UTC'], 'Etc/UTC': ['UTC'], 'Etc/GMT': ['GMT'], GMT: ['GMT'],
  'Asia/Kolkata': ['IST'], 'Asia/Calcutta': ['IST'],
  'Asia/Karachi': ['PKT'], 'Asia/Kathmandu': ['NPT'], 'Asia/Dubai': ['GST'],
  'Asia/Tokyo': ['JST'], 'Asia/Seoul': ['KST'], 'Asia/Shanghai': ['CST'], 'Asia/Hong_Kong': ['HKT'],
  'Asia/Singapore': ['SGT'], 'Asia/Manila': ['PHT'], 'Asia/Jakarta': ['WIB'], 'Asia/Bangkok': ['ICT'],
  'Asia/Ho_Chi_Minh': ['ICT'], 'Asia/Kuala_Lumpur': ['MYT'], 'Asia/Jerusalem': ['IST', 'IDT'],
  'Europe/London': ['GMT', 'BST'], 'Europe/Dublin': ['GMT', 'IST'], 'Europe/Lisbon': ['WET', 'WEST'],
  'Europe/Paris': ['CET', 'CEST'], 'Europe/Berlin': ['CET', 'CEST'], 'Europe/Madrid': ['CET', 'CEST'],
  'Europe/Rome': ['CET', 'CEST'], 'Europe/Amsterdam': ['CET', 'CEST'], 'Europe/Brussels': ['CET', 'CEST'],
  'Europe/Vienna': ['CET', 'CEST'], 'Europe/Zurich': ['CET', 'CEST'], 'Europe/Stockholm': ['CET', 'CEST'],
  'Europe/Oslo': ['CET', 'CEST'], 'Europe/Copenhagen': ['CET', 'CEST'], 'Europe/Warsaw': ['CET', 'CEST'],
  'Europe/Prague': ['CET', 'CEST'], 'Europe/Budapest': ['CET', 'CEST'], 'Europe/Belgrade': ['CET', 'CEST'],
  'Europe/Athens': ['EET', 'EEST'], 'Europe/Helsinki': ['EET', 'EEST'], 'Europe/Kyiv': ['EET', 'EEST'],
  'Europe/Kiev': ['EET', 'EEST'], 'Europe/Bucharest': ['EET', 'EEST'], 'Europe/Sofia': ['EET', 'EEST'],
  'Africa/Cairo': ['EET', 'EEST'], 'Europe/Moscow': ['MSK'],
  'America/New_York': ['EST', 'EDT'], 'America/Toronto': ['EST', 'EDT'], 'America/Detroit': ['EST', 'EDT'],
  'America/Chicago': ['CST', 'CDT'], 'America/Winnipeg': ['CST', 'CDT'],
  'America/Denver': ['MST', 'MDT'], 'America/Edmonton': ['MST', 'MDT'], 'America/Phoenix': ['MST'],
  'America/Los_Angeles': ['PST', 'PDT'], 'America/Vancouver': ['PST', 'PDT'],
  'America/Anchorage': ['AKST', 'AKDT'], 'Pacific/Honolulu': ['HST'],
  'America/Halifax': ['AST', 'ADT'], 'America/St_Johns': ['NST', 'NDT'],
  'Australia/Sydney': ['AEST', 'AEDT'], 'Australia/Melbourne': ['AEST', 'AEDT'], 'Australia/Hobart': ['AEST', 'AEDT'],
  'Australia/Brisbane': ['AEST'], 'Australia/Adelaide': ['ACST', 'ACDT'], 'Australia/Darwin': ['ACST'],
  'Australia/Perth': ['AWST'], 'Pacific/Auckland': ['NZST', 'NZDT'],
  'Africa/Nairobi': ['EAT'], 'Africa/Addis_Ababa': ['EAT'], 'Africa/Kampala': ['EAT'], 'Africa/Dar_es_Salaam': ['EAT'],
  'Africa/Lagos': ['WAT'], 'Africa/Kinshasa': ['WAT'], 'Africa/Douala': ['WAT'], 'Africa/Luanda': ['WAT'],
  'Africa/Harare': ['CAT'], 'Africa/Maputo': ['CAT'], 'Africa/Lusaka': ['CAT'], 'Africa/Kigali': ['CAT'],
  'Africa/Johannesburg': ['SAST'], 'Africa/Accra': ['GMT'], 'Africa/Abidjan': ['GMT'], 'Africa/Dakar': ['GMT'],
};

interface ZoneFormat {
  readonly parts: Intl.DateTimeFormat;
  readonly shortName: Intl.DateTimeFormat;
  /** Standard (smaller) UTC offset in minutes, per year. */
  readonly standardOffset: Map<number, number>;
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const ZONES = new Map<string, ZoneFormat>();

function zoneFormat(timeZone: string): ZoneFormat {
  let z = ZONES.get(timeZone);
  if (!z) {
    z = {
      parts: new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit',
      }),
      shortName: new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }),
      standardOffset: new Map(),
    };
    ZONES.set(timeZone, z);
  }
  return z;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallClock(z: ZoneFormat, at: Date): WallClock {
  const v: Record<string, number> = {};
  for (const p of z.parts.formatToParts(at)) if (p.type !== 'literal') v[p.type] = Number(p.value);
  return { year: v.year ?? 0, month: v.month ?? 1, day: v.day ?? 1, hour: v.hour ?? 0, minute: v.minute ?? 0, second: v.second ?? 0 };
}

function offsetMinutes(w: WallClock, at: Date): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The zone's standard offset in a year: daylight time is the larger of January's and July's. */
function standardOffset(z: ZoneFormat, year: number): number {
  let off = z.standardOffset.get(year);
  if (off === undefined) {
    const jan = new Date(Date.UTC(year, 0, 1));
    const jul = new Date(Date.UTC(year, 6, 1));
    off = Math.min(offsetMinutes(wallClock(z, jan), jan), offsetMinutes(wallClock(z, jul), jul));
    z.standardOffset.set(year, off);
  }
  return off;
}

function abbreviation(z: ZoneFormat, timeZone: string, w: WallClock, at: Date): string {
  const known = ABBREVIATIONS[timeZone];
  if (known) {
    const [standard, daylight] = known;
    return daylight && offsetMinutes(w, at) > standardOffset(z, w.year) ? daylight : standard;
  }
  return z.shortName.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** The usual abbreviation of `timeZone` at an instant: IST, BST in summer, GMT+3 when unknown. */
export function zoneAbbreviation(at: Date, timeZone: string): string {
  const z = zoneFormat(timeZone);
  return abbreviation(z, timeZone, wallClock(z, at), at);
}

const pad = (n: number): string => String(n).padStart(2, '0');

// Pages print the same few hundred story times over and over; Intl's formatToParts
// is the slow part, so remember recent results (cleared whole when full).
const BYLINE_MEMO = new Map<string, string>();
const BYLINE_MEMO_MAX = 20_000;

/** `dd-MM-yyyy HH:mm TZ` in `timeZone`, as the byline shows it; '' for an unparseable time. */
export function formatBylineTime(iso: string, timeZone: string): string {
  const key = `${timeZone} ${iso}`;
  const known = BYLINE_MEMO.get(key);
  if (known !== undefined) return known;
  const at = new Date(iso);
  let text = '';
  if (!Number.isNaN(at.getTime())) {
    const z = zoneFormat(timeZone);
    const w = wallClock(z, at);
    text = `${pad(w.day)}-${pad(w.month)}-${w.year} ${pad(w.hour)}:${pad(w.minute)} ${abbreviation(z, timeZone, w, at)}`;
  }
  if (BYLINE_MEMO.size >= BYLINE_MEMO_MAX) BYLINE_MEMO.clear();
  BYLINE_MEMO.set(key, text);
  return text;
}

/** `yyyy-MM-dd` of an instant in `timeZone`. */
export function formatIsoDate(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const w = wallClock(zoneFormat(timeZone), at);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The calendar year of an instant in `timeZone` (for the footer's ©). */
export function yearIn(at: Date, timeZone: string): number {
  return wallClock(zoneFormat(timeZone), at).year;
}

/**
 * The instant a calendar day (`yyyy-MM-dd`) begins in `timeZone`, or undefined for a
 * day that does not exist (2026-02-30). Search's date filters mean the reader's days.
 */
export function startOfDayIn(day: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const midnightUtc = Date.UTC(year, month - 1, date);
  const check = new Date(midnightUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return undefined;
  const z = zoneFormat(timeZone);
  // The offset at UTC midnight, then again at the guess: right across a DST change too.
  let at = new Date(midnightUtc - offsetMinutes(wallClock(z, check), check) * 60_000);
  at = new Date(midnightUtc - offsetMinutes(wallClock(z, at), at) * 60_000);
  return at;
}
