import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WireItem } from '../../domain/wire-item.ts';
import { sanitizeBody, textToParagraphs } from './sanitize.ts';

const item = (fields: Partial<WireItem>): WireItem => ({ title: 'T', categories: [], ...fields });

describe('sanitizeBody', () => {
  it.each([
    ['bodyHtml through the policy', { bodyHtml: '<p onclick="x">Hi <a href="/a">a</a></p><script>x</script>' },
      '<p>Hi <a href="https://example.com/a" rel="noopener noreferrer">a</a></p>'],
    ['bodyText as paragraphs when there is no HTML', { bodyText: 'One <b>\n\nTwo' }, '<p>One &lt;b&gt;</p>\n<p>Two</p>'],
    ['bodyText when bodyHtml sanitizes to nothing', { bodyHtml: '<script>x</script>', bodyText: 'Text' }, '<p>Text</p>'],
    ['HTML summary when there is no body', { summary: '<p>Lead <img src="https://pixel.wp.com/x.gif"></p>' }, '<p>Lead</p>'],
    ['text summary when there is no body', { summary: 'Lead & more' }, '<p>Lead &amp; more</p>'],
    ['nothing at all', {}, ''],
    ['whitespace only', { bodyHtml: '  ', bodyText: '\n' }, ''],
  ])('%s', (_name, fields, expected) => {
    expect(sanitizeBody(item(fields), 'https://example.com/story')).toBe(expected);
  });

  it('drops relative URLs without a base', () => {
    expect(sanitizeBody(item({ bodyHtml: '<p><a href="/a">a</a></p>' }), undefined)).toBe('<p>a</p>');
  });

  it('never lets executable markup through, whichever field carries it', () => {
    const hostile = fc.constantFrom(
      '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="jav&#x09;ascript:x">a</a>', '<p onclick="x">',
      '<svg onload=alert(1)>', '<iframe src="javascript:x">', 'text', '\n\n', '<b>', '&lt;script&gt;', '<', '"',
    );
    const body = fc.array(hostile, { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(body, fc.constantFrom('bodyHtml', 'bodyText', 'summary'), (text, field) => {
        const html = sanitizeBody(item({ [field]: text }), 'https://example.com/');
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
        expect(html).not.toMatch(/<[^>]*javascript:/i);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('textToParagraphs', () => {
  it.each([
    ['splits on blank lines', 'One\n\nTwo\n \nThree', '<p>One</p>\n<p>Two</p>\n<p>Three</p>'],
    ['joins hard-wrapped lines', 'MOSCOW (Reuters) - Russian President\nVladimir Putin met\n\nSecond', '<p>MOSCOW (Reuters) - Russian President Vladimir Putin met</p>\n<p>Second</p>'],
    ['one paragraph per long line', `${'a '.repeat(60)}\n${'b '.repeat(60)}`, `<p>${'a '.repeat(59)}a</p>\n<p>${'b '.repeat(59)}b</p>`],
    ['escapes', '1 < 2 & "q"', '<p>1 &lt; 2 &amp; &quot;q&quot;</p>'],
    ['handles CRLF', 'One\r\n\r\nTwo', '<p>One</p>\n<p>Two</p>'],
    ['drops empty text', ' \n\n ', ''],
  ])('%s', (_name, text, expected) => {
    expect(textToParagraphs(text)).toBe(expected);
  });
});
