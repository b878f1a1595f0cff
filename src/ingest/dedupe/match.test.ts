import { describe, expect, it } from 'vitest';
import { fingerprintDraft, linkKey, bodyKey, namesOf } from './fingerprint.ts';
import { compareStories, bestMatch, SAME_STORY } from './match.ts';
import { bandsOf, decodeHashes, encodeHashes, jaccard, signatureOf, similarity } from './minhash.ts';
import { shinglesOf, stripDateline } from './shingles.ts';

const at = '2026-11-28T06:00:00.000Z';
const story = (headline: string, summary: string, over: { agency?: string; createdAt?: string; link?: string; bodyHtml?: string } = {}) =>
  fingerprintDraft({ headline, summary, bodyHtml: over.bodyHtml ?? `<p>${summary}</p>`, link: over.link, agency: over.agency ?? 'PTI', createdAt: over.createdAt ?? at });

const lead = 'Floods cut off dozens of villages in Assam on Saturday after the Brahmaputra burst its banks, officials said, and rescue teams moved thousands of people to relief camps.';

describe('shingles and MinHash', () => {
  it('leaves the dateline out and hashes words and word pairs', () => {
    expect(stripDateline('GUWAHATI, Nov 28 (PTI) - Floods cut off villages')).toBe('Floods cut off villages');
    // "in" is a stop word: floods, assam and the pair of them.
    expect(shinglesOf('Floods in Assam', '')).toHaveLength(3);
    expect(shinglesOf('Assam floods', '')).not.toEqual(shinglesOf('Floods Assam', ''));
  });

  it('estimates Jaccard similarity within a few points', () => {
    const a = shinglesOf('Floods cut off villages in Assam', lead);
    const b = shinglesOf('Floods cut off 40 villages in Assam', lead.replace('dozens of', '40'));
    expect(Math.abs(similarity(signatureOf(a), signatureOf(b)) - jaccard(a, b))).toBeLessThan(0.2);
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, new Uint32Array(0))).toBe(0);
  });

  it('gives equal texts equal bands and an empty text none', () => {
    const a = signatureOf(shinglesOf('Floods cut off villages in Assam', lead));
    expect(bandsOf(a)).toEqual(bandsOf(signatureOf(shinglesOf('Floods cut off villages in Assam', lead))));
    expect(bandsOf(signatureOf(new Uint32Array(0)))).toEqual([]);
    expect(bandsOf(a).every((b) => Number.isSafeInteger(b) && b >= 0)).toBe(true);
  });

  it('round-trips stored hashes and refuses text that is not hashes', () => {
    const h = shinglesOf('Floods cut off villages in Assam', lead);
    expect(decodeHashes(encodeHashes(h))).toEqual(h);
    expect(decodeHashes('abc')).toBeUndefined(); // 2 bytes: not whole hashes
    expect(decodeHashes('not base64!')).toBeUndefined();
  });
});

describe('exact keys', () => {
  it('keys a link unless it is a front page', () => {
    expect(linkKey('https://agency.example/story/1')).toBe('link:https://agency.example/story/1');
    expect(linkKey('https://agency.example/')).toBeUndefined();
    expect(linkKey(undefined)).toBeUndefined();
  });

  it('keys a body by its words, not its markup or case, and not a short one', () => {
    const body = `<p>${lead}</p><p>More than 200 villages were under water, the state disaster agency said.</p>`;
    expect(bodyKey(body)).toBe(bodyKey(body.toUpperCase().replace(/<\/p><p>/g, '</p>\n<p class="x">')));
    expect(bodyKey('<p>More to follow.</p>')).toBeUndefined();
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
    expect(bodyKey(`<p>${words.join('</p><p>')}</p>`)).toBe(bodyKey(`<div>${words.join(' &amp; ')}</div>`));
    expect(bodyKey(`<p>${words.join(' ')}</p>`)).not.toBe(bodyKey(`<p>${words.slice(1).join(' ')}</p>`));
  });
});

describe('compareStories', () => {
  it('calls a lightly edited re-send the same story', () => {
    const a = story('Floods cut off villages in Assam', lead);
    const b = story('UPDATE 1-Floods cut off 40 villages in Assam', lead.replace('dozens of', '40'));
    expect(compareStories(a, b).level).toBe('same-story');
  });

  it('does not merge a templated series: each headline names another place', () => {
    const text = 'Weather forecast for today: cloudy skies with a high of 24 degrees and a chance of showers in the afternoon, winds from the south.';
    expect(compareStories(story('Weather in Posadas today: the forecast', text), story('Weather in Obera today: the forecast', text)).level).toBe('none');
  });

  it('clusters another agency’s report of the event, never two items of one agency', () => {
    const pti = story('Assam floods cut off dozens of villages', 'Dozens of villages in Assam were cut off by floods on Saturday as the Brahmaputra rose, and rescue teams moved people to camps.');
    const reuters = story('Brahmaputra floods strand villagers in Assam', 'Floods on the Brahmaputra stranded thousands in Assam on Saturday, officials said, with dozens of villages cut off and camps filling.', { agency: 'Reuters' });
    const score = compareStories(pti, reuters);
    expect(score.score).toBeLessThan(SAME_STORY);
    expect(score.level).toBe('same-event');
    expect(compareStories(pti, { ...reuters, origin: pti.origin }).level).toBe('none');
  });

  it('matches nothing outside the time window or with too little text', () => {
    const a = story('Floods cut off villages in Assam', lead);
    expect(compareStories(a, story('Floods cut off villages in Assam', lead, { createdAt: '2026-12-03T06:00:00.000Z' })).level).toBe('none');
    expect(compareStories(story('Agenda for Wednesday', ''), story('Agenda for Wednesday', '')).level).toBe('none');
  });

  it('prefers a same-story candidate to a closer same-event one', () => {
    const a = story('Floods cut off villages in Assam', lead);
    const copy = story('Floods cut off 40 villages in Assam', lead.replace('dozens of', '40'));
    const best = bestMatch(a, [{ ref: 'copy', story: copy }, { ref: 'other', story: story('Nothing alike at all here', 'A cricket match report from Mumbai with scores and quotes from the captain after the game ended.') }]);
    expect(best).toMatchObject({ level: 'same-story', ref: 'copy' });
  });

  it('names are capitalised words but the first, shouted labels and codes', () => {
    expect(namesOf('Clima en Posadas hoy: cuál es el pronóstico del tiempo')).toEqual(namesOf('Tiempo y pronóstico hoy para Posadas, cuál es el clima'));
    expect(namesOf('PostGIS 3.5.0rc1 released')).not.toEqual(namesOf('PostGIS 3.5.0beta1 released'));
  });
});
