import { describe, expect, it } from 'vitest';
import { escapeHtml, findFirstImage, htmlPrefix, htmlToText } from './html-text.ts';

describe('htmlToText', () => {
  it.each([
    ['<p>One <b>bold</b></p><p>Two</p>', 'One bold\n\nTwo'],
    ['a<br>b<br><br>c', 'a b\n\nc'],
    ['<div>x</div><script>var a = "<p>";</script><style>p{}</style><!-- hidden -->y', 'x\n\ny'],
    ['Tom &amp;amp; Jerry&nbsp;&#8217;', 'Tom & Jerry ’'],
    ['<![CDATA[kept]]>', 'kept'],
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['  plain\n\n text  ', 'plain\n\ntext'],
    ['&lt;b&gt;not a tag&lt;/b&gt;', '<b>not a tag</b>'],
    ['', ''],
  ])('%j', (input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });
});

describe('findFirstImage', () => {
  it('finds the first image, unescaped', () => {
    expect(findFirstImage('<p>x</p><p><img src="https://a.example/i.jpg?a=1&amp;b=2" alt="A &amp; B" /></p><img src="https://b.example/j.jpg" />'))
      .toEqual({ src: 'https://a.example/i.jpg?a=1&b=2', alt: 'A & B' });
    expect(findFirstImage('<p>none</p>')).toBeUndefined();
  });
});

describe('small helpers', () => {
  it('escapes', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
  it('cuts HTML after a tag', () => {
    expect(htmlPrefix('<p>abc</p><p><a href="x">y</a></p>', 16)).toBe('<p>abc</p><p>');
    expect(htmlPrefix('<p>a</p>', 100)).toBe('<p>a</p>');
  });
});

describe('htmlToText in linear time on hostile input', () => {
  it.each([
    ['unclosed scripts', '<script>'.repeat(20_000)],
    ['unclosed tags', '<a'.repeat(50_000)],
    ['unclosed comments and CDATA', '<!--<![CDATA['.repeat(20_000)],
    ['deep nesting', '<div><b>'.repeat(20_000)],
  ])('%s', (_name, input) => {
    const started = performance.now();
    htmlToText(input);
    // Linear work is milliseconds; a quadratic scan of these inputs would take minutes.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
