// Terms learned from editors' sector corrections (the sector_labels table): words that
// keep appearing in the headlines and summaries of stories an editor filed under one
// sector, and rarely under others, score for that sector like the hand-written terms.
import { foldToAscii } from '../../lib/text.ts';
import { stem } from './term-index.ts';

export interface LabelledStory {
  readonly sector: string;
  readonly headline: string;
  readonly summary: string;
}

/** Sector slug -> learned terms. */
export type LearnedTerms = ReadonlyMap<string, readonly string[]>;

// A word must appear in this many labelled stories of the sector to count…
const MIN_STORIES = 2;
// …and this share of its labelled stories must be of that sector.
const MIN_SHARE = 0.75;
const MIN_LENGTH = 4;
// Words that carry no topic, whatever the labels say.
const STOPWORDS = new Set(['about', 'after', 'again', 'against', 'also', 'amid', 'been', 'before', 'being', 'between', 'could', 'during', 'first', 'from', 'have', 'into', 'more', 'most', 'news', 'over', 'said', 'says', 'than', 'that', 'their', 'there', 'these', 'they', 'this', 'those', 'today', 'under', 'were', 'what', 'when', 'where', 'which', 'while', 'will', 'with', 'would', 'year', 'years', 'week', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

export function learnTerms(labels: readonly LabelledStory[]): LearnedTerms {
  const perWord = new Map<string, Map<string, number>>();
  for (const label of labels) {
    const words = new Set(
      [...foldToAscii(`${label.headline} ${label.summary}`).toLowerCase().matchAll(/[a-z]+/g)]
        .map(([w]) => w)
        .filter((w) => w.length >= MIN_LENGTH && !STOPWORDS.has(w))
        .map(stem),
    );
    for (const word of words) {
      const bySector = perWord.get(word) ?? new Map<string, number>();
      bySector.set(label.sector, (bySector.get(label.sector) ?? 0) + 1);
      perWord.set(word, bySector);
    }
  }
  const learned = new Map<string, string[]>();
  for (const [word, bySector] of perWord) {
    const total = [...bySector.values()].reduce((a, b) => a + b, 0);
    for (const [sector, count] of bySector) {
      if (count >= MIN_STORIES && count / total >= MIN_SHARE) learned.set(sector, [...(learned.get(sector) ?? []), word]);
    }
  }
  return learned;
}
