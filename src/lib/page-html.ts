// A static page's text as the newsroom gives it (an HTML fragment or plain text) to the
// HTML the site shows: sanitized by the same policy as wire bodies, so nothing
// executable gets in whoever wrote the file. Markdown would need a Markdown library,
// which package.json does not have yet: it is refused with a message, not guessed at.
import { escapeHtml } from './html.ts';
import { sanitizeHtml } from './html-sanitize.ts';

export type PageTextFormat = 'html' | 'text';

export function pageFormatOf(fileName: string): PageTextFormat | { readonly error: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'txt') return 'text';
  if (ext === 'md' || ext === 'markdown') return { error: 'Markdown is not supported yet (no Markdown library in package.json): give an .html or .txt file' };
  return { error: `give an .html or .txt file, got "${fileName}"` };
}

/** Plain text: a paragraph per blank-line-separated block, a line break per line. */
function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block) => `<p>${block.split(/\r?\n/).map(escapeHtml).join('<br />')}</p>`)
    .join('\n');
}

/** Safe HTML for the page; empty when nothing readable is left. */
export function pageHtml(content: string, format: PageTextFormat, baseUrl: string): string {
  return sanitizeHtml(format === 'text' ? textToHtml(content) : content, { baseUrl }).trim();
}
