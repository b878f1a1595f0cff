import { describe, expect, it } from 'vitest';
import type { ParsedFeed, WireItem } from '../../../domain/wire-item.ts';
import { parseJsonFeed } from './jsonfeed-parser.ts';

function feedOf(feed: Record<string, unknown>): ParsedFeed {
  const outcome = parseJsonFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'F', ...feed }));
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed;
}

function itemOf(item: Record<string, unknown>, feed: Record<string, unknown> = {}): WireItem {
  const first = feedOf({ ...feed, items: [{ id: '1', ...item }] }).items[0];
  if (!first) throw new Error('no item');
  return first;
}

describe('parseJsonFeed: items', () => {
  it('maps the JSON Feed 1.1 fields', () => {
    expect(itemOf({
      url: 'https://e.com/1', title: 'T', summary: 'S', content_html: '<p>H</p>', content_text: 'Txt',
      date_published: '2020-01-02T03:04:05-05:00', date_modified: '2020-01-03T00:00:00Z',
      tags: ['a', 'b', 'a', 3], language: 'de-DE', image: 'https://e.com/i.jpg',
    })).toEqual({
      guid: '1', link: 'https://e.com/1', title: 'T', summary: 'S', bodyHtml: '<p>H</p>', bodyText: 'Txt',
      author: undefined, published: '2020-01-02T08:04:05.000Z', updated: '2020-01-03T00:00:00.000Z',
      categories: ['a', 'b'], image: { url: 'https://e.com/i.jpg' }, language: 'de-DE',
    });
  });

  it.each([
    ['1.1 authors', { authors: [{ name: 'Ana' }, { name: 'Ben' }], author: { name: 'Legacy' } }, {}, 'Ana, Ben'],
    ['1.0 author', { author: { name: 'Legacy' } }, {}, 'Legacy'],
    ['the feed authors', {}, { authors: [{ name: 'Desk' }] }, 'Desk'],
    ['an author without a name', { authors: [{ url: 'https://e.com' }] }, {}, undefined],
  ])('takes the author from %s', (_name, item, feed, author) => {
    expect(itemOf({ title: 'x', ...item }, feed).author).toBe(author);
  });

  it('accepts a numeric id, falls back to external_url, resolves relative URLs', () => {
    const feed = feedOf({ home_page_url: 'https://e.com/blog/', items: [{ id: 42, title: 'x', external_url: 'posts/1' }] });
    expect(feed.items[0]).toMatchObject({ guid: '42', link: 'https://e.com/blog/posts/1' });
  });

  it('uses banner_image, then an image attachment', () => {
    expect(itemOf({ title: 'x', banner_image: 'https://e.com/b.jpg' }).image).toEqual({ url: 'https://e.com/b.jpg' });
    expect(itemOf({ title: 'x', attachments: [{ url: 'https://e.com/a.mp3', mime_type: 'audio/mpeg' }, { url: 'https://e.com/a.png', mime_type: 'image/png' }] }).image)
      .toEqual({ url: 'https://e.com/a.png', type: 'image/png' });
  });

  it('reads members of the wrong type as absent, not as a failure', () => {
    expect(itemOf({ title: 7, content_html: { x: 1 }, url: 'https://e.com/1', tags: 'x' })).toMatchObject({
      title: '', bodyHtml: undefined, link: 'https://e.com/1', categories: [],
    });
  });

  it('rejects items with nothing to show, and non-object items', () => {
    const feed = feedOf({ items: [{ id: 'a' }, 'junk', { id: 'b', content_text: 'ok' }] });
    expect(feed.items.map((i) => i.guid)).toEqual(['b']);
    expect(feed.rejected.map((r) => r.index)).toEqual([0, 1]);
  });
});

describe('parseJsonFeed: failures', () => {
  it.each([
    ['truncated JSON', '{"version": "https://jsonfeed.org/version/1", "items": [', /^parse\/jsonfeed: malformed JSON: /],
    ['no items array', '{"version": "https://jsonfeed.org/version/1", "items": {}}', /^parse\/jsonfeed: items is not an array$/],
    ['a top-level array', '[]', /^parse\/jsonfeed: top level is not an object$/],
  ])('fails %s', (_name, text, error) => {
    const outcome = parseJsonFeed(text);
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.error).toMatch(error);
  });
});
