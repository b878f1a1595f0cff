// Classification quality on the hand-labelled corpus stories
// (src/ingest/classify/testdata/corpus-labels.json): sector accuracy, with and without
// terms learned from labels (5-fold cross-validation), and country precision, recall
// and F1; then the speed of countries + tags per story.
import { DEFAULT_SECTORS } from '../src/config/site-defaults.ts';
import { measureQuality, type QualityReport } from '../src/ingest/classify/quality.ts';
import { classifyGeo } from '../src/ingest/classify/story-geo.ts';
import { loadTagger } from '../src/ingest/classify/tags.ts';
import { CORPUS_DIR, corpusPresent, loadLabelledCorpus } from '../src/ingest/classify/testdata/labelled-corpus.ts';

export interface ClassifyFigures {
  readonly plain: QualityReport;
  readonly learned: QualityReport;
  /** Countries and tags (countries and categories) for one story, mean milliseconds. */
  readonly geoMsPerStory: number;
  /** The same with compromise's people and organisations. */
  readonly namedEntitiesMsPerStory: number;
}

export async function benchClassify(): Promise<ClassifyFigures> {
  if (!corpusPresent()) throw new Error(`bench/classify: no corpus at ${CORPUS_DIR} (set WIREDESK_CORPUS)`);
  const cases = loadLabelledCorpus();
  const plain = measureQuality(cases, DEFAULT_SECTORS);
  const learned = measureQuality(cases, DEFAULT_SECTORS, { folds: 5 });
  const tagger = await loadTagger();
  for (const c of cases.slice(0, 10)) classifyGeo(c.draft, tagger); // warm-up
  const time = (run: () => void): number => {
    const started = performance.now();
    run();
    return (performance.now() - started) / cases.length;
  };
  const geoMsPerStory = time(() => cases.forEach((c) => classifyGeo(c.draft)));
  const namedEntitiesMsPerStory = time(() => cases.forEach((c) => classifyGeo(c.draft, tagger)));
  return { plain, learned, geoMsPerStory, namedEntitiesMsPerStory };
}
