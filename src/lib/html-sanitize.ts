import sanitizeWithPolicy from 'sanitize-html';
import type { Attributes, IFrame, IOptions, Tag } from 'sanitize-html';
import { arrangeBlocks, splitParagraphs } from './html-blocks.ts';
import { IMAGE_SCHEMES, isTrackerLink, isTrackingPixel, LINK_SCHEMES, parseBaseUrl, resolveUrl } from './html-urls.ts';

// The reader-facing HTML policy, enforced by sanitize-html: it checks every tag,
// attribute and URL scheme against the lists below and does all the escaping. Our
// transforms only decide what an allowed tag becomes (URLs resolved, h1 -> h2, sizes
// checked) or that it goes (unresolvable links, trackers, pixels).

export interface SanitizeOptions {
  /** Absolute http(s) URL that relative links and images are resolved against. */
  readonly baseUrl?: string;
}

const ALLOWED_TAGS = [
  // Most frequent first: sanitize-html looks tags up in this array.
  'p', 'a', 'strong', 'em', 'b', 'i', 'br', 'img', 'li', 'ul', 'ol', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
  'u', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'pre', 'code',
  'hr', 'sub', 'sup',
];

// Disallowed tags lose the tag and keep their content, except these, which go with
// everything inside them.
const DROP_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'select', 'xmp', 'noscript', 'iframe', 'object', 'embed', 'applet',
  'form', 'button', 'svg', 'math', 'template', 'canvas', 'audio', 'video', 'frameset', 'frame', 'noembed',
  'noframes', 'head', 'title', 'nav', 'plaintext',
];

const REL = 'noopener noreferrer';
const DIMENSION = /^\d{1,5}$/;
const SPAN = /^\d{1,3}$/;
const SCOPE = /^(?:row|col|rowgroup|colgroup)$/;

/**
 * The call in progress. sanitize-html is synchronous and calls the transforms and the
 * filter in document order, so per-call state lives here and the options stay one
 * object built at load time.
 */
const current = { base: undefined as URL | undefined, openParagraphs: 0, blockInParagraph: false };

// What goes is marked rather than removed inside sanitize-html, and removed afterwards in
// one pass (removeMarked). exclusiveFilter removes an element by cutting sanitize-html's
// output string, which copies all of it, so many removals are quadratic: 600 KB of
// <blockquote><p> took 16 s. Renaming to a disallowed tag is no way out either:
// sanitize-html 2.17 then writes that name in the end tag of the next element at the
// same depth (apostrophecms/sanitize-html#398). Kept links always carry href and kept
// images src, so these bare tags cannot come from the input.
const UNWRAP_LINK = '<a>'; // the tag goes, its content stays
const DROP_REL = 'wd-drop';
const DROP_LINK = `<a rel="${DROP_REL}">`; // the link goes with its content
const DROP_IMAGE = '<img />';
const BREAK: Tag = { tagName: 'br', attribs: Object.freeze({}) };

function transformParagraph(tagName: string, attribs: Attributes): Tag {
  // htmlparser2 closes an open <p> when another opens only if it is the current element,
  // so <p><span><div> still nests one. A line break keeps the two apart instead:
  // nested paragraphs are invalid, and re-parsing them would split them differently.
  if (current.openParagraphs > 0) return BREAK;
  current.openParagraphs += 1;
  return { tagName, attribs };
}

// A heading, list, table … opening in a paragraph: htmlparser2 ends the paragraph there
// only if it is the current element, so after <p><span><h2> the output has <h2> in <p>,
// which a re-parse would split. splitParagraphs then does it now.
function transformBlock(tagName: string, attribs: Attributes): Tag {
  if (current.openParagraphs > 0) current.blockInParagraph = true;
  return { tagName: tagName === 'h1' ? 'h2' : tagName, attribs };
}

/** exclusiveFilter, run as each kept element ends: only counts (see the markers above). */
function endElement(frame: IFrame): false {
  if (frame.tag === 'p' && frame.attribs !== BREAK.attribs) current.openParagraphs -= 1;
  return false;
}

function transformLink(tagName: string, attribs: Attributes): Tag {
  const href = resolveUrl(attribs.href, current.base, LINK_SCHEMES);
  if (href === undefined) return { tagName, attribs: {} }; // UNWRAP_LINK
  if (isTrackerLink(href)) return { tagName, attribs: { rel: DROP_REL } }; // DROP_LINK
  const title = attribs.title;
  return { tagName, attribs: title ? { href, rel: REL, title } : { href, rel: REL } };
}

