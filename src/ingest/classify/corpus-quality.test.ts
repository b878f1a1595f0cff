// Quality against the hand-labelled stories from the shared corpus (real news feeds):
// sector and countries, on every labelled story, on the first batch (the one the model and
// gazetteer were first tuned on) and on the held-out batches (never looked at while tuning)
// apart. Skipped, saying why, when the corpus is not beside the repository.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import { labellerAgreement, measureQuality } from './quality.ts';
import { CORPUS_DIR, corpusPresent, HELD_OUT_BATCHES, loadLabelledCorpus, loadSecondLabels } from './testdata/labelled-corpus.ts';

const present = corpusPresent();
if (!present) console.log(`classify quality: skipped, no corpus at ${CORPUS_DIR} (set WIREDESK_CORPUS)`);

// The bars are sector accuracy 0.8 and country F1 0.9; these floors are what the
// classifier reaches today, less a story or two, so a change that makes it worse fails
// (bench/RESULTS.md, 2026-11-29 late, learned layer: sector 0.795 all, 0.833 batch 1, 0.749
// held out; learning from the other folds' labels 0.809, 0.839, 0.749; country F1 0.914 all,
// 0.904 held out). The cross-validated floors were 0.73 / 0.81 / 0.72 while labels were added
// to the naive Bayes counts (sector-learning.ts says why that changed). On the held-out
// batches alone the sector bar is not met: see RESULTS.md.
const FLOORS = {
  all: { plain: 0.785, crossValidated: 0.8, countryF1: 0.905 },
  tuned: { plain: 0.82, crossValidated: 0.83, countryF1: 0.93 },
  heldOut: { plain: 0.74, crossValidated: 0.74, countryF1: 0.895 },
};

describe.skipIf(!present)('classify quality on the labelled corpus', () => {
  const cases = present ? loadLabelledCorpus() : [];

  it('has at least 150 labelled stories, every label a configured sector', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const slugs = new Set(DEFAULT_SECTORS.map((s) => s.slug));
    expect(cases.filter((c) => !slugs.has(c.sector)).map((c) => c.ref)).toEqual([]);
  });

  it.each([
    ['all', () => cases, FLOORS.all],
    ['tuned', () => cases.filter((c) => c.batch === 1), FLOORS.tuned],
    ['held out', () => cases.filter((c) => HELD_OUT_BATCHES.includes(c.batch ?? 1)), FLOORS.heldOut],
  ] as const)('files sectors and finds countries at least as well as recorded (%s)', (name, pick, floors) => {
    const set = pick();
    const report = measureQuality(set, DEFAULT_SECTORS);
    const learned = measureQuality(set, DEFAULT_SECTORS, { folds: 5 });
    console.log(
      `classify quality (${name}): ${report.stories} stories, sector accuracy ${report.sectorAccuracy.toFixed(3)} (${learned.sectorAccuracy.toFixed(3)} learning from the other folds' labels), ` +
        `countries P ${report.countryPrecision.toFixed(3)} R ${report.countryRecall.toFixed(3)} F1 ${report.countryF1.toFixed(3)}`,
    );
    expect(report.sectorAccuracy).toBeGreaterThanOrEqual(floors.plain);
    expect(learned.sectorAccuracy).toBeGreaterThanOrEqual(floors.crossValidated);
    expect(report.countryF1).toBeGreaterThanOrEqual(floors.countryF1);
  });

  it('files the fresh batch 7 (labelled blind, after every choice above) no worse than recorded', () => {
    // bench/RESULTS.md (2026-11-29 late): the 25 English stories 0.600 seed, 0.640 learning
    // from all 635 labels, country F1 0.984; floors a story below. The 75 in other languages:
    // sectors 0.373 / 0.387 (the vocabulary is English: no floor); countries F1 0.497 with
    // the other languages' country names (0.303 without).
    const fresh = loadLabelledCorpus(undefined, 'fresh');
    expect(fresh).toHaveLength(100);
    const english = fresh.filter((c) => c.language === 'en');
    expect(measureQuality(english, DEFAULT_SECTORS).sectorAccuracy).toBeGreaterThanOrEqual(0.56);
    expect(measureQuality(english, DEFAULT_SECTORS, { trainOn: cases }).sectorAccuracy).toBeGreaterThanOrEqual(0.6);
    expect(measureQuality(english, DEFAULT_SECTORS).countryF1).toBeGreaterThanOrEqual(0.95);
    expect(measureQuality(fresh.filter((c) => c.language !== 'en'), DEFAULT_SECTORS).countryF1).toBeGreaterThanOrEqual(0.48);
  });

  it('a second, blind labeller of the held-out batches agrees with the first on most stories; the model falls short of both', () => {
    // bench/RESULTS.md (2026-11-29, night): 0.877 agreement (kappa 0.843) between the two;
    // the seed model 0.749 against the first, 0.744 against the second, 0.792 on the 192
    // stories both filed alike. Every held-out story has a second label, and no other story does.
    const held = cases.filter((c) => HELD_OUT_BATCHES.includes(c.batch ?? 1));
    const second = loadSecondLabels();
    expect([...second.keys()].sort()).toEqual(held.map((c) => c.draft.identity).sort());
    const slugs = new Set(DEFAULT_SECTORS.map((s) => s.slug));
    expect([...second.values()].filter((s) => !slugs.has(s))).toEqual([]);
    const a = labellerAgreement(held, second, DEFAULT_SECTORS);
    expect(a.agreement).toBeCloseTo(192 / 219, 5);
    expect(a.kappa).toBeGreaterThan(0.8);
    expect(a.modelVsSecond).toBeGreaterThanOrEqual(0.735);
    expect(a.modelOnAgreed).toBeGreaterThanOrEqual(0.78);
  });

  it('never trains a held-out test on the stories it scores', () => {
    expect(() => measureQuality(cases.slice(0, 10), DEFAULT_SECTORS, { trainOn: cases.slice(5, 20) })).toThrow(/must not train on the stories it scores/);
  });
});
