// The region tag lists and trending show: the story's first country by its English
// name (the runtime's CLDR data, so no table to keep), else "Global".
export const GLOBAL_REGION = 'Global';

const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

// Intl.DisplayNames looks the name up afresh on every call (a few µs, twenty times a
// list page); there are only a few hundred region codes.
const known = new Map<string, string>();

/** `IN` -> `India`; undefined -> `Global`. */
export function regionName(country: string | undefined): string {
  if (!country) return GLOBAL_REGION;
  let name = known.get(country);
  if (name === undefined) {
    try {
      name = names.of(country) ?? GLOBAL_REGION;
    } catch {
      // Not a well-formed region code: never a reason to fail a page.
      name = GLOBAL_REGION;
    }
    // Codes come from the store (ISO alpha-2), but a bound keeps a bad feed from growing this.
    if (known.size < 1_000) known.set(country, name);
  }
  return name;
}

/** Story id -> region tag, from each story's first country (see store/geo-repository.ts). */
export function regionsOf(storyIds: readonly number[], firstCountries: ReadonlyMap<number, string>): Map<number, string> {
  return new Map(storyIds.map((id) => [id, regionName(firstCountries.get(id))]));
}
