import type { WireItem } from '../../domain/wire-item.ts';
import { escapeHtml, sanitizeHtml } from '../../lib/html.ts';
import { collapseWhitespace } from '../../lib/text.ts';

/**
 * The item's body as safe HTML: `bodyHtml` through the site's HTML policy, else
 * `bodyText` as paragraphs, else the feed summary (many RSS feeds carry nothing else).
 * Relative URLs resolve against `baseUrl` (the item's link).
 */
export function sanitizeBody(item: WireItem, baseUrl: string | undefined): string {
  const options = baseUrl === undefined ? {} : { baseUrl };
  if (item.bodyHtml !== undefined && item.bodyHtml.trim() !== '') {
    const html = sanitizeHtml(item.bodyHtml, options);
    if (html !== '') return html;
  }
  if (item.bodyText !== undefined && item.bodyText.trim() !== '') return textToParagraphs(item.bodyText);
  if (item.summary !== undefined && item.summary.trim() !== '') {
    return looksLikeHtml(item.summary) ? sanitizeHtml(item.summary, options) : textToParagraphs(item.summary);
  }
  return '';
}

function looksLikeHtml(text: string): boolean {
  return /<[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
}

// Hard-wrapped wire text keeps its lines under ~80 characters; text whose lines run longer
// than this writes one paragraph per line.
const LONG_LINE = 100;

/**
 * Plain text to HTML paragraphs: escaped, split on blank lines. Text without blank lines
 * whose lines are long is split on every line break; a hard-wrapped line break is a space.
 */
export function textToParagraphs(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const hasBlankLines = /\n[ \t]*\n/.test(normalized);
  const lines = normalized.split('\n');
  const onePerLine = !hasBlankLines && lines.length > 1 && lines.some((line) => line.length > LONG_LINE);
  const paragraphs = onePerLine ? lines : normalized.split(/\n[ \t]*\n/);
  return paragraphs
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
}
