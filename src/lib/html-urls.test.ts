import { describe, expect, it } from 'vitest';
import { isTrackerLink, isTrackingPixel, parseBaseUrl, resolveUrl } from './html-urls.ts';

describe('isTrackingPixel', () => {
  it.each([
    ['https://example.org/a.jpg', undefined, undefined, false],
    ['https://example.org/a.jpg', '1', '1', true],
    ['https://example.org/a.jpg', '0', undefined, true],
    ['https://example.org/a.jpg', 600, 400, false],
    ['https://pixel.wp.com/g.gif', undefined, undefined, true],
    ['https://stats.wordpress.com/b.gif', undefined, undefined, true],
    ['http://feeds.feedburner.com/~r/x/~4/y', undefined, undefined, true],
    ['https://stats.example.com/x.png', undefined, undefined, true],
    ['https://cdn.example.com/tracking/pixel.gif', undefined, undefined, true],
    ['https://cdn.example.com/statistics.jpg', undefined, undefined, false],
    ['not a url', undefined, undefined, false],
  ])('%s %s×%s -> %s', (src, width, height, expected) => {
    expect(isTrackingPixel(src, width, height)).toBe(expected);
  });
});

describe('resolveUrl', () => {
  const base = new URL('https://example.com/news/story.html');
  const schemes = new Set(['http:', 'https:']);
  it.each([
    ['img/a.jpg', base, 'https://example.com/news/img/a.jpg'],
    ['//cdn.example.net/a.jpg', undefined, 'https://cdn.example.net/a.jpg'],
    ['/a.jpg', undefined, undefined],
    ['#top', base, undefined],
    ['  ', base, undefined],
    ['java\tscript:alert(1)', base, undefined],
    ['mailto:desk@example.com', base, undefined],
  ])('%j against %s -> %s', (raw, against, expected) => {
    expect(resolveUrl(raw, against, schemes)).toBe(expected);
  });
});

describe('isTrackerLink', () => {
  it.each([
    ['http://feeds.feedburner.com/~ff/Foo?a=1', true],
    ['https://feeds.feedburner.com/~a/Foo', true],
    ['http://feeds.feedburner.com/Foo', false],
    ['https://example.com/~ff/x', false],
  ])('%s -> %s', (href, expected) => {
    expect(isTrackerLink(href)).toBe(expected);
  });
});

describe('parseBaseUrl', () => {
  it('takes absolute http(s) URLs only', () => {
    expect(parseBaseUrl('https://example.com/a')?.href).toBe('https://example.com/a');
    expect(parseBaseUrl('javascript:alert(1)')).toBeUndefined();
    expect(parseBaseUrl('/relative')).toBeUndefined();
    expect(parseBaseUrl(undefined)).toBeUndefined();
  });
});
