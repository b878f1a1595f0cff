import { describe, expect, it } from 'vitest';
import { pickImage } from './image.ts';

const BODY = '<p>x</p>\n<p><img src="https://cdn.example.com/body.jpg" alt="Body" /></p>';

describe('pickImage', () => {
  it.each([
    ['declared image with caption', { url: 'https://cdn.example.com/a.jpg', caption: 'Putin &amp; <b>Li</b>' }, BODY, { url: 'https://cdn.example.com/a.jpg', caption: 'Putin & Li' }],
    ['declared relative image resolves', { url: '/img/a.jpg' }, '', { url: 'https://example.com/img/a.jpg' }],
    ['declared non-http image falls back to the body', { url: 'data:image/png;base64,AAAA' }, BODY, { url: 'https://cdn.example.com/body.jpg' }],
    ['declared pixel falls back to the body', { url: 'https://example.com/p.gif', width: 1, height: 1 }, BODY, { url: 'https://cdn.example.com/body.jpg' }],
    ['declared tracker falls back to the body', { url: 'https://pixel.wp.com/g.gif' }, BODY, { url: 'https://cdn.example.com/body.jpg' }],
    ['no declared image', undefined, BODY, { url: 'https://cdn.example.com/body.jpg' }],
    ['nothing', undefined, '<p>x</p>', {}],
  ])('%s', (_name, image, body, expected) => {
    expect(pickImage(image, body, 'https://example.com/story')).toEqual(expected);
  });
});
