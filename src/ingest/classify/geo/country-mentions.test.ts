import { describe, expect, it } from 'vitest';
import { datelineCountry, detectCountries, findMentions } from './country-mentions.ts';

const text = (headline: string, summary = '', bodyText = '', more: { datelineCity?: string; categories?: string[] } = {}) => ({ headline, summary, bodyText, ...more });
const countriesIn = (sentence: string): string[] => findMentions(sentence).map((m) => m.country);

describe('findMentions', () => {
  it.each([
    ['Floods hit Kenya and Uganda', ['KE', 'UG']],
    ['Talks in New Delhi and Mumbai end', ['IN', 'IN']],
    ['The Indian team won; Pakistani fans cheered', ['IN', 'PK']],
    ['Iranians mourn as Venezuelans vote', ['IR', 'VE']],
    ['The U.S. and the UK signed; the USA left', ['US', 'GB', 'US']],
    ['Britain and England, Scotland and Wales', ['GB', 'GB', 'GB', 'GB']],
    ['Talks in Côte d’Ivoire and the DRC', ['CI', 'CD']],
    ['The French president', ['FR']],
    ['The Paris prosecutor said', ['FR']],
    // GeoNames' "New York City" and "Washington, D.C." under their everyday names.
    ['A church in upstate New York; officials in Washington', ['US', 'US']],
    ['Flights from Mexico City and Panama City', ['MX', 'PA']],
  ])('%s', (sentence, expected) => {
    expect(countriesIn(sentence)).toEqual(expected);
  });

  it.each([
    ['Have a nice day in Nice weather', []],
    ['Reading is fun; Split the bill', []],
    ['Paris Hilton read the news', []],
    ['Latin American leaders met in a summit on trade', []],
    ['Michael Jordan retired', []],
    ['Turkey dinner for Thanksgiving', []],
    ['an island, an Island', []],
    ['Wool above US$ 12 a kilo; A$3.9 billion (U.S.$2.76 billion); U.S. $5', []],
  ])('no country in %s', (sentence, expected) => {
    expect(countriesIn(sentence)).toEqual(expected);
  });

  it('takes stoplisted country names after a preposition or with a possessive', () => {
    expect(countriesIn('Refugees arrive in Jordan as Georgia’s parliament votes')).toEqual(['JO', 'GE']);
  });

  it.each([
    // ISO 3166-2 first-level subdivisions give their country.
    ['An avalanche in northern California; a shooting in Rhode Island', ['US', 'US']],
    ['Elections in Bihar and Kerala', ['IN', 'IN']],
    ['Wildfires in Ontario', ['CA']],
    ['A crash in Virginia; Virginia’s governor', ['US', 'US']],
    // "America" alone is the United States; after a capitalised word it is a longer name.
    ['America’s oldest ally', ['US']],
    // Parts of hyphenated words.
    ['U.S.-mediated talks on a Russia-backed deal, a Texas-based firm and pro-Russian fighters', ['US', 'RU', 'US', 'RU']],
    ['Guinea-Bissau votes', ['GW']],
    // National institutions, acronyms only in capitals; not names several countries use.
    ['The Pentagon said ICE agents and the Kremlin', ['US', 'US', 'RU']],
    ['Ice on the road; the Congress party and the Senate', []],
    // Heads of state and government (LEADERS), inside longer names too; not first names alone.
    ['Trump said; the Trump administration; Putin’s war and Zelenskiy’s office', ['US', 'US', 'RU', 'UA']],
    ['Xi Jinping met Narendra Modi and Claudia Sheinbaum', ['CN', 'IN', 'MX']],
    ['Donald Duck, Xi and Kim spoke', []],
    // A shared subdivision name goes to a far larger country (Florida: US, not Uruguay).
    ['Storms in Florida and Montana', ['US', 'US']],
    // A quantifier that opens a sentence is not part of a name.
    ['More Americans believe it; Many Indians agree', ['US', 'IN']],
    // A place's own bodies still name it; a person's or another place's longer name does not.
    ['Speaker of the Odisha Legislative Assembly; Kerala High Court', ['IN', 'IN']],
    ['Jimmy Wales spoke in New England', []],
  ])('subdivisions, America, hyphens, leaders: %s', (sentence, expected) => {
    expect(countriesIn(sentence)).toEqual(expected);
  });

  it.each([
    // Shared by two countries (Punjab: IN and PK; La Rioja: AR and ES) or a direction.
    ['Floods in Punjab and La Rioja', []],
    ['The North and the South; the West; Central and North West', []],
    // Words and names that are also subdivisions, and first names outside a preposition.
    ['Meta said Savannah and Kent met Virginia Woolf', []],
    ['Latin America, South America and Central America', []],
    ['Rolls-Royce and Coca-Cola', []],
  ])('no subdivision or country in %s', (sentence, expected) => {
    expect(countriesIn(sentence)).toEqual(expected);
  });

  it('prefers the sovereign state for a shared name', () => {
    expect(findMentions('The French minister').map((m) => m.country)).toEqual(['FR']);
    expect(findMentions('An American company').map((m) => m.country)).toEqual(['US']);
  });
});

describe('datelineCountry', () => {
  it.each([
    ['MOSCOW', 'RU'],
    ['New Delhi [India]', 'IN'],
    ['Nice', 'FR'],
    ['Reading', 'GB'],
    ['Kyiv/Moscow', 'UA'],
    ['NEW YORK', 'US'],
    ['Washington', 'US'],
    ['Xanadoo', undefined],
    [undefined, undefined],
  ])('%s -> %s', (city, country) => {
    expect(datelineCountry(city)).toBe(country);
  });
});

describe('detectCountries', () => {
  it('puts the dateline country first, then by weight', () => {
    expect(detectCountries(text('Kenya and Uganda sign a deal', 'Kenyan officials said Uganda agreed.', '', { datelineCity: 'BERLIN' }))).toEqual(['DE', 'KE', 'UG']);
  });

  it('keeps a country named in the headline or summary, not one passing mention in the body', () => {
    expect(detectCountries(text('Rains return', 'Farmers in Brazil are relieved.', 'A trader in Spain said prices fell.'))).toEqual(['BR']);
  });

  it('lets categories back up a body mention but never decide alone', () => {
    expect(detectCountries(text('Rains return', '', '', { categories: ['Spain'] }))).toEqual([]);
    expect(detectCountries(text('Rains return', '', 'A trader in Spain said prices fell.', { categories: ['Spain'] }))).toEqual(['ES']);
  });

  it('stops at five countries', () => {
    expect(detectCountries(text('India, China, Japan, Kenya, Peru and Chile meet', ''))).toEqual(['IN', 'CN', 'JP', 'KE', 'PE']);
  });
});
