// The region tag lists and trending show: the story's first country by its English
// name (the runtime's CLDR data, so no table to keep), else "Global".
export const GLOBAL_REGION = 'Global';

const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** `IN` -> `India`; undefined -> `Global`. */
export function regionName(country: string | undefined): string {
  if (!country) return GLOBAL_REGION;
  try {
    return names.of(country) ?? GLOBAL_REGION;
  } catch {
    // Not a well-formed region code: never a reason to fail a page.
    return GLOBAL_REGION;
  }
}

/** Story id -> region tag, from each story's first country (see store/geo-repository.ts). */
export function regionsOf(storyIds: readonly number[], firstCountries: ReadonlyMap<number, string>): Map<number, string> {
  return new Map(storyIds.map((id) => [id, regionName(firstCountries.get(id))]));
}
