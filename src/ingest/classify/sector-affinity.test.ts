import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import { affinityColumns, affinityScores, loadSectorAffinity, parseSectorAffinity } from './sector-affinity.ts';
import { scoreWithModel, trainSectorModel } from './sector-model.ts';

const table = loadSectorAffinity();
const leaning = (feature: string): string | undefined => {
  const row = table.words.get(feature);
  if (!row) return undefined;
  let best = 0;
  for (let i = 1; i < row.length; i++) if ((row[i] ?? 0) > (row[best] ?? 0)) best = i;
  return table.sectors[best];
};

describe('sector affinity (word vectors)', () => {
  it('has a column for every demo sector and the commonest words', () => {
    expect(table.sectors).toEqual(DEFAULT_SECTORS.map((s) => s.slug));
    expect(table.words.size).toBeGreaterThan(20000);
    // The 300 commonest words weigh nothing and are left out.
    expect(table.words.has('government')).toBe(false);
  });

  it.each([
    // None of these is a hand-written term: the vectors put them near one sector's vocabulary.
    ['chemotherapy', 'health'],
    ['pediatric', 'health'],
    ['drainage', 'wash'],
    ['goalkeeper', 'sports'],
    ['tuition', 'education'],
    ['skyscraper', 'urban-development'],
  ])('leans %s to %s', (feature, sector) => {
    expect(leaning(feature)).toBe(sector);
  });

  it('scores a story in standard deviations across the sectors, a missing sector at the average', () => {
    const columns = affinityColumns(table, ['health', 'sports', 'no-such-sector']);
    expect(columns[2]).toBe(-1);
    const scores = affinityScores(table, columns, new Map([['chemotherapy', 2], ['pediatric', 1]])) ?? [];
    expect(scores[0]).toBeCloseTo(1, 5); // two sectors: one deviation either side
    expect(scores[1]).toBeCloseTo(-1, 5);
    expect(scores[2]).toBe(0);
    expect(affinityScores(table, columns, new Map([['zzzz', 1]]))).toBeUndefined();
    expect(affinityScores(table, [0, -1], new Map([['chemotherapy', 1]]))).toBeUndefined();
  });

  it('files a story by words nobody typed, and can be turned off', () => {
    const story = { headline: 'Pediatric chemotherapy trial', summary: 'Oncologists report remission in children.' };
    expect(scoreWithModel(trainSectorModel(DEFAULT_SECTORS), story).sector).toBe('health');
    expect(scoreWithModel(trainSectorModel(DEFAULT_SECTORS, [], { wordVectors: false }), story).sector).toBe('law-governance');
  });

  it('refuses a table whose rows do not match its sectors', () => {
    const json = JSON.stringify({ sectors: ['a', 'b'], words: 'one two', scales: [1, 1], affinities: Buffer.from([1, 2, 3]).toString('base64') });
    expect(() => parseSectorAffinity(json)).toThrow(/2 words, 2 scales and 3 bytes for 2 sectors/);
    const good = parseSectorAffinity(JSON.stringify({ sectors: ['a', 'b'], words: 'one two', scales: [0.5, 2], affinities: Buffer.from([2, 254, 1, 3]).toString('base64') }));
    expect([...(good.words.get('one') ?? [])]).toEqual([1, -1]);
    expect([...(good.words.get('two') ?? [])]).toEqual([2, 6]);
  });
});
