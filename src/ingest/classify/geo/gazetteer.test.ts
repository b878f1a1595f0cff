// The gazetteer's subdivision rules, checked against compromise's English lexicon: a
// one-word subdivision name that English uses as a word or a person's name must be
// stoplisted (or need a preposition), or it would fire on "Meta", "Savannah", "Mon".
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, NEEDS_CONTEXT, PLACE_STOPLIST, subdivisionNames, TRANSLATION_STOPLIST } from './gazetteer.ts';

const PLACE_TAGS = new Set(['Place', 'Region', 'City', 'Country', 'ProperNoun', 'Demonym']);

describe('gazetteer subdivisions', () => {
  const gaz = buildGazetteer();
  const subdivisions = [...gaz.names].filter(([, place]) => place.kind === 'subdivision');

  it('has the first-level subdivisions, the US states among them', () => {
    expect(subdivisions.length).toBeGreaterThan(3000);
    for (const state of ['California', 'Texas', 'Rhode Island', 'South Carolina', 'Minnesota']) expect(gaz.names.get(state)).toEqual({ country: 'US', kind: 'subdivision' });
    // A name the country already had keeps its rank; a shared one names neither country.
    expect(gaz.names.get('Washington')).toEqual({ country: 'US', kind: 'city' });
    expect(gaz.names.get('Georgia')?.country).toBe('GE');
    expect(gaz.names.has('Punjab')).toBe(false);
    expect(gaz.names.has('Central')).toBe(false);
    // Shared, but one country is far larger (urban population ten times): it keeps the name.
    expect(gaz.names.get('Florida')).toEqual({ country: 'US', kind: 'subdivision' });
    expect(gaz.names.has('La Rioja')).toBe(false);
    expect(gaz.names.has('Saint Andrew')).toBe(false);
    expect(buildGazetteer({ subdivisions: false }).names.has('California')).toBe(false);
  });

  it('keeps no one-word subdivision that English uses as a word or a name, unless it needs a preposition', () => {
    const world = nlp.world() as { model: { one: { lexicon: Record<string, string | string[] | undefined> } } };
    const lexicon = world.model.one.lexicon;
    const words = subdivisions
      .map(([name]) => name)
      .filter((name) => !name.includes(' ') && !NEEDS_CONTEXT.has(name) && !PLACE_STOPLIST.has(name))
      .filter((name) => {
        const tags = lexicon[name.toLowerCase()];
        return tags !== undefined && ![tags].flat().some((tag) => PLACE_TAGS.has(tag));
      });
    expect(words).toEqual([]);
  });

  it('reads ISO names as prose writes them', () => {
    expect(subdivisionNames('Bristol, City of')).toEqual(['Bristol']);
    expect(subdivisionNames('Puducherry (Pondicherry)')).toEqual(['Puducherry', 'Pondicherry']);
    expect(subdivisionNames('Texas')).toEqual(['Texas']);
    expect(subdivisionNames('Guangdong Sheng')).toEqual(['Guangdong']);
    expect(subdivisionNames('Xinjiang Uygur Zizhiqu')).toEqual(['Xinjiang']);
  });
});

describe('gazetteer country names in other languages', () => {
  const gaz = buildGazetteer();
  const english = buildGazetteer({ translations: false });
  const added = [...gaz.names].filter(([name]) => !english.names.has(name));

  it('finds countries by their Spanish, Portuguese, German, Slovak… names, never over an English place', () => {
    expect(gaz.names.get('Estados Unidos')?.country).toBe('US');
    expect(gaz.names.get('Alemanha')?.country).toBe('DE');
    expect(gaz.names.get('Nemecko')?.country).toBe('DE');
    expect(gaz.names.get('Frankreich')?.country).toBe('FR');
    expect(gaz.names.get('Reino Unido')?.country).toBe('GB');
    // Only names the English gazetteer lacks: "Salvador" stays the Brazilian city.
    expect(gaz.names.get('Salvador')).toEqual(english.names.get('Salvador'));
    for (const [name, place] of english.names) expect(gaz.names.get(name)).toEqual(place);
    // Shared by two countries across languages: neither.
    expect(gaz.names.has('Kongo')).toBe(false);
    expect(added.length).toBeGreaterThan(1000);
  });

  it('adds no name that English uses as a word or a person\'s name', () => {
    const world = nlp.world() as { model: { one: { lexicon: Record<string, string | string[] | undefined> } } };
    const lexicon = world.model.one.lexicon;
    const words = added.map(([name]) => name).filter((name) => {
      const tags = lexicon[name.toLowerCase()];
      return tags !== undefined && ![tags].flat().some((tag) => PLACE_TAGS.has(tag));
    });
    expect(words).toEqual([]);
    for (const name of TRANSLATION_STOPLIST) expect(gaz.names.has(name) && !english.names.has(name)).toBe(false);
  });
});
