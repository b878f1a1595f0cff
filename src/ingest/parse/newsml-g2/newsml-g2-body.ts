// The body of a NewsML-G2 item from its contentSet: inline XHTML, inline NITF (whose
// headline, byline and dateline fill in what contentMeta leaves out) or inline text.
import type { WireImage } from '../../../domain/wire-item.ts';
import { parseXml, readRootElement, TEXT, asElement } from '../../../lib/xml.ts';
import { nonBlank } from '../feed-text.ts';
import { adaptNitf } from '../nitf/nitf-adapter.ts';
import { unwrapCdata } from '../nitf/nitf-text.ts';
import { readNitfMarkup } from '../nitf/nitf-wire.ts';
import type { G2Content } from './newsml-g2-wire.ts';

export interface G2Body {
  readonly html?: string;
  readonly text?: string;
  readonly headline?: string;
  readonly author?: string;
  readonly dateline?: string;
  readonly image?: WireImage;
}

// Markup that is HTML already when inlineXML holds a fragment rather than a document.
const HTML_FRAGMENT_ROOTS: ReadonlySet<string> = new Set(['p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'ul', 'ol', 'table', 'pre', 'blockquote']);

export function readG2Body(content: G2Content): G2Body {
  if (content.kind === 'inlineData') {
    const isHtml = /html/i.test(content.contentType ?? '');
    return isHtml ? { html: nonBlank(content.value.trim()) } : { text: nonBlank(content.value.trim()) };
  }
  // The contenttype is often wrong (`application/xhtml+html`, `xhtml/xml`): the root element decides.
  const markup = unwrapCdata(content.value).trim();
  const root = readRootElement(markup);
  const local = root?.name.slice(root.name.indexOf(':') + 1).toLowerCase();
  if (local === 'nitf') return nitfBody(markup);
  if (local === 'html') return { html: xhtmlBody(markup) };
  if (local !== undefined && HTML_FRAGMENT_ROOTS.has(local)) return { html: markup };
  return {};
}

function nitfBody(markup: string): G2Body {
  const doc = readNitfMarkup(markup);
  if (!doc) return {};
  const item = adaptNitf(doc);
  return { html: item.bodyHtml, headline: item.title || undefined, author: item.author, dateline: item.dateline, image: item.image };
}

// The inner markup of the XHTML body, prefixes of a prefixed XHTML (`<x:p>`) dropped.
function xhtmlBody(markup: string): string | undefined {
  const xml = parseXml(markup, { rawContent: (name) => name === 'body' || name.endsWith(':body') });
  if (xml.kind === 'failed') return undefined;
  const html = asElement(xml.doc.root) ?? {};
  const bodyKey = Object.keys(html).find((key) => key === 'body' || key.endsWith(':body'));
  const body = bodyKey === undefined ? undefined : asElement(html[bodyKey])?.[TEXT];
  if (typeof body !== 'string') return undefined;
  const prefix = bodyKey?.includes(':') ? bodyKey.slice(0, bodyKey.indexOf(':')) : undefined;
  const inner = (prefix ? body.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1') : body).trim();
  // A body of bare lines (Reuters sports results and tables) keeps its line breaks. It is
  // still escaped markup, so it is HTML as it stands.
  if (inner.includes('\n') && !/<[a-zA-Z]/.test(inner)) return `<pre>${inner}</pre>`;
  return nonBlank(inner);
}
