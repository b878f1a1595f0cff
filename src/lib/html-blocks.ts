// Lays out sanitize-html's output: one top-level block a line, loose content in paragraphs.

// In sanitized output every '<' starts an allowlisted tag and every '>' ends one: text
// and attribute values are escaped.
const TAG = /<(\/?)([a-z0-9]+)[^>]*>/g;
const VOID_TAGS: ReadonlySet<string> = new Set(['br', 'img', 'hr']);
// Elements that stand alone at the top level; the rest there is inline, gathered into runs.
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'th', 'td', 'caption', 'figure', 'figcaption', 'pre', 'hr',
]);
const ONLY_SPACES = /^[\t\n\f\r ]*$/;
// The blocks that end an open <p> when htmlparser2 parses them (h1 is written as h2).
const ENDS_PARAGRAPH = /<(?:h[2-6]|ul|ol|blockquote|table|figure|figcaption|pre|hr)[ />]/;
// Paragraphs do not nest in sanitized output, so each one ends at the next </p>.
const PARAGRAPH = /<p>([\s\S]*?)<\/p>/g;
const NOT_BLANK = /\S/; // \s includes U+00A0: a lone &nbsp; is blank

/**
 * One top-level block a line: loose text and inline elements between blocks become a
 * paragraph (a double <br> there starts the next one); blocks with neither text nor an
 * image go, and so does whitespace between blocks. A single pass that only cuts, and
 * wraps in <p>. Paragraphs are jumped over whole: the sanitizer never nests them.
 */
export function arrangeBlocks(html: string): string {
  const out = new Layout(html);
  TAG.lastIndex = 0;
  let depth = 0; // elements open
  let blockStart = -1; // start of the open top-level block; -1 in a run of loose content
  let breakEnd = -1; // end of the last top-level <br />
  for (let match = TAG.exec(html); match !== null; match = TAG.exec(html)) {
    const closing = match[1] === '/';
    const name = match[2] ?? '';
    if (depth > 0) {
      if (VOID_TAGS.has(name)) continue;
      if (!closing) {
        depth += 1;
        if (blockStart === -1 && BLOCK_TAGS.has(name)) out.runHasBlock = true;
      } else if (--depth === 0 && blockStart !== -1) {
        out.addBlock(blockStart, TAG.lastIndex);
        blockStart = -1;
      }
    } else if (closing) {
      continue; // a stray end tag (sanitize-html writes none)
    } else if (name === 'p') {
      out.endRun(match.index);
      const close = html.indexOf('</p>', TAG.lastIndex);
      if (close === -1) out.addBlock(match.index, html.length);
      else out.addParagraph(TAG.lastIndex, close);
      TAG.lastIndex = out.runStart;
    } else if (BLOCK_TAGS.has(name)) {
      out.endRun(match.index);
      if (name === 'hr') {
        out.blocks.push(match[0]);
        out.runStart = TAG.lastIndex;
      } else {
        blockStart = match.index;
        depth = 1;
      }
    } else if (name === 'br') {
      if (breakEnd !== -1 && ONLY_SPACES.test(html.slice(breakEnd, match.index))) {
        out.endRun(match.index);
        out.runStart = TAG.lastIndex;
      }
      breakEnd = TAG.lastIndex;
    } else if (!VOID_TAGS.has(name)) {
      depth = 1;
    }
  }
  if (blockStart !== -1) out.addBlock(blockStart, html.length);
  else out.endRun(html.length);
  return out.blocks.join('\n');
}

/**
 * Paragraphs holding a heading, list, table … laid out like the top level, which is how
 * htmlparser2 sees them when it parses the output again. The sanitizer calls this only
 * when it saw such a block open in a paragraph (through an element it unwrapped).
 */
export function splitParagraphs(html: string): string {
  return html.replace(PARAGRAPH, (paragraph, inner: string) => (ENDS_PARAGRAPH.test(inner) ? arrangeBlocks(inner) : paragraph));
}

class Layout {
  readonly blocks: string[] = [];
  runStart = 0;
  runHasBlock = false; // a block inside an inline element: the run cannot become a <p>
  private readonly html: string;

  constructor(html: string) {
    this.html = html;
  }

  addBlock(start: number, end: number): void {
    if (hasContent(this.html, start, end)) this.blocks.push(this.html.slice(start, end));
    this.runStart = end;
  }

  /** A paragraph's content from `start` to `end`: trimmed, and gone if it is blank. */
  addParagraph(start: number, end: number): void {
    this.runStart = end + 4; // after </p>
    const inner = this.html.slice(start, end);
    const content = trimLoose(inner);
    if (!hasContent(content, 0, content.length)) return;
    this.blocks.push(content.length === inner.length ? this.html.slice(start - 3, end + 4) : `<p>${content}</p>`);
  }

  /** The loose content from `runStart` to `end`, as a paragraph unless it is blank. */
  endRun(end: number): void {
    const start = this.runStart;
    const hasBlock = this.runHasBlock;
    this.runHasBlock = false;
    if (end - start < 8 && this.html.slice(start, end).trim() === '') return; // the usual newline
    const content = trimLoose(this.html.slice(start, end));
    if (hasContent(content, 0, content.length)) this.blocks.push(hasBlock ? content : `<p>${content}</p>`);
  }
}

// Without leading and trailing whitespace and <br />.
function trimLoose(html: string): string {
  let content = html.trim();
  while (content.startsWith('<br />')) content = content.slice(6).trimStart();
  while (content.endsWith('<br />')) content = content.slice(0, -6).trimEnd();
  return content;
}

/** Whether sanitized HTML has text or an image between `start` and `end`. */
function hasContent(html: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    if (html.charCodeAt(i) === 60 /* < */) {
      if (html.startsWith('<img', i)) return true;
      i = html.indexOf('>', i) + 1 || end;
    } else if (NOT_BLANK.test(html.charAt(i))) {
      return true;
    } else {
      i += 1;
    }
  }
  return false;
}
