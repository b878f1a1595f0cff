// Which countries a story is about: gazetteer names found in its headline, summary and
// lead, weighed by where they occur, with the dateline's country first. Pure.
import { foldToAscii } from '../../../lib/text.ts';
import { gazetteer, NEEDS_CONTEXT, PLACE_STOPLIST, type Gazetteer, type Place } from './gazetteer.ts';

export interface GeoText {
  readonly headline: string;
  readonly summary: string;
  /** Plain text of the body (the caller cuts it to the lead). */
  readonly bodyText: string;
  readonly datelineCity?: string | undefined;
  /** The feed's categories ("Iran", "Rio de Janeiro (Brazil)"): they back up the text, never decide alone. */
  readonly categories?: readonly string[];
}

export interface CountryMention {
  readonly country: string;
  /** The name as found ("New Delhi", "Kenyan"). */
  readonly name: string;
  readonly kind: Place['kind'];
}

const HEADLINE_WEIGHT = 3;
const SUMMARY_WEIGHT = 2;
const CATEGORY_WEIGHT = 1;
// Counted once: a body-only country needs the dateline or a second field to be kept,
// since feeds' excerpts end in bylines and "more from Spain" links.
const BODY_WEIGHT = 1;
// A passing mention deep in the body is not what the story is about.
const MIN_SCORE = 2;
const MAX_COUNTRIES = 5;
const MAX_COUNT_PER_FIELD = 3;

// A word: a letter or mark, then letters, marks, apostrophes and hyphens
// (/[\p{L}\p{M}][\p{L}\p{M}'’\-]*/u, read by character codes in tokenize).
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
// Capitalised at the start of a sentence or title, these never make a name longer.
const FUNCTION_WORDS = new Set(['More', 'Most', 'Many', 'Some', 'Few', 'All', 'Both', 'Several', 'Other', 'Two', 'Three', 'Four', 'Five', 'Young', 'Former', 'The', 'A', 'An', 'In', 'Of', 'For', 'At', 'On', 'By', 'To', 'From', 'And', 'But', 'As', 'With', 'After', 'Before', 'How', 'Why', 'What', 'When', 'Where', 'Who', 'Will', 'Is', 'Are', 'Around', 'Over', 'Under', 'Into', 'About', 'Against', 'Between', 'Amid']);
// Country names that a capitalised word before them makes part of a longer name
// ("Latin America", "Central America", "Captain America"), even in a title.
// The UK's constituent countries too: "Jimmy Wales", "New England" are someone and somewhere else.
const JOINED_ONLY = new Set(['America', 'England', 'Scotland', 'Wales']);
// A place followed by one of these still names the place: its own bodies and offices
// ("the Odisha Legislative Assembly", "Texas Governor", "Kerala High Court", "Delhi Police"),
// where "Indiana Jones" or "Paris Hilton" name someone else.
const OWN_BODIES = new Set(['Legislative', 'Assembly', 'Legislature', 'Government', 'Governor', 'Police', 'High', 'Court', 'State', 'Chief', 'Minister', 'Ministry', 'Parliament', 'Senate', 'Council', 'Metro', 'Airport', 'Province', 'Provincial', 'Municipal', 'University', 'Department', 'Election', 'Elections']);
// Hyphenated words whose parts may be places: "U.S.-mediated", "Russia-backed",
// "Texas-based", "pro-Russian". Only the parts of a word that is no name itself
// ("Guinea-Bissau", "Timor-Leste" stay whole).
const HYPHEN = /[-‐]/;
const PREPOSITIONS = new Set(['in', 'of', 'from', 'to', 'into', 'across', 'against', 'with', 'visit', 'visits', 'near', 'over']);

interface Token {
  readonly word: string;
  readonly possessive: boolean;
  /** Only spaces between this word and the one before: part of the same name, maybe. */
  readonly joined: boolean;
}

/** "Trump Bets on Diplomacy Without Diplomats": in a title-case line capitals join nothing. */
function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.word.length > 3);
  return words.length >= 4 && words.filter((t) => isCapitalised(t.word)).length / words.length >= 0.6;
}

