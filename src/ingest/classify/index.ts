import type { Sector } from '../../domain/site.ts';
import type { StoryDraft } from '../../domain/story.ts';
import { htmlPrefix, htmlToText } from '../../lib/html.ts';
import { foldToAscii } from '../../lib/text.ts';
import { SECTOR_VOCABULARY } from './sector-terms.ts';
import { buildTermIndex, findTerms, stem } from './term-index.ts';
import { sectorForSubject } from './subject-codes.ts';
import type { LearnedTerms } from './learned-terms.ts';
import type { TermHit, TermIndex } from './term-index.ts';

export type ClassifiableDraft = Pick<StoryDraft, 'headline' | 'summary' | 'bodyHtml' | 'categories'> & {
  /** The agency's IPTC subject codes / Media Topics (`subj:15000000`, `medtop:…`). */
  readonly subjects?: readonly string[] | undefined;
};

export interface ClassifyOptions {
  /** Sector slug for stories with no signal; default 'politics' when listed, else the first sector. */
  readonly defaultSector?: string;
  /** Terms learned from editors' corrections (learnTerms); pass the same object each time. */
  readonly learned?: LearnedTerms;
}

export interface SectorExplanation {
  readonly sector: string;
  /** What decided: the agency's subject codes, the feed's categories, the keyword score, or nothing (the default). */
  readonly via: 'subject' | 'category' | 'keywords' | 'default';
  /** The categories or terms that decided, strongest first (at most 5). */
  readonly terms: readonly string[];
  readonly score: number;
}

const HEADLINE_WEIGHT = 3;
const TEXT_WEIGHT = 1;
// One word repeated all through a long story should not outvote the rest.
const MAX_COUNT_PER_TERM = 3;
// Below this there is no signal: one passing mention in the body is not a topic.
const MIN_SCORE = 2;
// The lead decides the topic; reading further costs time and adds noise.
const BODY_CHARS = 4000;
const TOP_TERMS = 5;

interface Classifier {
  readonly categories: ReadonlyMap<string, number>;
  readonly terms: TermIndex;
}

// Sector lists are configuration, loaded once: one classifier per list object (and
// per set of learned terms).
const CLASSIFIERS = new WeakMap<readonly Sector[], Classifier>();
const LEARNED_CLASSIFIERS = new WeakMap<LearnedTerms, WeakMap<readonly Sector[], Classifier>>();

/** The sector slug for a story draft. */
export function classifySector(draft: ClassifiableDraft, sectors: readonly Sector[], options?: ClassifyOptions): string {
  return explainSector(draft, sectors, options).sector;
}

/**
 * The sector and why: the agency's IPTC subject codes first, then feed categories (matched against sector names and aliases),
 * then a keyword score over headline (x3) and summary and body (x1), then the default.
 */
export function explainSector(
  draft: ClassifiableDraft,
  sectors: readonly Sector[],
  options: ClassifyOptions = {},
): SectorExplanation {
  const fallback = defaultSector(sectors, options);
  const classifier = classifierFor(sectors, options.learned);
  const bySubject = matchSubjects(draft.subjects ?? [], sectors);
  if (bySubject) return bySubject;
  const byCategory = matchCategories(classifier, draft.categories, sectors);
  if (byCategory) return byCategory;

  const scores = new Map<number, Map<string, number>>();
  const addField = (text: string, weight: number): void => {
    const counts = new Map<TermHit, number>();
    for (const hit of findTerms(classifier.terms, text)) counts.set(hit, (counts.get(hit) ?? 0) + 1);
    for (const [hit, count] of counts) {
      const terms = scores.get(hit.sector) ?? new Map<string, number>();
      scores.set(hit.sector, terms);
      terms.set(hit.term, (terms.get(hit.term) ?? 0) + weight * Math.min(count, MAX_COUNT_PER_TERM));
    }
  };
  addField(draft.headline, HEADLINE_WEIGHT);
  addField(`${draft.summary}\n${htmlToText(htmlPrefix(draft.bodyHtml, BODY_CHARS))}`, TEXT_WEIGHT);

  let best: { sector: number; score: number; terms: Map<string, number> } | undefined;
  for (const [sector, terms] of scores) {
    let score = 0;
    for (const points of terms.values()) score += points;
    if (!best || score > best.score || (score === best.score && sector < best.sector)) best = { sector, score, terms };
  }
  const winner = best === undefined ? undefined : sectors[best.sector];
  if (!best || !winner || best.score < MIN_SCORE) return { sector: fallback, via: 'default', terms: [], score: 0 };
  const top = [...best.terms].sort((a, b) => b[1] - a[1]).slice(0, TOP_TERMS).map(([term]) => term);
  return { sector: winner.slug, via: 'keywords', terms: top, score: best.score };
}

