// The learned text classifier: multinomial naive Bayes over the words of a story's
// headline, summary and lead, trained from editors' sector labels (the sector_labels
// table), with the hand-written sector terms (sector-terms.ts) as seed counts so that a
// site with no labels yet still files stories. Hand-written rather than a library (see
// README: `natural`'s classifier gives neither per-word weights for "top terms" nor seed
// counts); naive Bayes is a few sums. To reach words nobody typed, each story's leaning in
// word vectors towards each sector's vocabulary (sector-affinity.ts) is added to its scores.
import type { Sector } from '../../domain/site.ts';
import { htmlPrefix, htmlToText } from '../../lib/html.ts';
import { foldToAscii, forEachWord } from '../../lib/text.ts';
import { SECTOR_VOCABULARY } from './sector-terms.ts';
import { affinityColumns, affinityScores, loadSectorAffinity, type SectorAffinity } from './sector-affinity.ts';
import { featureValue, fitLearnedLayer, learnedScores, runInTurns, runToEnd, type LearnedLayer, type LearningExample } from './sector-learning.ts';

export interface StoryText {
  readonly headline: string;
  readonly summary: string;
  /** The body (HTML); only its lead is read. */
  readonly bodyHtml?: string;
  /** The body's lead as plain text (storyLead), when the caller already has it: saves converting the HTML again. */
  readonly leadText?: string;
  readonly categories?: readonly string[];
}

/** A story an editor filed under a sector: the model's training text. */
export interface LabelledStory extends StoryText {
  readonly sector: string;
}

export interface SectorModel {
  readonly sectors: readonly string[];
  /** Per sector: log P(sector) (equal: see trainSectorModel). */
  readonly logPrior: readonly number[];
  /** Feature -> per sector log P(feature | sector). */
  readonly logLikelihood: ReadonlyMap<string, readonly number[]>;
  /** Per sector: log P(unseen feature | sector), the smoothing floor. */
  readonly logUnseen: readonly number[];
  /** Stories the model learned from (0: seed terms only). */
  readonly labelled: number;
  /** Feature -> its mean log-likelihood over the sectors, for the top terms. */
  readonly logMean: ReadonlyMap<string, number>;
  /** First words of the hand-written phrases: where a word pair can be a feature. */
  readonly pairStarts: ReadonlySet<string>;
  /** Feed category, as written, lower-cased -> how many labelled stories carrying it went to each sector. */
  readonly categoryLabels: ReadonlyMap<string, readonly number[]>;
  /** The word-vector affinities (sector-affinity.ts) and each sector's column in them; absent when turned off. */
  readonly affinity?: { readonly table: SectorAffinity; readonly columns: readonly number[] };
  /** What editors' labels taught, as corrections to the seed model's scores (sector-learning.ts); absent with no labels. */
  readonly learned?: LearnedLayer;
  /** Every feature the model scores (naive Bayes, word vectors, learned): a story's other words are not counted. One set, so a word costs one lookup. */
  readonly known: ReadonlySet<string>;
}

export interface TrainOptions {
  /** Add the word-vector affinities to the naive Bayes scores (default true; false to measure without). */
  readonly wordVectors?: boolean;
}

export interface ModelScore {
  readonly sector: string;
  /** Log-odds of the winner over the runner-up: how sure the model is. */
  readonly margin: number;
  /** The words that pushed the story to the winner most, strongest first. */
  readonly terms: readonly string[];
  /** Occurrences (headline words counted twice) of words that favour the winner: below 2, one passing mention. */
  readonly evidence: number;
  /** Per sector (model.sectors order): the story's log score. */
  readonly scores: readonly number[];
  /** The same from the words' naive Bayes counts alone, without the word vectors' leaning: what may overrule a feed category (index.ts). */
  readonly wordScores: readonly number[];
}

