// Country pages' addresses: `/country/india` (the slug of the name the region tag
// shows) or `/country/in` (the ISO code, redirected to the slug). The codes come from
// the world-countries package the gazetteer already uses; names from regions.ts.
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { countrySlug } from './urls.ts';

let bySlug: ReadonlyMap<string, string> | undefined;

function slugIndex(): ReadonlyMap<string, string> {
  if (!bySlug) {
    const require = createRequire(import.meta.url);
    const countries = require('world-countries') as Countries;
    bySlug = new Map(countries.map((c) => [countrySlug(c.cca2), c.cca2]));
  }
  return bySlug;
}

export type CountryLookup =
  | { readonly kind: 'found'; readonly code: string }
  /** An ISO code, or a slug in capitals: the country's page lives at its slug. */
  | { readonly kind: 'redirect'; readonly code: string }
  | { readonly kind: 'unknown' };

export function findCountry(param: string): CountryLookup {
  const index = slugIndex();
  const code = index.get(param);
  if (code) return { kind: 'found', code };
  const upper = param.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && [...index.values()].includes(upper)) return { kind: 'redirect', code: upper };
  const lowered = index.get(param.toLowerCase());
  return lowered ? { kind: 'redirect', code: lowered } : { kind: 'unknown' };
}
