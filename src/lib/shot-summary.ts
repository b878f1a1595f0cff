// The summary on a DevShots card: at most 60 words, ending where a sentence ends.
// Pure. Sentence ends come from lib/text.ts (abbreviations such as "Dr.", initials and
// acronyms such as "U.S.", and decimals such as "3.5" are not ends), looked for in the
// whole text, so a cut never mistakes "U.S." before "Treasury" for an end.
import { collapseWhitespace, findSentenceEnds, splitWords } from './text.ts';

export const SHOT_MAX_WORDS = 60;
/** A clause cut must keep at least this many words to be worth reading. */
const MIN_CLAUSE_WORDS = 8;
const ELLIPSIS = '…';
const CUT_UPSTREAM = /\s*(?:…|\.\.\.)$/u;
// A place inside a sentence where a thought pauses: after ; : , or before a dash.
const CLAUSE_BREAK = /[;:,](?=\s)|\s(?=[—–-]\s)/gu;

/**
 * The most whole sentences of `text` that fit in `maxWords` words. When even the first
 * sentence is longer (or the text was already cut mid-sentence), the longest run of
 * clauses that fits, then "…"; failing that, the first `maxWords` words and "…".
 */
export function shotSummary(text: string, maxWords: number = SHOT_MAX_WORDS): string {
  const clean = collapseWhitespace(text);
  const cutUpstream = CUT_UPSTREAM.test(clean);
  if (!cutUpstream && splitWords(clean, maxWords + 1).length <= maxWords) return clean;
  const body = cutUpstream ? clean.replace(CUT_UPSTREAM, '') : clean;
  const prefix = splitWords(body, maxWords).join(' ');
  // splitWords keeps each word as written, so with collapsed whitespace the prefix is a prefix of body.
  const ends = findSentenceEnds(body).filter((end) => end <= prefix.length && !(cutUpstream && end === body.length));
  const lastEnd = ends[ends.length - 1];
  if (lastEnd !== undefined) return body.slice(0, lastEnd);
  return clauseCut(prefix) ?? `${prefix.replace(/[\s,;:–—-]+$/u, '')}${ELLIPSIS}`;
}

function clauseCut(prefix: string): string | undefined {
  let best: number | undefined;
  for (const m of prefix.matchAll(CLAUSE_BREAK)) {
    const at = m[0].startsWith(' ') ? m.index : m.index + m[0].length;
    if (splitWords(prefix.slice(0, at), MIN_CLAUSE_WORDS).length >= MIN_CLAUSE_WORDS) best = at;
  }
  if (best === undefined) return undefined;
  return `${prefix.slice(0, best).replace(/[\s,;:–—-]+$/u, '')}${ELLIPSIS}`;
}
