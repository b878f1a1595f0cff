import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoryDraft } from '../../domain/story.ts';
import type { WireItem } from '../../domain/wire-item.ts';
import { normalizeItem } from './index.ts';
import type { NormalizeContext, NormalizeOutcome } from './index.ts';

const NOW = new Date('2023-04-17T00:00:00.000Z');
const CTX: NormalizeContext = { now: NOW };

// The story of PRODUCT.md's reference page, as a PTI RSS item would carry it.
const SEED_LEAD = `Russian President Vladimir Putin met with China's defence minister on Sunday, underscoring Beijing's strengthening engagement with Moscow, with which it has largely aligned its foreign policy in an attempt to diminish the influence of the United States and other Western democracies.`;
const SEED_ITEM: WireItem = {
  guid: 'pti-2023-04-16-putin-li',
  link: 'https://example.com/pti/putin-li?utm_source=rss#top',
  title: 'Putin meets with China&#8217;s defence minister in Moscow',
  bodyHtml: [
    `<p>Moscow, Apr 16 (PTI) ${SEED_LEAD}</p>`,
    '<p>Putin and Russian Defence Minister Sergei Shoigu met with Gen Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.</p>',
    '<p><img src="https://pixel.wp.com/g.gif?x=1" width="1" height="1">China has refused to criticise Russia&#8217;s military actions in Ukraine.</p>',
    '<script>track()</script>',
  ].join('\n'),
  published: '2023-04-16T19:06:00Z',
  categories: ['World', 'world', ' Russia '],
};

