import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import { explainSector } from './index.ts';
import type { ClassifiableDraft } from './index.ts';
import { learnTerms } from './learned-terms.ts';
import { sectorForSubject } from './subject-codes.ts';
import { loadTagger, slugifyTag } from './tags.ts';

const draft = (fields: Partial<ClassifiableDraft>): ClassifiableDraft => ({ headline: '', summary: '', bodyHtml: '', categories: [], ...fields });

describe('IPTC subject codes', () => {
  it.each([
    ['subj:15000000', 'sports'],
    ['subj:15007000', 'sports'],
    ['subj:04005000', 'energy-extractives'],
    ['subj:04001000', 'agro-forestry'],
    ['subj:04006000', 'economy-business'],
    ['medtop:07000000', 'health'],
    ['http://cv.iptc.org/newscodes/subjectcode/11000000', 'politics'],
    ['http://cv.iptc.org/newscodes/mediatopic/15000000', 'sports'],
    ['medtop:20000379', undefined],
    ['subj:08000000', undefined],
    ['sttsubj:11000000', undefined],
    ['garbage', undefined],
  ])('%s -> %s', (code, sector) => {
    expect(sectorForSubject(code)).toBe(sector);
  });

  it('outrank the feed categories and the text', () => {
    const story = draft({ headline: 'Cricket board names coach', categories: ['Health'], subjects: ['subj:04005000', 'medtop:20000379'] });
    expect(explainSector(story, DEFAULT_SECTORS)).toEqual({ sector: 'energy-extractives', via: 'subject', terms: ['subj:04005000'], score: 1 });
  });

  it('are ignored when they name no sector of the site', () => {
    expect(explainSector(draft({ categories: ['Health'], subjects: ['subj:08000000'] }), DEFAULT_SECTORS).via).toBe('category');
  });
});

describe('learnTerms (editors’ sector labels)', () => {
  const labels = [
    { sector: 'transport', headline: 'Gondola line opens', summary: 'The gondola carries riders uphill.' },
    { sector: 'transport', headline: 'Gondola fares cut', summary: 'Cheaper gondola rides.' },
    { sector: 'sports', headline: 'Gondola race won', summary: 'A rowing win.' },
    { sector: 'health', headline: 'Clinic opens', summary: 'One mention of gondola.' },
  ];

  it('learns words an editor filed under one sector again and again', () => {
    const learned = learnTerms(labels.slice(0, 2));
    expect(learned.get('transport')).toEqual(expect.arrayContaining(['gondola']));
    expect(learned.get('transport')).not.toContain('opens');
  });

  it('drops words spread over several sectors', () => {
    expect(learnTerms(labels).get('transport') ?? []).not.toContain('gondola');
  });

  it('makes the classifier use them, and explain shows them', () => {
    const story = draft({ headline: 'New gondola planned', summary: 'The gondola will link two towns.' });
    expect(explainSector(story, DEFAULT_SECTORS).via).toBe('default');
    const learned = learnTerms(labels.slice(0, 2));
    // Headline x3 + summary x1.
    expect(explainSector(story, DEFAULT_SECTORS, { learned })).toEqual({ sector: 'transport', via: 'keywords', terms: ['gondola'], score: 4 });
  });
});

describe('tags', () => {
  it('finds people, organisations and places, then subject categories, without duplicates', async () => {
    const tagger = await loadTagger();
    const tags = tagger({
      headline: 'Apple chief Tim Cook visits Kenya',
      summary: 'The World Health Organization and Tim Cook met in Nairobi.',
      bodyText: '',
      categories: ['World', 'Technology', 'Technology'],
    });
    expect(tags.map((t) => [t.slug, t.kind])).toEqual([
      ['tim-cook', 'person'],
      ['world-health-organization', 'organization'],
      ['kenya', 'place'],
      ['nairobi', 'place'],
      ['technology', 'subject'],
    ]);
  });

  it.each([
    ['Narendra Modi', 'narendra-modi'],
    ['Côte d’Ivoire', 'cote-divoire'],
    ['  --  ', ''],
  ])('slugifyTag(%j) = %j', (name, slug) => {
    expect(slugifyTag(name)).toBe(slug);
  });
});