// The headline names the topic; the summary and lead say more, with more noise.
const HEADLINE_WEIGHT = 2;
const LEAD_CHARS = 3000;
// One hand-written term counts like this many labelled occurrences: enough to file
// stories on day one, little enough that a few dozen labels outvote a poor term.
const SEED_COUNT = 8;
// The wider vocabulary of each field (sector-terms.ts: `related`) seeds more weakly.
const RELATED_COUNT = 4;
// The story's word-vector affinities (sector-affinity.ts, standard deviations across the
// sectors) are added to the log scores at this weight: a story leaning one deviation to a
// sector gains 2.5 log-odds there. Chosen on the tuned batches 1, 2, 5 (0.798 without;
// 1.5: 0.813, 2: 0.817, 2.5: 0.820, 3: 0.815; bench/RESULTS.md).
const AFFINITY_WEIGHT = 2.5;
// Laplace smoothing for words a sector has never seen.
const ALPHA = 1;
// One word repeated through a long lead should not outvote the rest.
const MAX_COUNT = 3;
const TOP_TERMS = 5;
const MIN_LENGTH = 3;
const STOPWORDS = new Set(
  ('the and for are but not you all any can had her was one our out has his how its may new now old see two who did get let put say she too use that with have this will your from they been were said what when than them into more some time very also after their there about would could which while where other over just most only such both each many much those these being under again since still even then before during against between through because says amid across today year years week day days people monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december first last three four five percent per read more continue reading seguir leyendo')
    .split(' '),
);

