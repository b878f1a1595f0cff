import type { Sector } from '../../domain/site.ts';
import type { StoryDraft } from '../../domain/story.ts';
import { foldToAscii } from '../../lib/text.ts';
import { SECTOR_VOCABULARY } from './sector-terms.ts';
import { categoryStillNames, namePartsOf, scoreWithModel, stem, storyLead, trainSectorModel, type ModelScore, type SectorModel } from './sector-model.ts';
import { sectorForSubject } from './subject-codes.ts';

export type ClassifiableDraft = Pick<StoryDraft, 'headline' | 'summary' | 'bodyHtml' | 'categories'> & {
  /** The agency's IPTC subject codes / Media Topics (`subj:15000000`, `medtop:…`). */
  readonly subjects?: readonly string[] | undefined;
  /** The body's lead as plain text (storyLead), when the caller already has it. */
  readonly leadText?: string;
};

export interface ClassifyOptions {
  /** Sector slug for stories with no signal; default 'politics' when listed, else the first sector. */
  readonly defaultSector?: string;
  /**
   * The text classifier trained from editors' labels (trainSectorModel over sector_labels).
   * Without it, a model of the built-in sector terms alone (built once per sector list).
   */
  readonly model?: SectorModel;
}

export interface SectorExplanation {
  readonly sector: string;
  /** What decided: the agency's subject codes, the feed's categories, the text classifier, or nothing (the default). */
  readonly via: 'subject' | 'category' | 'model' | 'default';
  /** The codes, categories or words that decided, strongest first (at most 5). */
  readonly terms: readonly string[];
  /** Codes or categories: how many agreed. The model: log-odds of the winner over the runner-up. */
  readonly score: number;
}

const TOP_TERMS = 5;
// A headline word counts 2: one passing mention in the body is not a topic.
const MIN_EVIDENCE = 2;
// Once the model has learned from this many labels, it decides even a story with no telling
// word (its bias has learned where quiet stories go) rather than the default sector. Chosen
// on the tuned batches, training on 10 / 30 / 100 / 200 of their labels and scoring the rest:
// deciding anyway lost 0.003-0.018 at 10 and 30 labels and gained 0.003-0.013 at 100 and 200.
const TRUST_LABELS = 100;
// How much more likely (log-odds, about three headline words' worth) the text must make
// another sector than the one a feed category names before it overrules the category.
// Chosen on batches 1-2 of the labelled corpus: 3 to 10 score alike there, 20 loses stories.
const CATEGORY_OVERRULE = 6;
// How much of the lead the text model reads against a category: a story that is not what
// its section says shows it early. Chosen on batches 1, 2 and 5: 300 to 1,000 characters
// score alike there (0.798-0.800, 0.796 with the whole 3,000), and it keeps the check cheap
// for wires whose every item carries a section (about 10 µs an item instead of 18).
const CATEGORY_LEAD_CHARS = 600;

// Sector lists are configuration, loaded once: category keys and the seed-only model
// per list object.
const CATEGORY_KEYS = new WeakMap<readonly Sector[], ReadonlyMap<string, number>>();
const SEED_MODELS = new WeakMap<readonly Sector[], SectorModel>();

/** The sector slug for a story draft. */
export function classifySector(draft: ClassifiableDraft, sectors: readonly Sector[], options?: ClassifyOptions): string {
  return explainSector(draft, sectors, options).sector;
}

/**
 * The sector and why: the agency's IPTC subject codes first, then feed categories (matched against sector names and aliases),
 * then the text classifier (sector-model.ts: naive Bayes over headline, summary, lead and categories), then the default.
 */
