// How well classify agrees with hand labels: sector accuracy and country precision,
// recall and F1 (micro-averaged over every labelled country). Pure: the caller loads
// the labelled stories (testdata/labelled-corpus.ts).
import type { Sector } from '../../domain/site.ts';
import type { StoryDraft } from '../../domain/story.ts';
import { explainSector } from './index.ts';
import { classifyGeo } from './story-geo.ts';
import type { Tagger } from './tags.ts';
import { learnTerms, type LearnedTerms } from './learned-terms.ts';

export interface LabelledCase {
  /** Where the story is, for the miss list: `file#item`. */
  readonly ref: string;
  readonly draft: StoryDraft;
  readonly subjects?: readonly string[] | undefined;
  readonly sector: string;
  readonly countries: readonly string[];
}

export interface QualityReport {
  readonly stories: number;
  readonly sectorAccuracy: number;
  readonly countryPrecision: number;
  readonly countryRecall: number;
  readonly countryF1: number;
  /** `ref: expected -> got`, for reading what went wrong. */
  readonly sectorMisses: readonly string[];
  readonly countryMisses: readonly string[];
}

const noTags: Tagger = () => [];

export interface QualityOptions {
  /**
   * Cross-validate the learning from labels: split the cases into this many folds and
   * classify each fold with terms learned (learnTerms) from the others only, as if
   * editors had labelled the rest. Without it the classifier runs on its own lists.
   */
  readonly folds?: number;
}

export function measureQuality(cases: readonly LabelledCase[], sectors: readonly Sector[], options: QualityOptions = {}): QualityReport {
  const folds = options.folds ?? 0;
  // Interleaved folds: every feed lands in every fold.
  const learnedFor = (index: number): LearnedTerms | undefined =>
    folds < 2 ? undefined : learnedByFold(cases, folds)[index % folds];
  let sectorHits = 0;
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  const sectorMisses: string[] = [];
  const countryMisses: string[] = [];
  for (const [index, c] of cases.entries()) {
    const learned = learnedFor(index);
    const sector = explainSector({ ...c.draft, subjects: c.subjects }, sectors, learned ? { learned } : {});
    if (sector.sector === c.sector) sectorHits++;
    else sectorMisses.push(`${c.ref}: ${c.sector} -> ${sector.sector} (${sector.via}: ${sector.terms.join(', ')})`);
    const got = new Set(classifyGeo(c.draft, noTags).countries);
    const want = new Set(c.countries);
    const hits = [...got].filter((country) => want.has(country)).length;
    truePositives += hits;
    predicted += got.size;
    expected += want.size;
    if (hits !== got.size || hits !== want.size) countryMisses.push(`${c.ref}: [${[...want].join(',')}] -> [${[...got].join(',')}]`);
  }
  const countryPrecision = predicted === 0 ? 1 : truePositives / predicted;
  const countryRecall = expected === 0 ? 1 : truePositives / expected;
  const sum = countryPrecision + countryRecall;
  return {
    stories: cases.length,
    sectorAccuracy: cases.length === 0 ? 0 : sectorHits / cases.length,
    countryPrecision,
    countryRecall,
    countryF1: sum === 0 ? 0 : (2 * countryPrecision * countryRecall) / sum,
    sectorMisses,
    countryMisses,
  };
}

const FOLD_CACHE = new WeakMap<readonly LabelledCase[], Map<number, LearnedTerms[]>>();

function learnedByFold(cases: readonly LabelledCase[], folds: number): LearnedTerms[] {
  const cached = FOLD_CACHE.get(cases) ?? new Map<number, LearnedTerms[]>();
  FOLD_CACHE.set(cases, cached);
  let learned = cached.get(folds);
  if (!learned) {
    learned = Array.from({ length: folds }, (_, fold) =>
      learnTerms(cases.filter((_, i) => i % folds !== fold).map((c) => ({ sector: c.sector, headline: c.draft.headline, summary: c.draft.summary }))),
    );
    cached.set(folds, learned);
  }
  return learned;
}
