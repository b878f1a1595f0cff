import { describe, expect, it } from 'vitest';
import { slugify } from './slug.ts';

describe('slugify', () => {
  it.each([
    ['Putin meets with China\'s defence minister in Moscow', 'putin-meets-with-chinas-defence-minister-in-moscow'],
    ['Café à Paris', 'cafe-a-paris'],
    ['Trump campaign reports raising $14.5 million in early 2023', 'trump-campaign-reports-raising-14-5-million-in-early-2023'],
    ['COVID-19: WHO says “pandemic is not over”', 'covid-19-who-says-pandemic-is-not-over'],
    ['Erdoğan wins Türkiye run-off', 'erdogan-wins-turkiye-run-off'],
    ['Łódź & Kraków: Straße', 'lodz-krakow-strasse'],
    ['  --Hello--  ', 'hello'],
    ['Путин встретился с министром обороны Китая', 'story-'],
    ['मोदी ने किया उद्घाटन', 'story-'],
    ['習近平會見普京', 'story-'],
    ['!!!', 'story-'],
  ])('%j', (headline, expected) => {
    const slug = slugify(headline);
    if (expected === 'story-') expect(slug).toMatch(/^story-[0-9a-f]{6}$/);
    else expect(slug).toBe(expected);
  });

  it('is stable for non-Latin headlines', () => {
    expect(slugify('Путин встретился')).toBe(slugify('Путин встретился'));
    expect(slugify('Путин встретился')).not.toBe(slugify('Путин уехал'));
  });

  it('cuts long headlines at a word, within 80 characters', () => {
    const slug = slugify('US Domestic News Roundup: Trump campaign reports raising $14.5 million in early 2023; Freight train derails in Maine, three employees hurt and more');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe('us-domestic-news-roundup-trump-campaign-reports-raising-14-5-million-in-early');
  });

  it('cuts a single overlong word hard', () => {
    expect(slugify('x'.repeat(100))).toBe('x'.repeat(80));
  });
});