export function explainSector(
  draft: ClassifiableDraft,
  sectors: readonly Sector[],
  options: ClassifyOptions = {},
): SectorExplanation {
  const fallback = defaultSector(sectors, options);
  const bySubject = matchSubjects(draft.subjects ?? [], sectors);
  if (bySubject) return bySubject;
  const model = options.model ?? seedModelFor(sectors);
  const byCategory = matchCategories(categoryKeysFor(sectors), draft.categories, sectors, model);
  // Against a category the text needs only its opening: the headline, the summary and
  // the lead's first CATEGORY_LEAD_CHARS characters.
  const opening = byCategory ? { ...draft, leadText: (draft.leadText ?? storyLead(draft.bodyHtml)).slice(0, CATEGORY_LEAD_CHARS) } : draft;
  const scored = scoreWithModel(model, opening);
  // A section-style category ("Politics", "Science", "Travel") names the sector unless the
  // text says otherwise, clearly: a court story filed under "Politics" goes to Law & Governance.
  if (byCategory && !overrules(model, scored, byCategory.sector)) return byCategory;
  // No word, or one passing mention, for the winner: nothing to go on.
  const trusted = model.learned !== undefined && model.labelled >= TRUST_LABELS;
  if ((!trusted && scored.evidence < MIN_EVIDENCE) || !sectors.some((s) => s.slug === scored.sector)) return { sector: fallback, via: 'default', terms: [], score: 0 };
  return modelExplanation(scored);
}

/** What the text classifier alone makes of the story (no subject codes, no categories): for the desk, beside the decision. */
export function explainText(draft: ClassifiableDraft, sectors: readonly Sector[], options: ClassifyOptions = {}): SectorExplanation {
  return modelExplanation(scoreWithModel(options.model ?? seedModelFor(sectors), draft));
}

function modelExplanation(scored: ModelScore): SectorExplanation {
  return { sector: scored.sector, via: 'model', terms: scored.terms, score: Math.round(scored.margin * 100) / 100 };
}

/** Whether the model's winner beats the category's sector by CATEGORY_OVERRULE log-odds, on real evidence. */
function overrules(model: SectorModel, scored: ModelScore, categorySector: string): boolean {
  if (scored.sector === categorySector || scored.evidence < MIN_EVIDENCE) return false;
  // The words' log-odds only: the word vectors' leaning (sector-affinity.ts) is diffuse
  // evidence, not a clear statement against the sector an editor's category names. Counting
  // it scored the same on the tuned batches (0.815-0.820 with CATEGORY_OVERRULE 6 to 10) but
  // let "Minister comments on the results" overrule "Health".
  const winner = scored.wordScores[model.sectors.indexOf(scored.sector)] ?? 0;
  const named = scored.wordScores[model.sectors.indexOf(categorySector)] ?? winner;
  return winner - named >= CATEGORY_OVERRULE;
}

function defaultSector(sectors: readonly Sector[], options: ClassifyOptions): string {
  const configured = sectors.find((sector) => sector.slug === options.defaultSector);
  const chosen = configured ?? sectors.find((sector) => sector.slug === 'politics') ?? sectors[0];
  if (!chosen) throw new Error('classify: the site has no sectors');
  return chosen.slug;
}

function seedModelFor(sectors: readonly Sector[]): SectorModel {
  let model = SEED_MODELS.get(sectors);
  if (!model) {
    model = trainSectorModel(sectors);
    SEED_MODELS.set(sectors, model);
  }
  return model;
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

function categoryKeysFor(sectors: readonly Sector[]): ReadonlyMap<string, number> {
  let categories = CATEGORY_KEYS.get(sectors);
  if (categories) return categories;
  const keys = new Map<string, number>();
  sectors.forEach((sector, index) => {
    const vocabulary = SECTOR_VOCABULARY[sector.slug];
    const names = [sector.name, sector.slug.replace(/-/g, ' '), ...namePartsOf(sector.name)];
    for (const alias of [...names, ...(vocabulary?.aliases ?? [])]) {
      const key = categoryKey(alias);
      if (key !== '' && !keys.has(key)) keys.set(key, index);
    }
  });
  categories = keys;
  CATEGORY_KEYS.set(sectors, categories);
  return categories;
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
  keys: ReadonlyMap<string, number>,
  categories: readonly string[],
  sectors: readonly Sector[],
  model: SectorModel,
): SectorExplanation | undefined {
  const votes = new Map<number, string[]>();
  for (const category of categories) {
    // "News/World/Health", "Sport > Cricket": any level may name the sector.
    for (const part of category.split(/\s*[/>|:;]\s*/)) {
      const sector = keys.get(categoryKey(part));
      // Editors keep filing this category's stories elsewhere: let the text decide.
      if (sector === undefined || !categoryStillNames(model, category, sectors[sector]?.slug ?? '')) continue;
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
