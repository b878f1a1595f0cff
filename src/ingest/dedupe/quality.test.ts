// The bars of the duplicates stage on the labelled pairs (testdata/labelled-pairs.json):
// same story precision ≥ 0.99 and recall ≥ 0.95, same event precision ≥ 0.9.
import { describe, expect, it } from 'vitest';
import { measureDedupe } from './quality.ts';
import { CORPUS_DIR, corpusPresent, loadLabelledPairs } from './testdata/labelled-pairs.ts';

const present = corpusPresent();
if (!present) console.log(`ingest/dedupe quality test skipped: no corpus at ${CORPUS_DIR} (set WIREDESK_CORPUS)`);

describe.skipIf(!present)('dedupe quality on the labelled pairs', () => {
  const q = present ? measureDedupe(loadLabelledPairs()) : undefined;

  it('has at least 200 pairs, half of them hard negatives', () => {
    expect(q!.pairs).toBeGreaterThanOrEqual(200);
    expect(q!.labels.different * 2).toBeGreaterThanOrEqual(q!.pairs);
  });

  it('meets the same-story bars', () => {
    expect(q!.sameStory.precision, q!.mistakes.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(q!.sameStory.recall, q!.mistakes.join('\n')).toBeGreaterThanOrEqual(0.95);
    // Every labelled copy is also found as a candidate (exact key or a shared band).
    expect(q!.lshFound.story).toBe(q!.labels.story);
  });

  it('meets the same-event precision bar', () => {
    expect(q!.sameEvent.precision, q!.mistakes.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(q!.sameEvent.truePositives).toBeGreaterThan(0);
  });
});