/** Code units of the letter or mark at `i` (2 for one outside the BMP), 0 when there is none. */
function letterWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 1 : 0;
  const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return LETTER_OR_MARK.test(text.slice(i, i + width)) ? width : 0;
}

function tokenize(text: string): Token[] {
  // "U.S." and "U.K." lose their dots before the period would end a token.
  // "US$12", "U.S. $2.7 billion" are a currency, not the country.
  const plain = foldToAscii(text)
    .replace(/\bU\.?S\.? ?\$/g, '$')
    .replace(/\bU\.S\.(?:A\.)?/g, 'US')
    .replace(/\bU\.K\./g, 'UK');
  const tokens: Token[] = [];
  // Character codes rather than a regular expression: ingest tokenizes the headline,
  // summary and body lead of every story, and most of it is ASCII.
  let last = 0;
  for (let i = 0; i < plain.length; ) {
    let width = letterWidth(plain, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    for (i += width; i < plain.length; i += width) {
      const code = plain.charCodeAt(i);
      width = code === 39 /* ' */ || code === 0x2019 /* ’ */ || code === 45 /* - */ ? 1 : letterWidth(plain, i);
      if (width === 0) break;
    }
    // Only spaces between the previous word and this one: part of the same name, maybe.
    let joined = start > last;
    for (let k = last; joined && k < start; k++) joined = plain.charCodeAt(k) === 32;
    last = i;
    const raw = plain.slice(start, i);
    const apostrophe = raw.length - (raw.endsWith('s') ? 2 : 1);
    const cut = raw[apostrophe] === "'" || raw[apostrophe] === '’' ? apostrophe : raw.length;
    tokens.push({ word: raw.slice(0, cut), possessive: cut < raw.length && raw.endsWith('s'), joined });
  }
  return tokens;
}

const UPPER_FIRST = /^\p{Lu}/u;

function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : UPPER_FIRST.test(word);
}

/** Every gazetteer name in the text, longest match first, in order. */
export function findMentions(text: string, gaz: Gazetteer = gazetteer()): CountryMention[] {
  const tokens = tokenize(text);
  const titleCase = isTitleCase(tokens);
  const found: CountryMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const first = tokens[i];
    if (first && HYPHEN.test(first.word) && !startsAName(gaz, first.word)) {
      found.push(...hyphenParts(gaz, first.word));
      i++;
      continue;
    }
    if (!first || !isCapitalised(first.word)) {
      i++;
      continue;
    }
    // Most capitalised words (people, organisations) start no place name: skip them
    // before building any candidate (ingest runs this on every story).
    if (!startsAName(gaz, first.word)) {
      i++;
      continue;
    }
    const names: string[] = [];
    for (let n = 1, name = ''; n <= Math.min(gaz.maxWords, tokens.length - i); n++) {
      name = n === 1 ? first.word : `${name} ${tokens[i + n - 1]?.word ?? ''}`;
      names.push(name);
    }
    let matched = 0;
    for (let n = names.length; n >= 1 && matched === 0; n--) {
      const name = names[n - 1] ?? '';
      const place = lookup(gaz, name);
      if (place && isAccepted(name, place, tokens, i, n, titleCase)) {
        found.push({ country: place.country, name, kind: place.kind });
        matched = n;
      }
    }
    i += Math.max(matched, 1);
  }
  return found;
}

/** Places among the parts of a hyphenated word; stoplisted names never count here. */
function hyphenParts(gaz: Gazetteer, word: string): CountryMention[] {
  const found: CountryMention[] = [];
  for (const part of word.split(HYPHEN)) {
    if (!isCapitalised(part) || PLACE_STOPLIST.has(part) || NEEDS_CONTEXT.has(part)) continue;
    const place = lookup(gaz, part);
    if (place) found.push({ country: place.country, name: part, kind: place.kind });
  }
  return found;
}

const FIRST_WORDS = new WeakMap<Gazetteer, ReadonlySet<string>>();

