import { describe, expect, it } from 'vitest';
import { cleanAuthor, cleanCategories, cleanLanguage } from './fields.ts';

describe('cleanAuthor', () => {
  it.each([
    ['  Jane Doe ', 'Jane Doe'],
    ['jane@example.com (Jane Doe)', 'Jane Doe'],
    ['jane@example.com', undefined],
    ['<b>Jane</b> &amp; John', 'Jane & John'],
    ['   ', undefined],
    [undefined, undefined],
  ])('%j -> %j', (author, expected) => {
    expect(cleanAuthor(author)).toBe(expected);
  });

  it('caps at 120 characters', () => {
    const author = cleanAuthor('Name '.repeat(50));
    expect(author?.length).toBeLessThanOrEqual(120);
    expect(author?.endsWith('…')).toBe(true);
  });
});

describe('cleanCategories', () => {
  it.each([
    [['Health', ' health ', 'HEALTH', 'World'], ['Health', 'World']],
    [['', '  ', 'Sport &amp; Games'], ['Sport & Games']],
    [[], []],
  ])('%j -> %j', (categories, expected) => {
    expect(cleanCategories(categories)).toEqual(expected);
  });

  it('keeps at most 20', () => {
    const many = Array.from({ length: 30 }, (_, i) => `c${i}`);
    expect(cleanCategories(many)).toEqual(many.slice(0, 20));
  });
});

describe('cleanLanguage', () => {
  it.each([
    ['en', 'en'],
    ['EN-us', 'en-US'],
    ['pt_br', 'pt-BR'],
    ['zh-Hant', 'zh-Hant'],
    ['english', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j -> %j', (language, expected) => {
    expect(cleanLanguage(language)).toBe(expected);
  });
});