function transformImage(tagName: string, attribs: Attributes): Tag {
  // Lazy-loading markup keeps the real picture in a data-* attribute and a placeholder
  // (often a data: URI) in src.
  const src = resolveUrl(attribs.src, current.base, IMAGE_SCHEMES)
    ?? resolveUrl(attribs['data-src'], current.base, IMAGE_SCHEMES)
    ?? resolveUrl(attribs['data-lazy-src'], current.base, IMAGE_SCHEMES)
    ?? resolveUrl(attribs['data-original'], current.base, IMAGE_SCHEMES);
  const { alt, width, height } = attribs;
  if (src === undefined || isTrackingPixel(src, width, height)) return { tagName, attribs: {} }; // DROP_IMAGE
  const kept: Attributes = { src };
  if (alt) kept.alt = alt;
  if (width !== undefined && DIMENSION.test(width)) kept.width = width;
  if (height !== undefined && DIMENSION.test(height)) kept.height = height;
  return { tagName, attribs: kept };
}

function transformCell(tagName: string, attribs: Attributes): Tag {
  const { colspan, rowspan, scope } = attribs;
  const kept: Attributes = {};
  if (colspan !== undefined && SPAN.test(colspan)) kept.colspan = colspan;
  if (rowspan !== undefined && SPAN.test(rowspan)) kept.rowspan = rowspan;
  if (tagName === 'th' && scope !== undefined && SCOPE.test(scope)) kept.scope = scope;
  return { tagName, attribs: kept };
}

function transformOrderedList(tagName: string, attribs: Attributes): Tag {
  const start = attribs.start;
  return transformBlock(tagName, start !== undefined && DIMENSION.test(start) ? { start } : {});
}

const POLICY: IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'rel', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    ol: ['start'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
  },
  // The transforms already resolved every URL to one of these; sanitize-html checks again.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  selfClosing: ['img', 'br', 'hr'],
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  parseStyleAttributes: false,
  transformTags: {
    p: transformParagraph,
    a: transformLink,
    img: transformImage,
    h1: transformBlock, h2: transformBlock, h3: transformBlock, h4: transformBlock, h5: transformBlock, h6: transformBlock,
    ul: transformBlock, ol: transformOrderedList, blockquote: transformBlock, table: transformBlock,
    figure: transformBlock, figcaption: transformBlock, pre: transformBlock, hr: transformBlock,
    td: transformCell,
    th: transformCell,
  },
  exclusiveFilter: endElement,
  parser: { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
};

// Structural wrappers become <p> before parsing, so that htmlparser2 applies the HTML
// rule that a <p>, heading, list, table … closes an open <p>: <div>a<div>b</div></div>
// comes out as two paragraphs, <div><p>a</p></div> as one, never nested. Only the name
// of a tag changes, never where one starts or ends (the lookahead is htmlparser2's end
// of a tag name). Inside a comment or script a match goes with it; inside an attribute
// value (title="<div>") it changes text, rarely and harmlessly.
const WRAPPER_TAG = /<(\/?)(?:div|section|article|main|header|footer|aside|center|address|details|summary|hgroup|dl|dd|dt)(?=[\t\n\f\r />])/gi;

/**
 * Makes untrusted HTML safe to show: the allowlist above, http(s) links with
 * rel="noopener noreferrer", relative URLs resolved against `baseUrl` (dropped without
 * one), tracking pixels removed; then one block a line, empty top-level blocks dropped,
 * loose text wrapped in paragraphs (arrangeBlocks).
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  current.base = parseBaseUrl(options.baseUrl);
  current.openParagraphs = 0;
  current.blockInParagraph = false;
  try {
    const sanitized = removeMarked(sanitizeWithPolicy(html.replace(WRAPPER_TAG, '<$1p'), POLICY));
    return arrangeBlocks(current.blockInParagraph ? splitParagraphs(sanitized) : sanitized);
  } finally {
    current.base = undefined;
  }
}

const MARKED = /<a(?:>| [^>]*>)|<\/a>|<img \/>/g;

/** Removes what the transforms marked: unwrapped and dropped links, dropped images. */
function removeMarked(html: string): string {
  if (!html.includes(UNWRAP_LINK) && !html.includes(DROP_LINK) && !html.includes(DROP_IMAGE)) return html;
  let out = '';
  let from = 0; // start of the output not copied yet
  let dropUntil = -1; // while dropping a link: how many links stay open after it ends
  const links: string[] = []; // the start tags of the links open
  for (const match of html.matchAll(MARKED)) {
    const [tag] = match;
    const end = match.index + tag.length;
    if (tag === '</a>') {
      const start = links.pop();
      if (dropUntil !== -1) {
        if (links.length === dropUntil) {
          dropUntil = -1;
          from = end;
        }
        continue;
      }
      if (start !== UNWRAP_LINK) continue;
    } else if (tag === DROP_IMAGE) {
      if (dropUntil !== -1) continue;
    } else {
      links.push(tag);
      if (dropUntil !== -1 || (tag !== UNWRAP_LINK && tag !== DROP_LINK)) continue;
      if (tag === DROP_LINK) dropUntil = links.length - 1;
    }
    out += html.slice(from, match.index);
    from = end;
  }
  return dropUntil === -1 ? out + html.slice(from) : out;
}
