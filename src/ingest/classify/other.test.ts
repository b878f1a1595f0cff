import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import { explainSector } from './index.ts';
import type { ClassifiableDraft } from './index.ts';
import { scoreWithModel, storyFeatures, trainSectorModel } from './sector-model.ts';
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

describe('the sector model (naive Bayes trained from editors’ labels)', () => {
  // Labels teach through a regularised model (sector-learning.ts): a new word moves a story
  // that other words pull elsewhere ("planned", "towns": politics) after a few consistent
  // corrections, not after one or two (two leave this story in politics).
  const labels = [
    { sector: 'transport', headline: 'Gondola line opens', summary: 'The gondola carries riders uphill.' },
    { sector: 'transport', headline: 'Gondola fares cut', summary: 'Cheaper gondola rides.' },
    { sector: 'transport', headline: 'Gondola cabins replaced', summary: 'New gondola cabins arrive.' },
    { sector: 'transport', headline: 'Gondola closed by wind', summary: 'The gondola stopped for a day.' },
    { sector: 'sports', headline: 'Rowing crew wins regatta', summary: 'A rowing win.' },
  ];
  const story = draft({ headline: 'New gondola planned', summary: 'The gondola will link two towns.' });

  it('files by the built-in terms alone before any label', () => {
    const model = trainSectorModel(DEFAULT_SECTORS);
    expect(model.labelled).toBe(0);
    expect(scoreWithModel(model, draft({ headline: 'Cholera outbreak', summary: 'Sewage in the drinking water.' })).sector).toBe('wash');
    // A word it has never seen is no signal.
    expect(explainSector(story, DEFAULT_SECTORS).via).toBe('default');
  });

  it('learns words editors filed under a sector, and explain shows them', () => {
    const model = trainSectorModel(DEFAULT_SECTORS, labels);
    expect(model.labelled).toBe(5);
    expect(explainSector(story, DEFAULT_SECTORS, { model: trainSectorModel(DEFAULT_SECTORS, [labels[0], labels[1], labels[4]].filter((l) => l !== undefined)) }).sector).toBe('politics');
    expect(explainSector(story, DEFAULT_SECTORS, { model })).toMatchObject({ sector: 'transport', via: 'model', terms: ['gondola'] });
    // More corrections, surer.
    const more = [...labels, ...['timetable', 'new owner', 'night service'].map((what) => ({ sector: 'transport', headline: `Gondola ${what}`, summary: `The gondola: ${what}.` }))];
    expect(explainSector(story, DEFAULT_SECTORS, { model: trainSectorModel(DEFAULT_SECTORS, more) }).score).toBeGreaterThan(explainSector(story, DEFAULT_SECTORS, { model }).score + 1);
  });

  it('lets enough labels outvote a built-in term', () => {
    // "Festival" is an art-culture term; this desk files its festival stories under tourism-as-transport.
    const festival = draft({ headline: 'Festival crowds fill the trains', summary: 'Festival visitors.' });
    expect(explainSector(festival, DEFAULT_SECTORS).sector).toBe('art-culture');
    // The desk's festival stories, in their own words: "festival" is what they share.
    const relabelled = ['shuttles added', 'parking full', 'crowds at the station', 'ferry queues', 'late trains', 'road closures', 'extra buses', 'tickets sold out'].map((what) => ({
      sector: 'transport',
      headline: `Festival ${what}`,
      summary: `Festival visitors: ${what}.`,
    }));
    expect(explainSector(festival, DEFAULT_SECTORS, { model: trainSectorModel(DEFAULT_SECTORS, relabelled) }).sector).toBe('transport');
  });

  it('stops trusting a feed category once editors file most of its stories elsewhere', () => {
    // Too little in the text to overrule the category on its own (index.ts: CATEGORY_OVERRULE).
    const travel = draft({ headline: 'A weekend by the harbour', summary: 'A gallery nearby.', categories: ['Business'] });
    expect(explainSector(travel, DEFAULT_SECTORS)).toMatchObject({ sector: 'economy-business', via: 'category' });
    const asCulture = (n: number) => Array.from({ length: n }, (_, i) => ({ sector: 'art-culture', headline: `Weekend ${i}`, summary: 'A gallery and a festival.', categories: ['Business'] }));
    // Two labels are not enough to overrule the category…
    expect(explainSector(travel, DEFAULT_SECTORS, { model: trainSectorModel(DEFAULT_SECTORS, asCulture(2)) }).via).toBe('category');
    // …three, all elsewhere, are: the text decides.
    expect(explainSector(travel, DEFAULT_SECTORS, { model: trainSectorModel(DEFAULT_SECTORS, asCulture(3)) })).toMatchObject({ sector: 'art-culture', via: 'model' });
  });

  it('counts, when scoring, only the features the model knows: the same counts for those', () => {
    const model = trainSectorModel(DEFAULT_SECTORS);
    const story = draft({ headline: 'Open defecation ends in the district', summary: 'Toilets for every home, officials said.' });
    const all = storyFeatures(story, model.pairStarts);
    const known = storyFeatures(story, model.pairStarts, model.logLikelihood);
    expect(known.get('open defecation')).toBe(2);
    expect(known.has('district')).toBe(false);
    expect(all.has('district')).toBe(true);
    for (const [f, n] of known) expect(all.get(f)).toBe(n);
  });

  it('ignores labels for sectors the site does not have, and reads categories and the body lead', () => {
    const model = trainSectorModel(DEFAULT_SECTORS, [
      { sector: 'no-such-sector', headline: 'Gondola', summary: '' },
      { sector: 'transport', headline: 'Update', summary: '', bodyHtml: '<p>Gondola gondola.</p>', categories: ['Cable cars'] },
    ]);
    expect(model.labelled).toBe(1);
    expect(scoreWithModel(model, draft({ headline: 'Cable car news', categories: ['Cable cars'] })).sector).toBe('transport');
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
