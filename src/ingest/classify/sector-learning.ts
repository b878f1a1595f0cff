// What editors' labels teach the sector model, learned as corrections to the seed model
// rather than as more naive Bayes counts. Adding a few hundred labelled stories' words to
// the seed counts swamps the hand-written vocabulary with every word those stories happen to
// share (cross-validated accuracy fell from 0.795 to 0.739 that way, bench/RESULTS.md); here
// the seed model's scores stay, and a multinomial logistic regression learns, per word and
// per feed category, how far to move each sector from them, with an L2 penalty that keeps
// every weight at zero unless the labels keep asking for it. Hand-written: no npm package
// fits a sparse softmax regression on top of given scores (mljs's logistic regression is
// dense and one-against-the-rest); it is a gradient and a few loops.

export interface LearnedLayer {
  /** How much of the seed model's scores to keep: naive Bayes is over-confident, so usually under 1. */
  readonly seedScale: number;
  /** Per sector, a constant shift. */
  readonly bias: readonly number[];
  /**
   * Feature -> per sector, how far its presence moves the sector's score; centred (a row sums
   * to 0: moving every sector alike changes no decision), so a weight is the lift over the average.
   */
  readonly weights: ReadonlyMap<string, Float64Array>;
}

export interface LearningExample {
  /** The seed model's scores for the story, per sector. */
  readonly seed: readonly number[];
  /** The story's features and their counts. */
  readonly features: ReadonlyMap<string, number>;
  /** The labelled sector's index. */
  readonly sector: number;
}

export interface LearningOptions {
  /** L2 penalty on the weights, per example (default: PENALTY). */
  readonly penalty?: number;
  /** Passes of gradient descent (default: ITERATIONS). */
  readonly iterations?: number;
}

// Chosen by 5-fold cross-validation on the tuned batches (1, 2, 5: 416 stories; seed model
// 0.820): penalty 0.1 / 0.01 / 0.003 / 0.001 / 0.0005 / 0.0003 scored 0.813 / 0.820 / 0.834 /
// 0.839 / 0.841 / 0.839; 150 or 300 passes alike. bench/RESULTS.md.
const PENALTY = 0.001;
const ITERATIONS = 150;
const RATE = 0.05;
// The seed scores' scale is pulled towards 1 by this much over the number of labels: a
// handful of labels could otherwise stretch it (to 1.9 from 3 labels, sharpening every seed
// decision they never spoke to), while hundreds set it freely (416 tuned labels: 0.43, naive
// Bayes being over-confident). 1 kept the cross-validated 0.839; 10 and 30 cost 0.010, 0.017.
const SCALE_PRIOR = 1;
// Words whose every weight stays under this are left out of the layer: scoring looks up
// fewer words (635 labels: 12,475 words learned, 5,195 kept; a story's sector 90 -> 81 µs)
// and no decision changes (cross-validated on the tuned batches: 0.839 at 0, 0.01 and 0.02;
// 0.837 at 0.05).
const WEIGHT_FLOOR = 0.02;

/** A feature's value from its count: the second mention of a word says less than the first. */
export const featureValue = (count: number): number => Math.log1p(count);

/** Runs a generator of steps (fitLearnedLayer, trainSectorModel's) to its end at once. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, giving the event loop a turn between steps: fitting takes about 1 ms a label in
 * all (416 labels: 0.45 s), and a serving process that retrains after an editor's correction
 * must not hold its requests that long.
 */
export async function runInTurns<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Fits the layer by full-batch gradient descent (Adam) on the mean cross-entropy plus the
 * L2 penalty; deterministic, so the same labels give the same model. Yields after each pass
 * (runToEnd, runInTurns).
 */
