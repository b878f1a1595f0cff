import { describe, expect, it } from 'vitest';
import { authorName, resolveUrl, toPlainText } from './feed-text.ts';

describe('toPlainText', () => {
  it.each([
    ['plain', 'plain'],
    ['  a \n\t b  ', 'a b'],
    ['<b>Bold</b> &amp; <i>it</i>', 'Bold & it'],
    ['a < b and c > d', 'a < b and c > d'],
    ['&lt;script&gt;x&lt;/script&gt;', '<script>x</script>'],
    ['Tech &#8211; TIME', 'Tech – TIME'],
    ['caf&eacute;&nbsp;au lait', 'café au lait'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });
});

describe('resolveUrl', () => {
  it.each([
    ['https://a.example/x', [], 'https://a.example/x'],
    [' /x ', ['https://a.example/dir/'], 'https://a.example/x'],
    ['y', [undefined, 'not a url', 'https://a.example/dir/'], 'https://a.example/dir/y'],
    ['/x', [], undefined],
    ['javascript:alert(1)', [], undefined],
    ['data:image/png;base64,AAAA', [], undefined],
    ['', ['https://a.example/'], undefined],
  ] as const)('%j against %j -> %j', (value, bases, expected) => {
    expect(resolveUrl(value, ...bases)).toBe(expected);
  });
});

describe('authorName', () => {
  it.each([
    ['jo@example.com (Jo Smith)', 'Jo Smith'],
    ['jo@example.com', 'jo@example.com'],
    ['  Jo   Smith ', 'Jo Smith'],
    ['', undefined],
  ])('%j -> %j', (input, expected) => {
    expect(authorName(input)).toBe(expected);
  });
});

describe('toPlainText: strict entity decoding', () => {
  it.each([
    ['AT&T', 'AT&T'],
    ['Tom&notes', 'Tom&notes'],
    ['&copy2020', '&copy2020'],
    ['&amp;#8217;', '&#8217;'],
  ])('%j -> %j (only references ending in ";")', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });
});
