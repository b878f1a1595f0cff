// Quality against the hand-labelled stories from the shared corpus (real news feeds):
// sector and countries, on every labelled story and on the first batch (the one the model
// and gazetteer were tuned on) apart. Skipped, saying why, when the corpus is not beside
// the repository.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import { measureQuality } from './quality.ts';
import { CORPUS_DIR, corpusPresent, loadLabelledCorpus } from './testdata/labelled-corpus.ts';

const present = corpusPresent();
if (!present) console.log(`classify quality: skipped, no corpus at ${CORPUS_DIR} (set WIREDESK_CORPUS)`);

// The bars are sector accuracy 0.8 and country F1 0.9; these floors are what the
// classifier reaches today (bench/RESULTS.md), so a change that makes it worse fails.
const FLOORS = {
  all: { plain: 0.7, crossValidated: 0.66, countryF1: 0.885 },
  tuned: { plain: 0.67, crossValidated: 0.74, countryF1: 0.915 },
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

  it('never trains a held-out test on the stories it scores', () => {
    expect(() => measureQuality(cases.slice(0, 10), DEFAULT_SECTORS, { trainOn: cases.slice(5, 20) })).toThrow(/must not train on the stories it scores/);
  });
});
