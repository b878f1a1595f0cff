import { describe, expect, it } from 'vitest';
import { lookupAgency, normalizeAgency } from './agency.ts';

describe('normalizeAgency', () => {
  it.each([
    ['Reuters', 'Reuters'],
    ['REUTERS', 'Reuters'],
    ['Thomson Reuters', 'Reuters'],
    ['reuters.com', 'Reuters'],
    ['http://www.reuters.com', 'Reuters'],
    ['Press Trust of India', 'PTI'],
    ['pti', 'PTI'],
    ['Associated Press', 'AP'],
    ['A.P.', 'AP'],
    ['Agence France-Presse', 'AFP'],
    ['Deutsche Presse-Agentur', 'dpa'],
    ['DPA', 'dpa'],
    ['UN News', 'UN News'],
    ['Asian News International', 'ANI'],
    ['Devdiscourse Newsdesk', 'Devdiscourse Newsdesk'],
    ['  ', undefined],
    [undefined, undefined],
  ])('%j -> %j', (name, expected) => {
    expect(normalizeAgency(name)).toBe(expected);
  });

  it('knows only known agencies', () => {
    expect(lookupAgency('Devdiscourse Newsdesk')).toBeUndefined();
    expect(lookupAgency('IANS')).toBe('IANS');
  });
});
