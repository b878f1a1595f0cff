// The one HTML policy for everything a reader sees: wire bodies (ingest/normalize) and,
// later, staff copy from the desk. An allowlist, and sanitize-html is its engine: the
// options in html-sanitize.ts name every tag, attribute and URL scheme that may pass,
// and sanitize-html writes every tag, attribute and escape of the output. Around it our
// code resolves URLs, drops trackers and pixels, and lays the result out one block a
// line with empty blocks gone, so stored bodies stay small and readable.
//
//   html-sanitize.ts  sanitizeHtml: the sanitize-html options (built once) and transforms
//   html-blocks.ts    the layout pass over sanitize-html's output
//   html-urls.ts      resolveUrl, isTrackingPixel: which URLs to keep, made absolute
//   html-text.ts      htmlToText, htmlPrefix, escapeHtml, findFirstImage

export { sanitizeHtml, type SanitizeOptions } from './html-sanitize.ts';
export { isTrackingPixel, resolveUrl } from './html-urls.ts';
export { escapeHtml, findFirstImage, htmlPrefix, htmlToText, type HtmlImage } from './html-text.ts';
