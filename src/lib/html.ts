// The one HTML policy for everything a reader sees: wire bodies (ingest/normalize) and,
// later, staff copy from the desk. An allowlist, and sanitize-html is its engine: what
// the policy in html-sanitize.ts does not name is dropped, and sanitize-html writes every
// tag, attribute and escape of the output. Around it, our code only resolves URLs, drops
// trackers and empty blocks, and lays the result out as one block a line.
//
//   html-sanitize.ts  sanitizeHtml: the sanitize-html options, built once
//   html-blocks.ts    lays the sanitized output out one block a line
//   html-urls.ts      resolveUrl, isTrackingPixel: which URLs to keep, made absolute
//   html-text.ts      htmlToText, htmlPrefix, escapeHtml, findFirstImage

export { sanitizeHtml, type SanitizeOptions } from './html-sanitize.ts';
export { isTrackingPixel, resolveUrl } from './html-urls.ts';
export { escapeHtml, findFirstImage, htmlPrefix, htmlToText, type HtmlImage } from './html-text.ts';
