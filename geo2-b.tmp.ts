import { DEFAULT_SECTORS } from './src/config/site-defaults.ts';
import { measureQuality } from './src/ingest/classify/quality.ts';
import { loadLabelledCorpus } from './src/ingest/classify/testdata/labelled-corpus.ts';
const all = loadLabelledCorpus().filter((c) => (c.batch ?? 1) <= 3);
for (const b of [1, 2, 3]) { const r = measureQuality(all.filter((c) => (c.batch ?? 1) === b), DEFAULT_SECTORS); console.log(b, r.countryPrecision.toFixed(3), r.countryRecall.toFixed(3), r.countryF1.toFixed(3)); }
const r = measureQuality(all, DEFAULT_SECTORS); console.log('1-3', r.countryPrecision.toFixed(3), r.countryRecall.toFixed(3), r.countryF1.toFixed(3));
