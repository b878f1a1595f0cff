// Pages are assembled from two kinds of piece: the per-request head and main column,
// rendered here, and the shared chrome (masthead, rail, footer), rendered and encoded
// once per sidebar refresh. Only the per-request part is rendered, UTF-8 encoded and
// hashed on each request; the chrome's bytes and hash are reused.
import { createHash, hash } from 'node:crypto';
import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';

export interface ChromeHtml {
  readonly header: string;
  readonly rail: string;
  readonly footer: string;
}

/** Chrome HTML encoded once, with a hash of all three parts for page ETags. */
export interface ChromeParts {
  readonly header: Buffer;
  readonly rail: Buffer;
  readonly footer: Buffer;
  readonly hash: string;
}

export function prepareChrome(html: ChromeHtml): ChromeParts {
  return {
    header: Buffer.from(html.header),
    rail: Buffer.from(html.rail),
    footer: Buffer.from(html.footer),
    hash: hash('sha1', `${html.header}\0${html.rail}\0${html.footer}`, 'base64url'),
  };
}

export interface DocumentParts {
  readonly lang: string;
  readonly head: JSX.Element;
  readonly main: JSX.Element;
  readonly chrome: ChromeParts;
  /** Show the rail (trending, latest, opinion) beside the main column. */
  readonly rail: boolean;
}

export interface RenderedPage {
  readonly body: Buffer;
  /** Weak ETag over everything the body is made of (RFC 9110 §8.8.3). */
  readonly etag: string;
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const BODY_OPEN = Buffer.from('</head><body>');
const PAGE_OPEN = Buffer.from('<div class="page"><main id="main" tabindex="-1">');
const PAGE_OPEN_RAIL = Buffer.from('<div class="page with-rail"><main id="main" tabindex="-1">');
const MAIN_CLOSE = Buffer.from('</main>');
const RAIL_OPEN = Buffer.from('<aside class="rail" aria-label="More news">');
const RAIL_CLOSE = Buffer.from('</aside>');
const PAGE_CLOSE = Buffer.from('</div>');
const DOC_CLOSE = Buffer.from('</body></html>');

export function renderDocument(p: DocumentParts): RenderedPage {
  const head = Buffer.from(`<!doctype html><html lang="${escapeAttr(p.lang)}"><head>${renderToString(p.head)}`);
  const main = Buffer.from(renderToString(p.main));
  const { chrome } = p;
  const body = Buffer.concat(
    p.rail
      ? [head, BODY_OPEN, chrome.header, PAGE_OPEN_RAIL, main, MAIN_CLOSE, RAIL_OPEN, chrome.rail, RAIL_CLOSE, PAGE_CLOSE, chrome.footer, DOC_CLOSE]
      : [head, BODY_OPEN, chrome.header, PAGE_OPEN, main, MAIN_CLOSE, PAGE_CLOSE, chrome.footer, DOC_CLOSE],
  );
  const tag = createHash('sha1').update(chrome.hash).update(p.rail ? 'r' : '-').update(head).update(main).digest('base64url');
  return { body, etag: `W/"${tag}"` };
}

export function renderFragment(node: JSX.Element): string {
  return renderToString(node);
}