export function* fitLearnedLayer(examples: readonly LearningExample[], sectorCount: number, options: LearningOptions = {}): Generator<void, LearnedLayer> {
  const penalty = options.penalty ?? PENALTY;
  const iterations = options.iterations ?? ITERATIONS;
  const index = new Map<string, number>();
  const rows = examples.map((e) => {
    const ids: number[] = [];
    const values: number[] = [];
    for (const [f, n] of e.features) {
      let id = index.get(f);
      if (id === undefined) {
        id = index.size;
        index.set(f, id);
      }
      ids.push(id);
      values.push(featureValue(n));
    }
    return { ids, values };
  });
  const k = sectorCount;
  // Parameters: weights (features × k), bias (k), seed scale (1), in one array for Adam.
  const size = index.size * k + k + 1;
  const params = new Float64Array(size);
  const scaleAt = size - 1;
  const biasAt = index.size * k;
  params[scaleAt] = 1;
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const grad = new Float64Array(size);
  const logits = new Float64Array(k);
  const n = Math.max(1, examples.length);
  for (let step = 1; step <= iterations; step++) {
    grad.fill(0);
    for (let e = 0; e < examples.length; e++) {
      const example = examples[e];
      const row = rows[e];
      if (!example || !row) continue;
      const scale = params[scaleAt] ?? 1;
      for (let s = 0; s < k; s++) logits[s] = scale * (example.seed[s] ?? 0) + (params[biasAt + s] ?? 0);
      for (let j = 0; j < row.ids.length; j++) {
        const base = (row.ids[j] ?? 0) * k;
        const value = row.values[j] ?? 0;
        for (let s = 0; s < k; s++) logits[s] = (logits[s] ?? 0) + value * (params[base + s] ?? 0);
      }
      softmaxInPlace(logits);
      // d(cross-entropy)/d(logit) = p - y
      logits[example.sector] = (logits[example.sector] ?? 0) - 1;
      for (let s = 0; s < k; s++) {
        const d = (logits[s] ?? 0) / n;
        grad[biasAt + s] = (grad[biasAt + s] ?? 0) + d;
        grad[scaleAt] = (grad[scaleAt] ?? 0) + d * (example.seed[s] ?? 0);
      }
      for (let j = 0; j < row.ids.length; j++) {
        const base = (row.ids[j] ?? 0) * k;
        const value = row.values[j] ?? 0;
        for (let s = 0; s < k; s++) grad[base + s] = (grad[base + s] ?? 0) + ((logits[s] ?? 0) * value) / n;
      }
    }
    for (let p = 0; p < biasAt + k; p++) grad[p] = (grad[p] ?? 0) + penalty * (params[p] ?? 0);
    grad[scaleAt] = (grad[scaleAt] ?? 0) + (SCALE_PRIOR / n) * ((params[scaleAt] ?? 1) - 1);
    adamStep(params, grad, m, v, step);
    yield;
  }
  const weights = new Map<string, Float64Array>();
  for (const [f, id] of index) {
    const row = centred(params.slice(id * k, id * k + k));
    if (row.some((w) => Math.abs(w) >= WEIGHT_FLOOR)) weights.set(f, row);
  }
  return { seedScale: params[scaleAt] ?? 1, bias: Array.from(params.subarray(biasAt, biasAt + k)), weights };
}

/** The row less its mean: the same softmax, and each entry reads as a lift. */
function centred(row: Float64Array): Float64Array {
  const mean = row.reduce((a, b) => a + b, 0) / row.length;
  for (let i = 0; i < row.length; i++) row[i] = (row[i] ?? 0) - mean;
  return row;
}

/** The story's scores under the layer: the seed model's, scaled, plus what the labels taught. */
export function learnedScores(layer: LearnedLayer, seed: readonly number[], features: ReadonlyMap<string, number>): number[] {
  const scores = seed.map((s, i) => layer.seedScale * s + (layer.bias[i] ?? 0));
  for (const [f, n] of features) {
    const row = layer.weights.get(f);
    if (!row) continue;
    const value = featureValue(n);
    for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] ?? 0) + value * (row[i] ?? 0);
  }
  return scores;
}

function softmaxInPlace(values: Float64Array): void {
  let max = -Infinity;
  for (const x of values) if (x > max) max = x;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const e = Math.exp((values[i] ?? 0) - max);
    values[i] = e;
    sum += e;
  }
  for (let i = 0; i < values.length; i++) values[i] = (values[i] ?? 0) / sum;
}

const BETA1 = 0.9;
const BETA2 = 0.999;

function adamStep(params: Float64Array, grad: Float64Array, m: Float64Array, v: Float64Array, step: number): void {
  const c1 = 1 - BETA1 ** step;
  const c2 = 1 - BETA2 ** step;
  for (let p = 0; p < params.length; p++) {
    const g = grad[p] ?? 0;
    const mp = BETA1 * (m[p] ?? 0) + (1 - BETA1) * g;
    const vp = BETA2 * (v[p] ?? 0) + (1 - BETA2) * g * g;
    m[p] = mp;
    v[p] = vp;
    params[p] = (params[p] ?? 0) - (RATE * (mp / c1)) / (Math.sqrt(vp / c2) + 1e-8);
  }
}

/** Fits the layer at once (fitLearnedLayer run to its end). */
export function trainLearnedLayer(examples: readonly LearningExample[], sectorCount: number, options: LearningOptions = {}): LearnedLayer {
  return runToEnd(fitLearnedLayer(examples, sectorCount, options));
}
