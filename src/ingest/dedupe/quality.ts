// Precision and recall of both levels on labelled pairs (bench/dedupe.ts, the quality
// test). A pair is judged as the publish stage judges a new item against one stored
// story: a shared exact key makes it the same story, else compareStories decides.
// LSH is measured apart: how many labelled positives share a band (the stage only
// compares candidates that do).
import type { StoryDraft } from '../../domain/story.ts';
import { fingerprintDraft, type Fingerprint } from './fingerprint.ts';
import { compareStories, type MatchLevel } from './match.ts';

export interface QualityPair {
  readonly ref: string;
  readonly a: StoryDraft;
  readonly b: StoryDraft;
  readonly sources: readonly [string, string];
  readonly label: 'story' | 'event' | 'different';
}

export interface LevelFigures {
  readonly precision: number;
  readonly recall: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

export interface DedupeQuality {
  readonly pairs: number;
  readonly labels: Readonly<Record<QualityPair['label'], number>>;
  readonly sameStory: LevelFigures;
  /** Predicted same event (not same story) vs labelled same event. */
  readonly sameEvent: LevelFigures;
  /** Labelled positives whose fingerprints share at least one LSH band (or an exact key). */
  readonly lshFound: { readonly story: number; readonly event: number };
  readonly mistakes: readonly string[];
}

export function predictPair(a: Fingerprint, b: Fingerprint): { level: MatchLevel; score: number } {
  if (a.keys.some((k) => b.keys.includes(k))) return { level: 'same-story', score: 1 };
  return compareStories(a, b);
}

function figures(tp: number, fp: number, fn: number): LevelFigures {
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

export function measureDedupe(pairs: readonly QualityPair[]): DedupeQuality {
  const labels = { story: 0, event: 0, different: 0 };
  const count = { story: { tp: 0, fp: 0, fn: 0 }, event: { tp: 0, fp: 0, fn: 0 } };
  const lshFound = { story: 0, event: 0 };
  const mistakes: string[] = [];
  for (const p of pairs) {
    labels[p.label]++;
    const fa = fingerprintDraft(p.a, p.sources[0]);
    const fb = fingerprintDraft(p.b, p.sources[1]);
    const { level, score } = predictPair(fa, fb);
    const predicted = level === 'same-story' ? 'story' : level === 'same-event' ? 'event' : 'different';
    for (const l of ['story', 'event'] as const) {
      if (predicted === l && p.label === l) count[l].tp++;
      else if (predicted === l) count[l].fp++;
      else if (p.label === l) count[l].fn++;
    }
    if (p.label !== 'different' && (fa.keys.some((k) => fb.keys.includes(k)) || fa.bands.some((b) => fb.bands.includes(b)))) lshFound[p.label]++;
    if (predicted !== p.label) mistakes.push(`${p.ref}: labelled ${p.label}, judged ${predicted} (${score.toFixed(2)})`);
  }
  return {
    pairs: pairs.length,
    labels,
    sameStory: figures(count.story.tp, count.story.fp, count.story.fn),
    sameEvent: figures(count.event.tp, count.event.fp, count.event.fn),
    lshFound,
    mistakes,
  };
}
