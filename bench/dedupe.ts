// Duplicates and clusters: precision and recall of both levels on the labelled pairs
// (src/ingest/dedupe/testdata/labelled-pairs.json), and what the stage costs ingest —
// the same wire ingested with the stage off and on, alternately, in one run (the box
// is shared: only the ratio within a run means much).
import { benchIngestInChild, type IngestFigures } from './ingest.ts';
import { measureDedupe, type DedupeQuality } from '../src/ingest/dedupe/quality.ts';
import { CORPUS_DIR, corpusPresent, loadLabelledPairs } from '../src/ingest/dedupe/testdata/labelled-pairs.ts';

export interface DedupeFigures {
  readonly quality: DedupeQuality;
  readonly off: readonly IngestFigures[];
  readonly on: readonly IngestFigures[];
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function benchDedupe(count: number, rounds = 3): Promise<DedupeFigures> {
  if (!corpusPresent()) throw new Error(`bench/dedupe: no corpus at ${CORPUS_DIR} (set WIREDESK_CORPUS)`);
  const quality = measureDedupe(loadLabelledPairs());
  const off: IngestFigures[] = [];
  const on: IngestFigures[] = [];
  for (let r = 0; r < rounds; r++) {
    off.push(await benchIngestInChild(count, { dedupe: false }));
    on.push(await benchIngestInChild(count, { dedupe: true }));
  }
  return { quality, off, on };
}

export function dedupeLines(f: DedupeFigures, count: number): string[] {
  const q = f.quality;
  const level = (name: string, l: DedupeQuality['sameStory']) =>
    `${name}: precision ${l.precision.toFixed(3)}, recall ${l.recall.toFixed(3)} (${l.truePositives} right, ${l.falsePositives} wrong, ${l.falseNegatives} missed)`;
  const off = median(f.off.map((x) => x.itemsPerSecond));
  const on = median(f.on.map((x) => x.itemsPerSecond));
  const runs = (xs: readonly IngestFigures[]) => xs.map((x) => Math.round(x.itemsPerSecond)).join(', ');
  const cpuOff = median(f.off.map((x) => x.itemsPerCpuSecond ?? 0));
  const cpuOn = median(f.on.map((x) => x.itemsPerCpuSecond ?? 0));
  return [
    `dedupe quality (${q.pairs} labelled pairs: ${q.labels.story} same story, ${q.labels.event} same event, ${q.labels.different} different)`,
    `  ${level('same story', q.sameStory)}`,
    `  ${level('same event', q.sameEvent)}`,
    `  LSH candidates among labelled positives: ${q.lshFound.story}/${q.labels.story} same story, ${q.lshFound.event}/${q.labels.event} same event`,
    ...q.mistakes.filter((m) => !m.includes('judged different')).map((m) => `  wrong: ${m}`),
    ...q.mistakes.filter((m) => m.includes('judged different')).slice(0, 5).map((m) => `  missed: ${m}`),
    `  (${q.mistakes.filter((m) => m.includes('judged different')).length} missed in all)`,
    `ingest ${count} items, SQLite, stage off / on (median of ${f.off.length}): ${Math.round(off)} / ${Math.round(on)} items/s = ${(on / off).toFixed(2)}x (off ${runs(f.off)}; on ${runs(f.on)}); ` +
      `per CPU second ${Math.round(cpuOff)} / ${Math.round(cpuOn)} = ${(cpuOn / cpuOff).toFixed(2)}x`,
  ];
}