function draftOf(outcome: NormalizeOutcome): StoryDraft {
  if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.reason}`);
  return outcome.draft;
}

describe('normalizeItem', () => {
  it('makes the reference page story', () => {
    expect(draftOf(normalizeItem(SEED_ITEM, CTX))).toEqual({
      identity: 'guid:pti-2023-04-16-putin-li',
      headline: 'Putin meets with China’s defence minister in Moscow',
      summary: SEED_LEAD,
      bodyHtml: [
        `<p>${SEED_LEAD}</p>`,
        '<p>Putin and Russian Defence Minister Sergei Shoigu met with Gen Li Shangfu less than a month after Chinese leader Xi Jinping held a three-day state visit to Moscow.</p>',
        '<p>China has refused to criticise Russia’s military actions in Ukraine.</p>',
      ].join('\n'),
      slug: 'putin-meets-with-chinas-defence-minister-in-moscow',
      agency: 'PTI',
      datelineCity: 'Moscow',
      link: 'https://example.com/pti/putin-li',
      categories: ['World', 'Russia'],
      createdAt: '2023-04-16T19:06:00.000Z',
      updatedAt: '2023-04-16T19:06:00.000Z',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      pubStatus: 'usable',
      isCorrection: false,
    });
  });

  it('carries the agency version, status, embargo and correction signal', () => {
    const draft = draftOf(
      normalizeItem({ ...SEED_ITEM, version: 4, pubStatus: 'withheld', embargoUntil: '2023-04-17T06:00:00+05:30', signals: ['update', 'correction'] }, CTX),
    );
    expect(draft).toMatchObject({ version: 4, pubStatus: 'withheld', embargoUntil: '2023-04-17T00:30:00.000Z', isCorrection: true });
    expect(draftOf(normalizeItem({ ...SEED_ITEM, version: -1, embargoUntil: 'soon' }, CTX))).not.toHaveProperty('version');
  });

  it('gives the same identity and content hash when the same item comes again', () => {
    const first = draftOf(normalizeItem(SEED_ITEM, CTX));
    const again = draftOf(normalizeItem({ ...SEED_ITEM }, { now: new Date('2023-04-18T00:00:00Z') }));
    expect(again.identity).toBe(first.identity);
    expect(again.contentHash).toBe(first.contentHash);
    const corrected = draftOf(normalizeItem({ ...SEED_ITEM, title: 'Putin meets China’s defence minister' }, CTX));
    expect(corrected.identity).toBe(first.identity);
    expect(corrected.contentHash).not.toBe(first.contentHash);
  });

  it.each([
    ['no title, no body', { title: '' }],
    ['blank title, blank body', { title: '  ', bodyHtml: '<p> </p>', bodyText: '\n' }],
    ['tags only', { title: '<b></b>', bodyHtml: '<script>x</script>' }],
  ])('rejects an item with %s', (_name, fields) => {
    expect(normalizeItem({ categories: [], ...fields }, CTX)).toEqual({
      kind: 'rejected',
      reason: 'normalize: item has neither title nor body',
    });
  });

  it('makes a headline from the first sentence when there is no title', () => {
    const draft = draftOf(normalizeItem({ title: '', bodyText: 'GENEVA (AP) — The WHO declared the outbreak over. More follows.', categories: [] }, CTX));
    expect(draft.headline).toBe('The WHO declared the outbreak over');
    expect(draft.datelineCity).toBe('Geneva');
    expect(draft.agency).toBe('AP');
    expect(draft.slug).toBe('the-who-declared-the-outbreak-over');
    expect(draft.identity).toMatch(/^hash:[0-9a-f]{16}$/);
  });

  it.each([
    ['the item agency over the dateline', { agency: 'Press Trust of India' }, {}, 'PTI'],
    ['the dateline over the source', {}, { agency: 'Reuters' }, 'PTI'],
    ['the declared dateline agency over the copy', { dateline: 'MOSCOW (Reuters)' }, {}, 'Reuters'],
  ])('credits %s', (_name, fields, ctx, agency) => {
    expect(draftOf(normalizeItem({ ...SEED_ITEM, ...fields }, { ...CTX, ...ctx })).agency).toBe(agency);
  });

  it('credits the source agency when the item names none', () => {
    const draft = draftOf(normalizeItem({ title: 'T', bodyHtml: '<p>No dateline here.</p>', categories: [] }, { ...CTX, agency: 'UN News' }));
    expect(draft.agency).toBe('UN News');
    expect(draft.datelineCity).toBeUndefined();
  });

  it('prefers the declared dateline city, and still strips the body one', () => {
    const draft = draftOf(normalizeItem({ ...SEED_ITEM, dateline: 'ST. PETERSBURG, April 16' }, CTX));
    expect(draft.datelineCity).toBe('St. Petersburg');
    expect(draft.bodyHtml.startsWith(`<p>${SEED_LEAD}`)).toBe(true);
  });

  it('reads the dateline off the feed summary when the body has none', () => {
    const draft = draftOf(normalizeItem({ title: 'T', summary: 'KYIV, Ukraine (AP) — Ukrainian forces advanced.', categories: [] }, CTX));
    expect(draft).toMatchObject({ datelineCity: 'Kyiv', agency: 'AP', summary: 'Ukrainian forces advanced.' });
  });

  it('publishes a summary-only item with the summary as body', () => {
    const draft = draftOf(normalizeItem({ title: 'T', summary: 'Lead <b>text</b> &amp; more.', categories: [] }, CTX));
    expect(draft.bodyHtml).toBe('<p>Lead <b>text</b> &amp; more.</p>');
    expect(draft.summary).toBe('Lead text & more.');
  });

  it('resolves relative links against the item link, and the item link against the feed', () => {
    const draft = draftOf(normalizeItem(
      { title: 'T', link: '/world/a', bodyHtml: '<p><a href="b">b</a> <img src="/i.jpg"></p>', categories: [] },
      { ...CTX, feedLink: 'https://example.com/rss.xml' },
    ));
    expect(draft.link).toBe('https://example.com/world/a');
    expect(draft.bodyHtml).toBe('<p><a href="https://example.com/world/b" rel="noopener noreferrer">b</a> <img src="https://example.com/i.jpg" /></p>');
    expect(draft.imageUrl).toBe('https://example.com/i.jpg');
  });

  it('takes the declared image over the body one', () => {
    const draft = draftOf(normalizeItem({ ...SEED_ITEM, image: { url: 'https://cdn.example.com/a.jpg', caption: 'Putin and Li' } }, CTX));
    expect(draft).toMatchObject({ imageUrl: 'https://cdn.example.com/a.jpg', imageCaption: 'Putin and Li' });
  });

  it('clamps a date far in the future', () => {
    const draft = draftOf(normalizeItem({ ...SEED_ITEM, published: '2030-01-01T00:00:00Z' }, CTX));
    expect(draft.createdAt).toBe(NOW.toISOString());
  });

  it('cleans author, language and categories', () => {
    const draft = draftOf(normalizeItem(
      { ...SEED_ITEM, author: 'desk@example.com (Devdiscourse News Desk)', language: 'EN-in', categories: Array.from({ length: 25 }, (_, i) => `c${i % 22}`) },
      CTX,
    ));
    expect(draft.author).toBe('Devdiscourse News Desk');
    expect(draft.language).toBe('en-IN');
    expect(draft.categories).toHaveLength(20);
  });

  it('never throws, and every draft is safe and complete', () => {
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('<script>x</script>', '<p onclick=x>MOSCOW (Reuters) - a</p>', '<a href="javascript:x">l</a>', '&amp;', ''));
    const wireItem = fc.record(
      {
        guid: fc.string({ maxLength: 20 }),
        link: fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 })),
        title: text,
        summary: text,
        bodyHtml: text,
        bodyText: text,
        author: fc.string({ maxLength: 200 }),
        published: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 30 })),
        updated: fc.string({ maxLength: 30 }),
        categories: fc.array(fc.string({ maxLength: 30 }), { maxLength: 30 }),
        dateline: fc.string({ maxLength: 40 }),
        agency: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: ['title', 'categories'] },
    );
    fc.assert(
      fc.property(wireItem, (item) => {
        const outcome = normalizeItem(item, CTX);
        if (outcome.kind === 'rejected') return;
        const { draft } = outcome;
        expect(draft.headline.trim()).not.toBe('');
        expect(draft.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(draft.summary.split(' ').length).toBeLessThanOrEqual(60);
        expect(draft.bodyHtml).not.toMatch(/<script|<[^>]*\son[a-z]+=|<[^>]*javascript:/i);
        expect(draft.updatedAt >= draft.createdAt).toBe(true);
        expect(draft.categories.length).toBeLessThanOrEqual(20);
      }),
      { numRuns: 500 },
    );
  });
});

// A typical wire item: eight paragraphs (~3 KB) with a dateline, links, entities, a
// picture and a tracking pixel.
function typicalItem(i: number): WireItem {
  const paragraph = `Officials from both countries said on Sunday that talks on trade, energy and security would continue next month, with ministers expected to meet in <a href="/world/${i}">New Delhi</a> to sign an agreement on &#8220;strategic cooperation&#8221; worth $${i} million.`;
  return {
    guid: `urn:wire:${i}`,
    link: `https://wire.example.com/world/story-${i}?utm_source=rss`,
    title: `Ministers agree to deepen trade &amp; energy ties, story ${i}`,
    summary: `Ministers from both countries agreed on Sunday to deepen trade and energy ties.`,
    bodyHtml: `<div class="story"><p>NEW DELHI, Jan 3 (Reuters) - ${paragraph}</p>${`<p>${paragraph}</p>`.repeat(7)}<figure><img src="/img/${i}.jpg" alt="Ministers"><figcaption>Ministers meet.</figcaption></figure><img src="https://pixel.wp.com/g.gif" width="1" height="1"></div>`,
    published: '2023-04-16T19:06:00Z',
    categories: ['World', 'Business'],
  };
}

describe('normalizeItem throughput', () => {
  it('normalizes 2,000 typical items (prints items/s)', () => {
    const items = Array.from({ length: 2000 }, (_, i) => typicalItem(i));
    for (const item of items.slice(0, 200)) normalizeItem(item, CTX); // warm up
    const started = performance.now();
    let ok = 0;
    for (const item of items) if (normalizeItem(item, CTX).kind === 'ok') ok += 1;
    const seconds = (performance.now() - started) / 1000;
    console.log(`normalize: ${items.length} items (${items[0]?.bodyHtml?.length ?? 0} B body) in ${seconds.toFixed(2)} s = ${Math.round(items.length / seconds)} items/s`);
    expect(ok).toBe(items.length);
  });
});