function defaultSector(sectors: readonly Sector[], options: ClassifyOptions): string {
  const configured = sectors.find((sector) => sector.slug === options.defaultSector);
  const chosen = configured ?? sectors.find((sector) => sector.slug === 'politics') ?? sectors[0];
  if (!chosen) throw new Error('classify: the site has no sectors');
  return chosen.slug;
}

function classifierFor(sectors: readonly Sector[], learned?: LearnedTerms): Classifier {
  let cache = CLASSIFIERS;
  if (learned) {
    cache = LEARNED_CLASSIFIERS.get(learned) ?? new WeakMap();
    LEARNED_CLASSIFIERS.set(learned, cache);
  }
  let classifier = cache.get(sectors);
  if (!classifier) {
    classifier = buildClassifier(sectors, learned);
    cache.set(sectors, classifier);
  }
  return classifier;
}

/** Most codes naming one sector win; codes for sectors the site lacks are ignored. */
function matchSubjects(subjects: readonly string[], sectors: readonly Sector[]): SectorExplanation | undefined {
  const votes = new Map<string, string[]>();
  for (const code of subjects) {
    const sector = sectorForSubject(code);
    if (sector && sectors.some((s) => s.slug === sector)) votes.set(sector, [...(votes.get(sector) ?? []), code]);
  }
  let best: [string, string[]] | undefined;
  for (const entry of votes) if (!best || entry[1].length > best[1].length) best = entry;
  return best ? { sector: best[0], via: 'subject', terms: best[1].slice(0, TOP_TERMS), score: best[1].length } : undefined;
}

function buildClassifier(sectors: readonly Sector[], learned?: LearnedTerms): Classifier {
  const categories = new Map<string, number>();
  const termsBySector = sectors.map((sector, index) => {
    const vocabulary = SECTOR_VOCABULARY[sector.slug];
    const names = [sector.name, sector.slug.replace(/-/g, ' '), ...namePartsOf(sector.name)];
    for (const alias of [...names, ...(vocabulary?.aliases ?? [])]) {
      const key = categoryKey(alias);
      if (key !== '' && !categories.has(key)) categories.set(key, index);
    }
    // A site's own sector still scores on the words of its name.
    return [...(vocabulary?.terms ?? []), ...namePartsOf(sector.name), ...(learned?.get(sector.slug) ?? [])];
  });
  return { categories, terms: buildTermIndex(termsBySector) };
}

/** "Economy & Business" -> ["Economy", "Business"]; "Agro-Forestry" -> ["Agro", "Forestry"]. */
function namePartsOf(name: string): string[] {
  return name.split(/\s*(?:&|\band\b|,|\/|-)\s*/i).filter((part) => part.trim().length > 2);
}

function categoryKey(text: string): string {
  return foldToAscii(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(?:latest|top|breaking)\s+/, '')
    .replace(/\s+(?:news|stories|roundup)$/, '')
    .split(' ')
    .map(stem)
    .join(' ');
}

function matchCategories(
  classifier: Classifier,
  categories: readonly string[],
  sectors: readonly Sector[],
): SectorExplanation | undefined {
  const votes = new Map<number, string[]>();
  for (const category of categories) {
    // "News/World/Health", "Sport > Cricket": any level may name the sector.
    for (const part of category.split(/\s*[/>|:;]\s*/)) {
      const sector = classifier.categories.get(categoryKey(part));
      if (sector === undefined) continue;
      const matched = votes.get(sector) ?? [];
      if (!matched.includes(category)) matched.push(category);
      votes.set(sector, matched);
    }
  }
  let best: [number, string[]] | undefined;
  for (const entry of votes) if (!best || entry[1].length > best[1].length) best = entry;
  const winner = best === undefined ? undefined : sectors[best[0]];
  if (!best || !winner) return undefined;
  return { sector: winner.slug, via: 'category', terms: best[1].slice(0, TOP_TERMS), score: best[1].length };
}
