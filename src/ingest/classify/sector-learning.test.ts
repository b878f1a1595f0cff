import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import { fitLearnedLayer, learnedScores, runInTurns, runToEnd, trainLearnedLayer, type LearningExample } from './sector-learning.ts';
import { scoreWithModel, trainSectorModel, trainSectorModelInTurns } from './sector-model.ts';

// Three sectors; the seed says sector 0 unless told otherwise.
const seed = [2, 0, 0];
const example = (words: string[], sector: number, scores = seed): LearningExample => ({ seed: scores, sector, features: new Map(words.map((w) => [w, 1])) });
// Stories the seed got right, each sector: it is worth keeping.
const seedRight = [0, 1, 2].flatMap((sector) => [1, 2].map((n) => example([`word${sector}${n}`], sector, [0, 1, 2].map((s) => (s === sector ? 2 : 0)))));

describe('the learned layer', () => {
  it('learns, per word, how far to move each sector from the seed scores', () => {
    const examples = [example(['kiln'], 1), example(['kiln', 'glaze'], 1), example(['oar'], 2), example(['oar', 'hull'], 2), ...seedRight];
    const layer = trainLearnedLayer(examples, 3);
    const argmax = (scores: number[]) => scores.indexOf(Math.max(...scores));
    expect(argmax(learnedScores(layer, seed, new Map([['kiln', 1]])))).toBe(1);
    expect(argmax(learnedScores(layer, seed, new Map([['oar', 1]])))).toBe(2);
    // A word no label carried leaves the seed's decision.
    expect(argmax(learnedScores(layer, seed, new Map([['unseen', 1]])))).toBe(0);
    expect(layer.weights.get('kiln')?.[1]).toBeGreaterThan(0);
    expect(layer.weights.get('kiln')?.[2]).toBeLessThan(0);
  });

  it('keeps weights small where the labels do not ask for more (the L2 penalty)', () => {
    const loose = trainLearnedLayer([example(['kiln'], 1)], 3, { penalty: 0 });
    const tight = trainLearnedLayer([example(['kiln'], 1)], 3, { penalty: 1 });
    expect(Math.abs(tight.weights.get('kiln')?.[1] ?? 0)).toBeLessThan(Math.abs(loose.weights.get('kiln')?.[1] ?? 0) / 2);
  });

  it('is deterministic, and fitting in turns gives the same layer as at once', async () => {
    const examples = [example(['kiln'], 1), example(['oar'], 2), example(['plain'], 0)];
    const once = runToEnd(fitLearnedLayer(examples, 3));
    expect(trainLearnedLayer(examples, 3)).toEqual(once);
    expect(await runInTurns(fitLearnedLayer(examples, 3))).toEqual(once);
  });
});

describe('the sector model with labels', () => {
  it('trains the same model in turns as at once', async () => {
    const labels = [
      { sector: 'transport', headline: 'Gondola line opens', summary: 'The gondola carries riders uphill.' },
      { sector: 'sports', headline: 'Rowing crew wins regatta', summary: 'A rowing win.' },
    ];
    const story = { headline: 'Gondola and rowing', summary: 'A gondola passes the rowing crew.' };
    const once = trainSectorModel(DEFAULT_SECTORS, labels);
    const inTurns = await trainSectorModelInTurns(DEFAULT_SECTORS, labels);
    expect(inTurns.learned?.seedScale).toBe(once.learned?.seedScale);
    expect(scoreWithModel(inTurns, story).scores).toEqual(scoreWithModel(once, story).scores);
  });

  it('keeps what the seed vocabulary knows when the labels are about something else', () => {
    const labels = ['opens', 'fares', 'cabins', 'closed by wind', 'timetable', 'new owner', 'queue', 'accident', 'upgrade', 'night service'].map((what) => ({
      sector: 'transport',
      headline: `Gondola ${what}`,
      summary: `The gondola: ${what}.`,
    }));
    const model = trainSectorModel(DEFAULT_SECTORS, labels);
    expect(scoreWithModel(model, { headline: 'Cholera outbreak', summary: 'Sewage in the drinking water.' }).sector).toBe('wash');
    expect(scoreWithModel(model, { headline: 'Gondola plans', summary: 'A gondola for the valley.' }).sector).toBe('transport');
  });

  it('shows the words the labels taught among the top terms', () => {
    const labels = Array.from({ length: 6 }, (_, i) => ({ sector: 'transport', headline: `Gondola news ${i}`, summary: 'The gondola again.' }));
    const model = trainSectorModel(DEFAULT_SECTORS, labels);
    expect(scoreWithModel(model, { headline: 'A gondola', summary: 'The gondola.' }).terms[0]).toBe('gondola');
  });
});