/** Just enough stemming for plurals: "vaccines" -> "vaccine", "cities" -> "city", "buses" -> "bus". */
export function stem(word: string): string {
  // Only plurals change, and they end in "s": most words leave at the first test.
  if (word.length <= 3 || word.charCodeAt(word.length - 1) !== 115) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (/[^aeiou]uses$/.test(word)) return word.slice(0, -2); // buses, viruses; not causes
  if (/(?:sh|ch|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** The words of a text as the model reads them: stemmed lower case, or acronyms as written ("WHO", "AI"). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  const folded = foldToAscii(text);
  forEachWord(folded, (start, end) => {
    const raw = folded.slice(start, end);
    if (raw.length <= 6 && isAcronym(raw)) {
      out.push(raw);
      return;
    }
    if (raw.length < MIN_LENGTH) return;
    const lower = raw.toLowerCase();
    if (STOPWORDS.has(lower) || isDigits(lower)) return;
    out.push(stem(lower));
  });
  return out;
}

/** "WHO", "AI", "G7": a capital, then capitals or digits. */
function isAcronym(word: string): boolean {
  if (word.length < 2) return false;
  const first = word.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  for (let k = 1; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

function isDigits(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The model's features of a text: its words, and the pairs of neighbouring words
 * ("open defecation") that begin with one of `pairStarts` (the first words of the
 * hand-written phrases: other pairs are never counted, so never built).
 */
export function featuresOf(text: string, pairStarts: ReadonlySet<string>): string[] {
  const words = wordsOf(text);
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i] ?? '';
    if (pairStarts.has(first)) out.push(`${first} ${words[i + 1] ?? ''}`);
  }
  return out;
}

/** "Economy & Business" -> ["Economy", "Business"]; "Agro-Forestry" -> ["Agro", "Forestry"]. */
export function namePartsOf(name: string): string[] {
  return name.split(/\s*(?:&|\band\b|,|\/|-)\s*/i).filter((part) => part.trim().length > 2);
}

/** A hand-written term's features: one word, or the pairs of a phrase (its single words are too common: "open", "water"). */
function seedFeaturesOf(term: string): string[] {
  const words = wordsOf(term);
  return words.length <= 1 ? words : words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

/** A body's lead as plain text: its first LEAD_CHARS characters, what the sector model and the countries read. */
export function storyLead(bodyHtml: string): string {
  return htmlToText(htmlPrefix(bodyHtml, LEAD_CHARS));
}

/** Whether `storyLead` reads the whole body (so its lead is the body's text). */
export function isLeadWholeBody(bodyHtml: string): boolean {
  return htmlPrefix(bodyHtml, LEAD_CHARS) === bodyHtml;
}

/**
 * Feature counts of a story: headline words weighted, then summary and lead. With `known`
 * (the model's features, when scoring), words the model has never seen are not counted:
 * they move every sector alike.
 */
export function storyFeatures(story: StoryText, pairStarts: ReadonlySet<string>, known?: { has(feature: string): boolean }): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (f: string, weight: number): void => {
    if (!known || known.has(f)) counts.set(f, (counts.get(f) ?? 0) + weight);
  };
  const add = (text: string, weight: number): void => {
    // featuresOf without its arrays: words, then the pairs a hand-written phrase begins.
    const words = wordsOf(text);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      count(word, weight);
      if (i + 1 < words.length && pairStarts.has(word)) count(`${word} ${words[i + 1] ?? ''}`, weight);
    }
  };
  add(story.headline, HEADLINE_WEIGHT);
  // Feeds often repeat the summary as the body's first paragraph: read the lead only when it says more.
  const lead = story.leadText ?? (story.bodyHtml ? storyLead(story.bodyHtml) : '');
  add(story.summary, 1);
  if (lead !== '' && (story.summary === '' || !lead.startsWith(story.summary.slice(0, 80)))) add(lead, 1);
  // The feed's own categories ("Olympic Games (2026)", "Books and Literature") are words an editor chose.
  for (const category of story.categories ?? []) add(category, 1);
  for (const [f, n] of counts) counts.set(f, Math.min(n, MAX_COUNT * HEADLINE_WEIGHT));
  return counts;
}

/**
 * Trains the model for a site's sectors: naive Bayes seeded by the hand-written vocabulary,
 * the word vectors' leaning, and, with labels, what they teach (sector-learning.ts). Labels
 * for sectors the site lacks are ignored.
 */
export function trainSectorModel(sectors: readonly Sector[], labels: readonly LabelledStory[] = [], options: TrainOptions = {}): SectorModel {
  return runToEnd(trainingSteps(sectors, labels, options));
}

/** The same, giving the event loop a turn every few milliseconds: for a serving process that retrains after a correction. */
export function trainSectorModelInTurns(sectors: readonly Sector[], labels: readonly LabelledStory[] = [], options: TrainOptions = {}): Promise<SectorModel> {
  return runInTurns(trainingSteps(sectors, labels, options));
}

// Seed scores per label cost about 0.1 ms each (more while the code is cold): a turn for the event loop after this many.
const LABELS_PER_TURN = 25;

function* trainingSteps(sectors: readonly Sector[], labels: readonly LabelledStory[], options: TrainOptions): Generator<void, SectorModel> {
  const seeded = seedModel(sectors, labels, options);
  const index = new Map(seeded.sectors.map((slug, i) => [slug, i]));
  const examples: LearningExample[] = [];
  for (const label of labels) {
    const sector = index.get(label.sector);
    if (sector === undefined) continue;
    examples.push({ sector, seed: scoreWithModel(seeded, label).scores, features: learningFeatures(label, seeded.pairStarts) });
    if (examples.length % LABELS_PER_TURN === 0) yield;
  }
  if (examples.length === 0) return seeded;
  const learned = yield* fitLearnedLayer(examples, seeded.sectors.length);
  return { ...seeded, learned, known: new Set([...seeded.known, ...learned.weights.keys()]) };
}

/** The model of the hand-written vocabulary (and the word vectors), with the labels' category counts. */
function seedModel(sectors: readonly Sector[], labels: readonly LabelledStory[], options: TrainOptions): SectorModel {
  const slugs = sectors.map((s) => s.slug);
  const index = new Map(slugs.map((slug, i) => [slug, i]));
  const counts = new Map<string, number[]>();
  const totals = slugs.map(() => 0);
  const addCount = (feature: string, sector: number, n: number): void => {
    const row = counts.get(feature) ?? slugs.map(() => 0);
    row[sector] = (row[sector] ?? 0) + n;
    counts.set(feature, row);
    totals[sector] = (totals[sector] ?? 0) + n;
  };
  sectors.forEach((sector, i) => {
    const vocabulary = SECTOR_VOCABULARY[sector.slug];
    // A site's own sector still scores on the words of its name.
    for (const term of [...(vocabulary?.terms ?? []), ...namePartsOf(sector.name)]) for (const f of seedFeaturesOf(term)) addCount(f, i, SEED_COUNT);
    for (const term of vocabulary?.related ?? []) for (const f of seedFeaturesOf(term)) addCount(f, i, RELATED_COUNT);
  });
  const pairStarts = new Set([...counts.keys()].filter((f) => f.includes(' ')).map((f) => f.split(' ')[0] ?? ''));
  let labelled = 0;
  const categoryLabels = new Map<string, number[]>();
  for (const label of labels) {
    const i = index.get(label.sector);
    if (i === undefined) continue;
    labelled++;
    for (const category of new Set((label.categories ?? []).map(categoryLabelKey))) {
      const row = categoryLabels.get(category) ?? slugs.map(() => 0);
      row[i] = (row[i] ?? 0) + 1;
      categoryLabels.set(category, row);
    }
  }
  const vocabularySize = counts.size + 1;
  const logUnseen = totals.map((t) => Math.log(ALPHA / (t + ALPHA * vocabularySize)));
  const logLikelihood = new Map<string, number[]>();
  for (const [f, row] of counts) logLikelihood.set(f, row.map((n, i) => Math.log((n + ALPHA) / ((totals[i] ?? 0) + ALPHA * vocabularySize))));
  // Equal priors: with no labels nothing says which sectors the wire favours; with labels,
  // the learned layer's bias says it.
  const logPrior = slugs.map(() => -Math.log(slugs.length));
  const logMean = new Map([...logLikelihood].map(([f, row]) => [f, row.reduce((a, b) => a + b, 0) / row.length]));
  const model = { sectors: slugs, logPrior, logLikelihood, logUnseen, logMean, labelled, pairStarts, categoryLabels, known: new Set(logLikelihood.keys()) };
  return options.wordVectors === false ? model : withAffinity(model);
}

function withAffinity(model: SectorModel): SectorModel {
  const table = loadSectorAffinity();
  return { ...model, affinity: { table, columns: affinityColumns(table, model.sectors) }, known: new Set([...model.known, ...table.words.keys()]) };
}

/** What the learned layer reads: the story's features and its feed categories, whole. */
function learningFeatures(story: StoryText, pairStarts: ReadonlySet<string>, known?: { has(feature: string): boolean }): Map<string, number> {
  const features = storyFeatures(story, pairStarts, known);
  for (const category of story.categories ?? []) features.set(`category:${categoryLabelKey(category)}`, 1);
  return features;
}

export const categoryLabelKey = (category: string): string => foldToAscii(category).trim().toLowerCase();

// A feed category names a sector (index.ts) until editors have filed at least this many of
// its stories, and then only while at least half of them went to that sector: "Travel"
// pieces a desk files under Art & Culture stop going to Transport.
const MIN_CATEGORY_LABELS = 3;
const MIN_CATEGORY_SHARE = 0.5;

/** Whether the editors' labels still back a feed category's sector (always, before enough labels). */
export function categoryStillNames(model: SectorModel, category: string, sector: string): boolean {
  const row = model.categoryLabels.get(categoryLabelKey(category));
  const total = row?.reduce((a, b) => a + b, 0) ?? 0;
  if (!row || total < MIN_CATEGORY_LABELS) return true;
  return (row[model.sectors.indexOf(sector)] ?? 0) / total >= MIN_CATEGORY_SHARE;
}

/** The model's sector for a story, how sure it is, and the words that decided. */
export function scoreWithModel(model: SectorModel, story: StoryText): ModelScore {
  const affinity = model.affinity;
  const learned = model.learned;
  const features = learned ? learningFeatures(story, model.pairStarts, model.known) : storyFeatures(story, model.pairStarts, model.known);
  let scores = [...model.logPrior];
  for (const [f, n] of features) {
    const row = model.logLikelihood.get(f);
    if (!row) continue; // a word no sector has seen moves every sector alike
    for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] ?? 0) + n * (row[i] ?? 0);
  }
  const wordScores = [...scores];
  const leanings = affinity ? affinityScores(affinity.table, affinity.columns, features) : undefined;
  if (leanings) for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] ?? 0) + AFFINITY_WEIGHT * (leanings[i] ?? 0);
  if (learned) scores = learnedScores(learned, scores, features);
  let best = 0;
  let second = -1;
  for (let i = 1; i < scores.length; i++) {
    if ((scores[i] ?? -Infinity) > (scores[best] ?? -Infinity)) {
      second = best;
      best = i;
    } else if (second < 0 || (scores[i] ?? -Infinity) > (scores[second] ?? -Infinity)) second = i;
  }
  const margin = second < 0 ? 0 : (scores[best] ?? 0) - (scores[second] ?? 0);
  const lifts = liftsFor(model, features, best);
  const evidence = lifts.reduce((sum, [f]) => sum + (features.get(f) ?? 0), 0);
  return { sector: model.sectors[best] ?? '', margin, terms: lifts.slice(0, TOP_TERMS).map(([f]) => f), evidence, scores, wordScores };
}

/**
 * Words by how much more likely they are under the winner than under the average sector,
 * strongest first; with a learned layer, what the labels taught about each word counts too.
 */
function liftsFor(model: SectorModel, features: ReadonlyMap<string, number>, winner: number): [string, number][] {
  const weighed: [string, number][] = [];
  const learned = model.learned;
  const seedScale = learned?.seedScale ?? 1;
  for (const [f, n] of features) {
    const row = model.logLikelihood.get(f);
    let lift = row ? seedScale * n * ((row[winner] ?? 0) - (model.logMean.get(f) ?? 0)) : 0;
    // Learned weights are centred per feature (sector-learning.ts): the winner's is its lift.
    const taught = learned?.weights.get(f);
    if (taught) lift += featureValue(n) * (taught[winner] ?? 0);
    if (lift > 0) weighed.push([f, lift]);
  }
  return weighed.sort((a, b) => b[1] - a[1]);
}