/** Whether some gazetteer name begins with this word (or its singular, for plural demonyms). */
function startsAName(gaz: Gazetteer, word: string): boolean {
  let firsts = FIRST_WORDS.get(gaz);
  if (!firsts) {
    firsts = new Set([...gaz.names.keys()].map((name) => name.split(' ')[0] ?? name));
    FIRST_WORDS.set(gaz, firsts);
  }
  return firsts.has(word) || (word.endsWith('s') && firsts.has(word.slice(0, -1)));
}

/** The name, or a plural demonym ("Iranians", "Venezuelans") by its singular. */
function lookup(gaz: Gazetteer, name: string): Place | undefined {
  const place = gaz.names.get(name);
  if (place || !name.endsWith('s')) return place;
  const singular = gaz.names.get(name.slice(0, -1));
  return singular?.kind === 'demonym' ? singular : undefined;
}

function isAccepted(name: string, place: Place, tokens: readonly Token[], at: number, length: number, titleCase: boolean): boolean {
  const before = tokens[at - 1];
  const after = tokens[at + length];
  const last = tokens[at + length - 1];
  if (NEEDS_CONTEXT.has(name)) return (before !== undefined && PREPOSITIONS.has(before.word)) || last?.possessive === true;
  if (PLACE_STOPLIST.has(name)) return false;
  // A city, subdivision, capital or demonym inside a longer proper name is someone or
  // something else: "Paris Hilton", "Latin American", "Native American", "Indiana Jones".
  const joinedBefore = before !== undefined && tokens[at]?.joined === true && isCapitalised(before.word) && !FUNCTION_WORDS.has(before.word);
  if (JOINED_ONLY.has(name)) return !joinedBefore;
  // "ICE Detention Center", "Trump White House": an institution is named as part of longer names.
  if (place.kind === 'country' || place.kind === 'institution' || place.kind === 'leader' || titleCase) return true;
  const joinedAfter = place.kind !== 'demonym' && after?.joined === true && !last?.possessive && isCapitalised(after.word) && !OWN_BODIES.has(after.word);
  return !joinedBefore && !joinedAfter;
}

/** The dateline city's country: exact names first, then any city of DATELINE_POPULATION. */
export function datelineCountry(city: string | undefined, gaz: Gazetteer = gazetteer()): string | undefined {
  if (!city) return undefined;
  // "New Delhi [India]", "Kyiv/Moscow": the first place named decides.
  const first = foldToAscii(city).split(/[\/\[,]/)[0]?.trim() ?? '';
  if (first === '') return undefined;
  const exact = gaz.names.get(titleCase(first)) ?? gaz.names.get(first);
  return exact?.country ?? gaz.datelineCities.get(first.toLowerCase());
}

const titleCase = (text: string): string => text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());

/** The countries a story is about, most central first (dateline country first), at most five. */
export function detectCountries(text: GeoText, gaz: Gazetteer = gazetteer()): string[] {
  const scores = new Map<string, { score: number; first: number }>();
  let order = 0;
  const addField = (field: string, weight: number, maxCount = MAX_COUNT_PER_FIELD): void => {
    const counts = new Map<string, number>();
    for (const mention of findMentions(field, gaz)) {
      const count = (counts.get(mention.country) ?? 0) + 1;
      counts.set(mention.country, count);
      const entry = scores.get(mention.country) ?? { score: 0, first: order++ };
      if (count <= maxCount) entry.score += weight;
      scores.set(mention.country, entry);
    }
  };
  addField(text.headline, HEADLINE_WEIGHT);
  addField(text.summary, SUMMARY_WEIGHT);
  // Each category on its own: "Brazil" and "Rio de Janeiro (Brazil)" are one country, counted once.
  addField((text.categories ?? []).join('.\n'), CATEGORY_WEIGHT, 1);
  addField(text.bodyText, BODY_WEIGHT, 1);
  const dateline = datelineCountry(text.datelineCity, gaz);
  const ranked = [...scores]
    .filter(([country, { score }]) => score >= MIN_SCORE && country !== dateline)
    .sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first)
    .map(([country]) => country);
  return (dateline ? [dateline, ...ranked] : ranked).slice(0, MAX_COUNTRIES);
}
