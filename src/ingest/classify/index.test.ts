import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS } from '../../config/site-defaults.ts';
import type { Sector } from '../../domain/site.ts';
import { classifySector, explainSector } from './index.ts';
import type { ClassifiableDraft } from './index.ts';
import { stem, storyLead, wordsOf } from './sector-model.ts';
import { SECTOR_TOPICS, SECTOR_VOCABULARY } from './sector-terms.ts';
import { LABELLED_STORIES } from './testdata/headlines.ts';

const draft = (fields: Partial<ClassifiableDraft>): ClassifiableDraft => ({
  headline: '',
  summary: '',
  bodyHtml: '',
  categories: [],
  ...fields,
});

describe('classifySector on labelled wire stories', () => {
  it('files at least 80% of them where an editor would', () => {
    const misses: string[] = [];
    for (const story of LABELLED_STORIES) {
      const got = classifySector(draft(story), DEFAULT_SECTORS);
      if (got !== story.sector) misses.push(`${story.sector} -> ${got}: ${story.headline}`);
    }
    const accuracy = 1 - misses.length / LABELLED_STORIES.length;
    console.log(`classify: ${LABELLED_STORIES.length - misses.length}/${LABELLED_STORIES.length} = ${accuracy.toFixed(2)} accuracy${misses.length ? `; misses:\n  ${misses.join('\n  ')}` : ''}`);
    expect(LABELLED_STORIES.length).toBeGreaterThanOrEqual(30);
    expect(accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('covers every demo sector', () => {
    expect(new Set(LABELLED_STORIES.map((story) => story.sector))).toEqual(new Set(DEFAULT_SECTORS.map((sector) => sector.slug)));
  });
});

describe('classifySector from feed categories', () => {
  it.each([
    [['Health'], 'health'],
    [['Sport'], 'sports'],
    [['Football'], 'sports'],
    [['Business'], 'economy-business'],
    [['Markets'], 'economy-business'],
    [['Climate'], 'science-environment'],
    [['Elections'], 'politics'],
    [['Business News'], 'economy-business'],
    [['News/World/Health'], 'health'],
    [['Sports > Cricket'], 'sports'],
    [['Art & Culture'], 'art-culture'],
    [['arts and culture'], 'art-culture'],
    [['WASH'], 'wash'],
    [['Top News', 'World', 'Technology'], 'technology'],
    [['Health', 'Science', 'Health care'], 'health'],
  ])('%j -> %s', (categories, sector) => {
    // The headline leans to another sector, weakly: the category decides.
    expect(classifySector(draft({ headline: 'Minister comments on the results', categories }), DEFAULT_SECTORS)).toBe(sector);
  });

  it('lets the text overrule a section-style category only when it clearly names another sector', () => {
    const court = draft({ headline: 'Judge sentences former mayor to prison for fraud', summary: 'The court found him guilty of corruption.', categories: ['Politics'] });
    expect(explainSector(court, DEFAULT_SECTORS)).toMatchObject({ sector: 'law-governance', via: 'model' });
    const vote = draft({ headline: 'Parliament election results declared', categories: ['Sport'] });
    expect(explainSector(vote, DEFAULT_SECTORS)).toMatchObject({ sector: 'politics', via: 'model' });
    const minister = draft({ headline: 'Minister visits the court', categories: ['Politics'] });
    expect(explainSector(minister, DEFAULT_SECTORS)).toMatchObject({ sector: 'politics', via: 'category' });
  });

  it('reads only the opening of the lead against a category (CATEGORY_LEAD_CHARS)', () => {
    const court = 'The judge sentenced him to prison; the court heard the fraud trial and the verdict. ';
    const early = draft({ headline: 'A day in town', summary: 'Notes.', bodyHtml: `<p>${court.repeat(3)}</p>`, categories: ['Politics'] });
    expect(explainSector(early, DEFAULT_SECTORS)).toMatchObject({ sector: 'law-governance', via: 'model' });
    const late = draft({ ...early, bodyHtml: `<p>${'Nothing much happened on that ordinary morning, people said. '.repeat(12)}</p><p>${court.repeat(3)}</p>` });
    expect(explainSector(late, DEFAULT_SECTORS)).toMatchObject({ sector: 'politics', via: 'category' });
    // Without a category the whole lead is read.
    expect(explainSector({ ...late, categories: [] }, DEFAULT_SECTORS)).toMatchObject({ sector: 'law-governance', via: 'model' });
  });

  it('falls through to the text model when no category names a sector', () => {
    const explained = explainSector(draft({ headline: 'WHO warns of cholera outbreak', categories: ['World', 'Top News'] }), DEFAULT_SECTORS);
    expect(explained).toMatchObject({ sector: 'health', via: 'model' });
  });
});

describe('explainSector', () => {
  it('names the terms that decided, strongest first', () => {
    expect(explainSector(draft({ headline: 'Malaria vaccine rollout begins', summary: 'The vaccine will reach hospitals next month.' }), DEFAULT_SECTORS))
      .toMatchObject({ sector: 'health', via: 'model', terms: ['vaccine', 'malaria', 'hospital'] });
  });

  it('names the categories that decided', () => {
    expect(explainSector(draft({ categories: ['Cricket', 'IPL'] }), DEFAULT_SECTORS))
      .toEqual({ sector: 'sports', via: 'category', terms: ['Cricket'], score: 1 });
  });

  it('falls back to politics when there is no signal', () => {
    expect(explainSector(draft({ headline: 'A quiet day', summary: 'Nothing happened.' }), DEFAULT_SECTORS))
      .toEqual({ sector: 'politics', via: 'default', terms: [], score: 0 });
  });

  it('treats a single passing mention in the body as no signal', () => {
    expect(classifySector(draft({ headline: 'A quiet day', bodyHtml: '<p>A hospital nearby was open.</p>' }), DEFAULT_SECTORS)).toBe('politics');
  });

  it('uses a configured default, else the first sector when there is no politics', () => {
    const quiet = draft({ headline: 'A quiet day' });
    expect(classifySector(quiet, DEFAULT_SECTORS, { defaultSector: 'wash' })).toBe('wash');
    expect(classifySector(quiet, DEFAULT_SECTORS.filter((sector) => sector.slug !== 'politics'))).toBe('agro-forestry');
  });

  it('weighs the headline over the body', () => {
    const story = draft({ headline: 'Cricket board names new coach', bodyHtml: '<p>The hospital said the patient was stable.</p>' });
    expect(classifySector(story, DEFAULT_SECTORS)).toBe('sports');
  });

  it('matches capitalised acronyms only in capitals', () => {
    expect(classifySector(draft({ headline: 'WHO approves new TB test' }), DEFAULT_SECTORS)).toBe('health');
    expect(explainSector(draft({ headline: 'Those who came and went' }), DEFAULT_SECTORS).via).toBe('default');
  });

  it('reads only markup-free text from the body', () => {
    const story = draft({ headline: 'Update', bodyHtml: '<p><a href="https://example.com/hospital-vaccine-malaria">Link</a></p>' });
    expect(explainSector(story, DEFAULT_SECTORS).via).toBe('default');
  });
});

describe('a site with its own sectors', () => {
  const SECTORS: readonly Sector[] = [
    { slug: 'world', name: 'World' },
    { slug: 'crypto', name: 'Cryptocurrency & Blockchain' },
    { slug: 'health', name: 'Health' },
  ];

  it.each([
    [draft({ categories: ['Blockchain'] }), 'crypto'],
    [draft({ categories: ['cryptocurrency news'] }), 'crypto'],
    [draft({ headline: 'Cryptocurrency exchange halts withdrawals', summary: 'The blockchain firm blamed a cryptocurrency hack.' }), 'crypto'],
    [draft({ headline: 'Measles outbreak spreads', summary: 'Hospitals report more measles cases and a vaccine shortage.' }), 'health'],
    [draft({ headline: 'Nothing in particular' }), 'world'],
  ])('%#', (story, sector) => {
    expect(classifySector(story, SECTORS)).toBe(sector);
  });

  it('refuses an empty sector list', () => {
    expect(() => classifySector(draft({}), [])).toThrow('classify: the site has no sectors');
  });
});

describe('stem', () => {
  it.each([
    ['vaccines', 'vaccine'], ['cities', 'city'], ['crisis', 'crisis'], ['buses', 'bus'], ['matches', 'match'],
    ['bus', 'bus'], ['news', 'new'], ['glass', 'glass'],
  ])('%s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('wordsOf', () => {
  it('reads lower-cased, stemmed words and keeps short acronyms as written', () => {
    expect(wordsOf('The WHO and UNICEF warn: vaccines for 2,000 cities, G7 says')).toEqual(['WHO', 'UNICEF', 'warn', 'vaccine', 'city', 'G7']);
  });

  it('folds accents, keeps letters of other scripts and drops stop words, numbers and short words', () => {
    expect(wordsOf('Café naïve in Москва 東京都 at 10 am, the end')).toEqual(['cafe', 'naive', 'москва', '東京都', 'end']);
  });
});

describe('storyLead and a lead the caller already has', () => {
  it('gives the same sector from the HTML or from its lead as text', () => {
    const story = draft({ headline: 'Update', summary: '', bodyHtml: '<p>Farmers expect a record wheat harvest as irrigation improves.</p>' });
    const leadText = storyLead(story.bodyHtml);
    expect(leadText).toContain('record wheat harvest');
    expect(explainSector(story, DEFAULT_SECTORS)).toEqual(explainSector({ ...story, leadText }, DEFAULT_SECTORS));
    // The lead given is what is read: the HTML is not converted again.
    expect(classifySector({ ...story, leadText: 'Striker scores twice as the league title race tightens.' }, DEFAULT_SECTORS)).toBe('sports');
  });
});

describe('sector vocabulary', () => {
  it('says which IPTC Media Topics each demo sector follows, and writes no term twice in one sector', () => {
    for (const sector of DEFAULT_SECTORS) {
      expect(SECTOR_TOPICS[sector.slug]?.length, sector.slug).toBeGreaterThan(0);
      const vocabulary = SECTOR_VOCABULARY[sector.slug];
      const all = [...(vocabulary?.terms ?? []), ...(vocabulary?.related ?? [])].map((t) => t.toLowerCase());
      expect(all.filter((t, i) => all.indexOf(t) !== i), sector.slug).toEqual([]);
    }
  });

  it('files stories the core terms alone miss through the wider vocabulary', () => {
    expect(classifySector(draft({ headline: 'The comedian’s new sitcom gets a second season on Netflix' }), DEFAULT_SECTORS)).toBe('art-culture');
    expect(classifySector(draft({ headline: 'Gunman arrested after shooting at a shopping mall' }), DEFAULT_SECTORS)).toBe('law-governance');
  });
});
