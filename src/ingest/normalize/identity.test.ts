import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WireItem } from '../../domain/wire-item.ts';
import { computeContentHash, identify, normalizeLink } from './identity.ts';

const item = (fields: Partial<WireItem>): WireItem => ({ title: 'Title', categories: [], ...fields });

describe('normalizeLink', () => {
  it.each([
    ['https://EXAMPLE.com/News/Story?id=1#comments', undefined, 'https://example.com/News/Story?id=1'],
    ['https://example.com/a?utm_source=rss&utm_medium=feed&id=7', undefined, 'https://example.com/a?id=7'],
    ['https://example.com/a?utm_campaign=x', undefined, 'https://example.com/a'],
    ['https://example.com/a?fbclid=abc&gclid=def', undefined, 'https://example.com/a'],
    ['http://example.com:80/a', undefined, 'http://example.com/a'],
    ['/world/story-1', 'https://example.com/feed.xml', 'https://example.com/world/story-1'],
    ['/world/story-1', undefined, undefined],
    ['javascript:alert(1)', undefined, undefined],
    ['ftp://example.com/a', undefined, undefined],
    ['  ', undefined, undefined],
    [undefined, undefined, undefined],
    ['https://example.com/a#', undefined, 'https://example.com/a'],
    ['https://example.com/a?', undefined, 'https://example.com/a?'],
    ['https://example.com/a?#top', undefined, 'https://example.com/a?'],
    ['https://example.com/a?x=%23#y', undefined, 'https://example.com/a?x=%23'],
    ['?utm_source=x#top', 'https://example.com/a#b', 'https://example.com/a'],
  ])('%j (base %j)', (link, base, expected) => {
    expect(normalizeLink(link, base)).toBe(expected);
  });

  it('is the URL without fragment and tracking parameters, whatever the link', () => {
    const reference = (link: string): string | undefined => {
      const url = URL.parse(link.trim());
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
      url.hash = '';
      for (const key of [...url.searchParams.keys()].filter((k) => /^(?:utm_.*|fbclid|gclid)$/i.test(k))) url.searchParams.delete(key);
      return url.href;
    };
    const part = fc.constantFrom('https://', 'http://', 'ftp://', 'Example.COM', '/a', '/', '?', '#', '&', '=', 'utm_source', 'fbclid', 'id', '%23', ' ', 'x', '#?', '?#');
    fc.assert(
      fc.property(fc.array(fc.oneof(part, fc.string({ maxLength: 3 })), { maxLength: 10 }), (parts) => {
        const link = `https://example.com${parts.join('')}`;
        expect(normalizeLink(link)).toBe(reference(link));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('identify', () => {
  it.each([
    ['guid wins', item({ guid: ' tag:reuters.com,2023:newsml_L1N36I0AB ', link: 'https://x.example/a' }), 'https://x.example/a', 'guid:tag:reuters.com,2023:newsml_L1N36I0AB'],
    ['link without guid', item({ link: 'https://x.example/a' }), 'https://x.example/a', 'link:https://x.example/a'],
    ['blank guid falls through', item({ guid: ' ' }), 'https://x.example/a', 'link:https://x.example/a'],
  ])('%s', (_name, wireItem, link, expected) => {
    expect(identify(wireItem, link)).toBe(expected);
  });

  it('hashes title and body when there is neither', () => {
    const id = identify(item({ bodyHtml: '<p>Body</p>' }), undefined);
    expect(id).toMatch(/^hash:[0-9a-f]{16}$/);
    expect(identify(item({ bodyHtml: '<p>Body</p>' }), undefined)).toBe(id);
    expect(identify(item({ bodyHtml: '<p>Other</p>' }), undefined)).not.toBe(id);
    expect(identify(item({ title: 'Other', bodyHtml: '<p>Body</p>' }), undefined)).not.toBe(id);
  });
});

describe('computeContentHash', () => {
  const base = { headline: 'H', summary: 'S', bodyHtml: '<p>B</p>', imageUrl: 'https://x.example/i.jpg', datelineCity: 'Moscow', agency: 'PTI' };
  it('is a sha256 and stable', () => {
    expect(computeContentHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(computeContentHash({ ...base })).toBe(computeContentHash(base));
  });
  it.each([
    ['headline', { headline: 'H2' }],
    ['summary', { summary: 'S2' }],
    ['body', { bodyHtml: '<p>B2</p>' }],
    ['image', { imageUrl: undefined }],
    ['caption', { imageCaption: 'C' }],
    ['dateline', { datelineCity: 'Kyiv' }],
    ['agency', { agency: 'Reuters' }],
  ])('changes with the %s', (_name, change) => {
    expect(computeContentHash({ ...base, ...change })).not.toBe(computeContentHash(base));
  });
});
