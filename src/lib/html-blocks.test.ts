import { describe, expect, it } from 'vitest';
import { arrangeBlocks, splitParagraphs } from './html-blocks.ts';

// Input as sanitize-html writes it: allowlisted tags only, text escaped.
describe('arrangeBlocks', () => {
  it.each([
    ['one block a line', '<p>a</p>  <h2>b</h2>\n\n<hr /><ul><li>c</li></ul>', '<p>a</p>\n<h2>b</h2>\n<hr />\n<ul><li>c</li></ul>'],
    ['wraps loose content in paragraphs', ' a <b>b</b><p>c</p>d<br />', '<p>a <b>b</b></p>\n<p>c</p>\n<p>d</p>'],
    ['splits loose content on a double br', 'a<br /> <br />b<br />c', '<p>a</p>\n<p>b<br />c</p>'],
    ['trims paragraphs', '<p> a <br /></p><p><br />\nb</p>', '<p>a</p>\n<p>b</p>'],
    ['keeps a double br inside a block', '<p>a<br /><br />b</p>', '<p>a<br /><br />b</p>'],
    ['drops blocks without text or image', '<p> </p><blockquote><p>\u00a0</p></blockquote><figure><img src="https://x.example/a.jpg" /></figure>',
      '<figure><img src="https://x.example/a.jpg" /></figure>'],
    ['drops loose content without text or image', '<p>a</p> <br /> <b> </b>', '<p>a</p>'],
    ['leaves loose content holding a block unwrapped', '<b>x<p>y</p></b>', '<b>x<p>y</p></b>'],
    ['keeps nested blocks whole', '<blockquote><blockquote><p>q</p></blockquote>r</blockquote>', '<blockquote><blockquote><p>q</p></blockquote>r</blockquote>'],
    ['keeps an unclosed block', '<ul><li>x', '<ul><li>x'],
    ['nothing', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(arrangeBlocks(input)).toBe(expected);
  });
});

describe('splitParagraphs', () => {
  it.each([
    ['splits a paragraph around a block, wherever it is', '<ul><li><p>a<h6>b</h6> c</p></li></ul>', '<ul><li><p>a</p>\n<h6>b</h6>\n<p>c</p></li></ul>'],
    ['leaves other paragraphs alone', '<p>a <b>b</b></p>\n<p> c </p>', '<p>a <b>b</b></p>\n<p> c </p>'],
  ])('%s', (_name, input, expected) => {
    expect(splitParagraphs(input)).toBe(expected);
  });
});
