// A story's tags: the people, organisations and places compromise (an English NLP
// library) finds in its headline and lead, then the feed's own subject categories.
// Pure once loaded; compromise takes about a second to load, so it is loaded on first use.
import { foldToAscii } from '../../lib/text.ts';

export type TagKind = 'person' | 'organization' | 'place' | 'subject';

export interface Tag {
  readonly slug: string;
  readonly name: string;
  readonly kind: TagKind;
}

export interface TaggableText {
  readonly headline: string;
  readonly summary: string;
  /** Plain text of the lead. */
  readonly bodyText: string;
  readonly categories: readonly string[];
}

export type Tagger = (text: TaggableText) => Tag[];

const MAX_TAGS = 8;
// Only the lead: entities further down are rarely what the story is about, and
// compromise's cost grows with the text.
const LEAD_CHARS = 300;
// Feed categories that name a desk or a format, not a subject.
const GENERIC_CATEGORIES = new Set(['news', 'world', 'top news', 'latest', 'breaking news', 'home', 'general', 'national', 'international', 'uncategorized', 'stories', 'article', 'featured']);

type Nlp = typeof import('compromise').default;
let loading: Promise<Nlp> | undefined;

/** The tagger, loading compromise once. */
export async function loadTagger(): Promise<Tagger> {
  loading ??= import('compromise').then((module) => module.default);
  const nlp = await loading;
  return (text) => extractTags(nlp, text);
}

/** `Narendra Modi` -> `narendra-modi`; empty when nothing Latin is left. */
export function slugifyTag(name: string): string {
  return foldToAscii(name).toLowerCase().replace(/['’`]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

function extractTags(nlp: Nlp, text: TaggableText): Tag[] {
  const doc = nlp(`${text.headline}.\n${text.summary}\n${text.bodyText.slice(0, LEAD_CHARS)}`);
  const counts = new Map<string, { tag: Tag; count: number; first: number }>();
  let order = 0;
  const add = (raw: string, kind: TagKind, weight = 1): void => {
    const name = cleanName(raw);
    const slug = slugifyTag(name);
    // One-letter initials and lone numbers are compromise's noise, not names.
    if (slug.length < 3 || !/[a-z]/.test(slug)) return;
    const entry = counts.get(slug) ?? { tag: { slug, name, kind }, count: 0, first: order++ };
    entry.count += weight;
    counts.set(slug, entry);
  };
  for (const name of doc.people().out('array') as string[]) if (name.trim().includes(' ')) add(name, 'person');
  for (const name of doc.organizations().out('array') as string[]) add(name, 'organization');
  for (const name of doc.places().out('array') as string[]) add(name, 'place');
  const entities = [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((e) => e.tag);
  return mergeTags(entities, subjectTags(text.categories));
}

/** The feed's categories as subject tags, minus the generic ones ("World", "Top News"). */
export function subjectTags(categories: readonly string[]): Tag[] {
  return categories
    .flatMap((category) => category.split(/\s*[/>|]\s*/))
    .filter((category) => category.length > 2 && category.length <= 40 && !GENERIC_CATEGORIES.has(category.toLowerCase()))
    .map((name): Tag => ({ slug: slugifyTag(name), name, kind: 'subject' }));
}

/** In order, without repeats or empty slugs, at most MAX_TAGS. */
export function mergeTags(...lists: readonly (readonly Tag[])[]): Tag[] {
  const seen = new Set<string>();
  const tags: Tag[] = [];
  for (const tag of lists.flat()) {
    if (tag.slug === '' || seen.has(tag.slug)) continue;
    seen.add(tag.slug);
    tags.push(tag);
  }
  return tags.slice(0, MAX_TAGS);
}

/** Trailing punctuation and possessives off: "Kenya." -> "Kenya", "Modi's" -> "Modi". */
function cleanName(raw: string): string {
  return raw.trim().replace(/['’]s$/, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/\s+/g, ' ');
}
