// Classification quality on the hand-labelled corpus stories
// (src/ingest/classify/testdata/corpus-labels.json), per labelling batch and in all:
// sector accuracy of the seed model (built-in terms, no labels), cross-validated (5 folds,
// each fold classified by a model trained on the other folds only), and held out (a later
// batch classified by a model trained on the earlier batches only); country precision,
// recall and F1; then the speed of countries + tags per story.
// Batch 1 (174) is what the model and gazetteer were tuned on; batch 2 (143) was labelled
// after the first freeze and then used for a second round of tuning; batch 3 was labelled
// after that and never tuned on by the sector work; batch 4 (77: The Guardian US edition,
// The Economist Asia) was labelled before the gazetteer's subdivisions and never tuned on.
// bench/RESULTS.md says which figure is which.
import { DEFAULT_SECTORS } from '../src/config/site-defaults.ts';
import { measureQuality, type LabelledCase, type QualityReport } from '../src/ingest/classify/quality.ts';
import { classifyGeo } from '../src/ingest/classify/story-geo.ts';
import { loadTagger } from '../src/ingest/classify/tags.ts';
import { CORPUS_DIR, corpusPresent, loadLabelledCorpus } from '../src/ingest/classify/testdata/labelled-corpus.ts';

export interface ClassifyRow {
  readonly name: string;
  readonly plain: QualityReport;
  readonly crossValidated: QualityReport;
  /** Trained on the earlier batches only. */
  readonly heldOut?: QualityReport;
}

export interface ClassifyFigures {
  readonly rows: readonly ClassifyRow[];
  /** Countries and tags (countries and categories) for one story, mean milliseconds. */
  readonly geoMsPerStory: number;
  /** The same with compromise's people and organisations. */
  readonly namedEntitiesMsPerStory: number;
}

export async function benchClassify(): Promise<ClassifyFigures> {
  if (!corpusPresent()) throw new Error(`bench/classify: no corpus at ${CORPUS_DIR} (set WIREDESK_CORPUS)`);
  const cases = loadLabelledCorpus();
  const batches = [...new Set(cases.map((c) => c.batch ?? 1))].sort();
  const row = (name: string, set: readonly LabelledCase[], earlier: readonly LabelledCase[]): ClassifyRow => ({
    name,
    plain: measureQuality(set, DEFAULT_SECTORS),
    crossValidated: measureQuality(set, DEFAULT_SECTORS, { folds: 5 }),
    ...(earlier.length > 0 ? { heldOut: measureQuality(set, DEFAULT_SECTORS, { trainOn: earlier }) } : {}),
  });
  const rows = [
    ...batches.map((b) => row(`batch ${b}`, cases.filter((c) => c.batch === b), cases.filter((c) => (c.batch ?? 1) < b))),
    row('all', cases, []),
  ];
  const tagger = await loadTagger();
  for (const c of cases.slice(0, 10)) classifyGeo(c.draft, tagger); // warm-up
  const time = (run: () => void): number => {
    const started = performance.now();
    run();
    return (performance.now() - started) / cases.length;
  };
  const geoMsPerStory = time(() => cases.forEach((c) => classifyGeo(c.draft)));
  const namedEntitiesMsPerStory = time(() => cases.forEach((c) => classifyGeo(c.draft, tagger)));
  return { rows, geoMsPerStory, namedEntitiesMsPerStory };
}

export function classifyLines(f: ClassifyFigures): string[] {
  return [
    ...f.rows.map(
      (r) =>
        `classify ${r.name} (${r.plain.stories} stories): sector accuracy ${r.plain.sectorAccuracy.toFixed(3)} seed model, ` +
        `${r.crossValidated.sectorAccuracy.toFixed(3)} cross-validated (5 folds)` +
        (r.heldOut ? `, ${r.heldOut.sectorAccuracy.toFixed(3)} trained on the earlier batches only` : '') +
        `; countries precision ${r.plain.countryPrecision.toFixed(3)}, recall ${r.plain.countryRecall.toFixed(3)}, F1 ${r.plain.countryF1.toFixed(3)}`,
    ),
    `classify: countries + tags ${f.geoMsPerStory.toFixed(2)} ms per story (${f.namedEntitiesMsPerStory.toFixed(2)} ms with compromise's people and organisations)`,
  ];
}
