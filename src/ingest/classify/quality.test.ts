import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import type { StoryDraft } from '../../domain/story.ts';
import { labellerAgreement, type LabelledCase } from './quality.ts';

const SPORT = 'Striker scores twice as champions win the cup final; the coach praises the football team';
const HEALTH = 'Hospitals start a measles vaccine campaign as doctors warn of an outbreak among children';

const labelled = (identity: string, text: string, sector: string): LabelledCase => ({
  ref: identity,
  // Only what the classifier reads and the identity matter here.
  draft: { identity, headline: text, summary: '', bodyHtml: '', categories: [] } as unknown as StoryDraft,
  sector,
  countries: [],
});

describe('labellerAgreement', () => {
  const cases = [labelled('a', SPORT, 'sports'), labelled('b', SPORT, 'sports'), labelled('c', HEALTH, 'health'), labelled('d', HEALTH, 'health')];
  const second = new Map([
    ['a', 'sports'],
    ['b', 'health'],
    ['c', 'health'],
    ['d', 'health'],
  ]);

  it("is the share filed alike, and Cohen's kappa corrects it for chance", () => {
    const a = labellerAgreement(cases, second, DEFAULT_SECTORS);
    // Observed 3/4; by chance (1/2 × 1/4 sports) + (1/2 × 3/4 health) = 1/2; kappa (3/4 − 1/2) / (1 − 1/2).
    expect(a).toMatchObject({ stories: 4, agreement: 0.75, kappa: 0.5, agreed: 3 });
  });

  it('scores the model against the second labeller and on the stories both filed alike', () => {
    const a = labellerAgreement(cases, second, DEFAULT_SECTORS);
    // The model files a and b under sports, c and d under health: b is the second labeller's odd one out.
    expect(a.modelVsSecond).toBe(0.75);
    expect(a.modelOnAgreed).toBe(1);
  });

  it('refuses a story the second labeller did not file', () => {
    expect(() => labellerAgreement([...cases, labelled('e', SPORT, 'sports')], second, DEFAULT_SECTORS)).toThrow(/no sector for e/);
  });
});
