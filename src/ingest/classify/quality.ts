// How well classify agrees with hand labels: sector accuracy and country precision,
// recall and F1 (micro-averaged over every labelled country). Pure: the caller loads
// the labelled stories (testdata/labelled-corpus.ts).
import type { Sector } from '../../domain/site.ts';
import type { StoryDraft } from '../../domain/story.ts';
import { explainSector } from './index.ts';
import { classifyGeo } from './story-geo.ts';
import type { Tagger } from './tags.ts';
import { trainSectorModel, type LabelledStory, type SectorModel } from './sector-model.ts';

export interface LabelledCase {
  /** Where the story is, for the miss list: `file#item`. */
  readonly ref: string;
  readonly draft: StoryDraft;
  readonly subjects?: readonly string[] | undefined;
  readonly sector: string;
  readonly countries: readonly string[];
  /** Which labelling round (labelled-corpus.ts): 1 was tuned on, later ones are held out. */
  readonly batch?: number;
  /** Where a labelled set mixes languages: the story's ("en", "es"…). */
  readonly language?: string;
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
   * Cross-validate the model learned from labels: split the cases into this many folds and
   * classify each fold with a model trained (trainSectorModel) on the other folds only, as
   * if editors had labelled the rest. Never trained on the story being scored.
   */
  readonly folds?: number;
  /**
   * Or: train one model on these stories (none of them among the cases) and classify the
   * cases with it: a held-out test. Without either, the model of the built-in terms alone.
   */
  readonly trainOn?: readonly LabelledCase[];
}

export function measureQuality(cases: readonly LabelledCase[], sectors: readonly Sector[], options: QualityOptions = {}): QualityReport {
  const folds = options.folds ?? 0;
  if (options.trainOn && folds >= 2) throw new Error('classify/quality: folds and trainOn are two different tests; pass one');
  const refs = new Set(cases.map((c) => c.ref));
  if (options.trainOn?.some((c) => refs.has(c.ref))) throw new Error('classify/quality: a held-out test must not train on the stories it scores');
  const heldOut = options.trainOn ? trainSectorModel(sectors, options.trainOn.map(labelledStory)) : undefined;
  // Interleaved folds: every feed lands in every fold.
  const models = folds < 2 ? [] : Array.from({ length: folds }, (_, fold) => trainSectorModel(sectors, cases.filter((_, i) => i % folds !== fold).map(labelledStory)));
  const modelFor = (index: number): SectorModel | undefined => heldOut ?? models[index % folds];
  let sectorHits = 0;
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  const sectorMisses: string[] = [];
  const countryMisses: string[] = [];
  for (const [index, c] of cases.entries()) {
    const model = modelFor(index);
    const sector = explainSector({ ...c.draft, subjects: c.subjects }, sectors, model ? { model } : {});
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

/** A labelled case as the sector model's training text. */
export function labelledStory(c: LabelledCase): LabelledStory {
  return { sector: c.sector, headline: c.draft.headline, summary: c.draft.summary, bodyHtml: c.draft.bodyHtml, categories: c.draft.categories };
}

export interface LabellerAgreement {
  readonly stories: number;
  /** Share of stories the two labellers filed under the same sector. */
  readonly agreement: number;
  /** Cohen's kappa: agreement beyond what each labeller's sector shares would give by chance. */
  readonly kappa: number;
  /** The seed model's sector accuracy against the second labeller. */
  readonly modelVsSecond: number;
  /** How many stories both filed alike, and the seed model's accuracy on those. */
  readonly agreed: number;
  readonly modelOnAgreed: number;
}

/**
 * How far a second, blind labeller agrees with the first on the same stories (`second`:
 * identity to sector), and how the seed model does against each: a ceiling for sector
 * accuracy, and whether the model's misses are where people disagree too.
 */
export function labellerAgreement(cases: readonly LabelledCase[], second: ReadonlyMap<string, string>, sectors: readonly Sector[]): LabellerAgreement {
  const firstShare = new Map<string, number>();
  const secondShare = new Map<string, number>();
  let same = 0;
  let modelSecond = 0;
  let modelAgreed = 0;
  for (const c of cases) {
    const other = second.get(c.draft.identity);
    if (other === undefined) throw new Error(`classify/quality: the second labeller has no sector for ${c.ref}`);
    const got = explainSector({ ...c.draft, subjects: c.subjects }, sectors).sector;
    firstShare.set(c.sector, (firstShare.get(c.sector) ?? 0) + 1);
    secondShare.set(other, (secondShare.get(other) ?? 0) + 1);
    if (got === other) modelSecond++;
    if (other === c.sector) {
      same++;
      if (got === c.sector) modelAgreed++;
    }
  }
  const n = cases.length;
  const observed = n === 0 ? 0 : same / n;
  let chance = 0;
  for (const [sector, count] of firstShare) chance += (count / n) * ((secondShare.get(sector) ?? 0) / n);
  return {
    stories: n,
    agreement: observed,
    kappa: chance === 1 ? 1 : (observed - chance) / (1 - chance),
    modelVsSecond: n === 0 ? 0 : modelSecond / n,
    agreed: same,
    modelOnAgreed: same === 0 ? 0 : modelAgreed / same,
  };
}
