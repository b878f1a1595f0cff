// URL slugs for names people read (authors, countries): `Asha Rao` → `asha-rao`,
// `Côte d’Ivoire` → `cote-d-ivoire`. The same rule as agency slugs (web/urls.ts).
const MAX_SLUG = 100;

export function slugifyName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  // A name with no Latin letters keeps its own letters rather than vanishing.
  return ascii || name.trim().toLowerCase().replace(/\s+/g, '-').slice(0, MAX_SLUG);
}

/** A slug slugifyName could have made (it is its own slug): anything else is not worth a query. */
export function isNameSlug(s: string): boolean {
  return s.length > 0 && slugifyName(s) === s;
}
