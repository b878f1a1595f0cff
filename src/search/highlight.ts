// Highlighted text travels as segments, never as HTML: the engines mark matches with
// two control characters, split here, and the views render the segments with Preact,
// which escapes every one. A story whose text holds `<script>` shows it as text.
import { escapeHtml } from '../lib/html-text.ts';

export interface TextSegment {
  readonly text: string;
  readonly match: boolean;
}

export type Highlighted = readonly TextSegment[];

/** Put around matches by snippet()/highlight()/ts_headline: characters no story text needs. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/**
 * Segments of `marked`. A stray or nested marker (text that already held one) is
 * dropped rather than trusted, so segments never overlap and never leak a marker.
 */
export function splitMarked(marked: string): Highlighted {
  const out: TextSegment[] = [];
  let open = false;
  let text = '';
  const flush = (match: boolean) => {
    if (text) out.push({ text, match });
    text = '';
  };
  for (const ch of marked) {
    if (ch === MARK_START) {
      if (!open) flush(false);
      open = true;
    } else if (ch === MARK_END) {
      if (open) flush(true);
      open = false;
    } else {
      text += ch;
    }
  }
  flush(open);
  return out;
}

/** Plain text of segments (tests, titles). */
export function highlightedText(h: Highlighted): string {
  return h.map((s) => s.text).join('');
}

/** Escaped HTML with only <mark> added: for callers that need a string rather than a Preact tree. */
export function highlightedHtml(h: Highlighted): string {
  return h.map((s) => (s.match ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');
}
