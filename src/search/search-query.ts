// What a reader types into the search box, as a small tree both engines compile:
// words (AND), "quoted phrases", OR between neighbours, -exclusion, prefix*. Anything
// else (parentheses, lone operators, stray quotes, SQL) is text or ignored, never an
// error: the parser accepts every string.
import { STOP_WORDS } from './stop-words.ts';

export type SearchTerm =
  | { readonly kind: 'word'; readonly text: string }
  /** `text` is letters, digits and marks only, so it is safe to hand to to_tsquery. */
  | { readonly kind: 'prefix'; readonly text: string }
  | { readonly kind: 'phrase'; readonly words: readonly string[] };

/** Any one of `anyOf` must match (or, when `negated`, none of them may). */
export interface SearchClause {
  readonly negated: boolean;
  readonly anyOf: readonly SearchTerm[];
}

/** Every clause must hold. At least one clause is positive: a query of exclusions alone would match the whole archive. */
export interface SearchQuery {
  readonly clauses: readonly SearchClause[];
}

/** More terms than this are ignored: a longer query is a paste, not a search. */
export const MAX_TERMS = 16;

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const PREFIX_TEXT = /^[\p{L}\p{N}\p{M}]+$/u;

interface Token {
  readonly negated: boolean;
  readonly term: SearchTerm | 'or';
}

/** The query, or undefined when nothing in `input` can be searched for. */
export function parseSearchQuery(input: string): SearchQuery | undefined {
  const clauses: SearchClause[] = [];
  let joinNext = false;
  for (const token of tokenize(input)) {
    if (token.term === 'or') {
      joinNext = clauses.length > 0;
      continue;
    }
    const last = clauses[clauses.length - 1];
    // OR joins two positive neighbours; next to an exclusion it means nothing.
    if (joinNext && last && !last.negated && !token.negated) clauses[clauses.length - 1] = { negated: false, anyOf: [...last.anyOf, token.term] };
    else clauses.push({ negated: token.negated, anyOf: [token.term] });
    joinNext = false;
  }
  return clauses.some((c) => !c.negated) ? { clauses } : undefined;
}

function* tokenize(input: string): Generator<Token> {
  let terms = 0;
  // A quote runs to the next quote or to the end; a word to the next space, quote or parenthesis.
  const pattern = /(-?)"([^"]*)"?|(-?)([^\s"()]+)/gu;
  // Control characters are never words; NUL would end SQLite's string and break PostgreSQL's encoding.
  for (const m of input.normalize('NFC').replace(/\p{Cc}/gu, ' ').matchAll(pattern)) {
    if (terms >= MAX_TERMS) return;
    const [, phraseNeg, phraseText, wordNeg, word] = m;
    let token: Token | undefined;
    if (phraseText !== undefined) token = phraseToken(phraseNeg === '-', phraseText);
    else if (word !== undefined) token = wordToken(wordNeg === '-', word);
    if (!token) continue;
    if (token.term !== 'or') terms++;
    yield token;
  }
}

function phraseToken(negated: boolean, text: string): Token | undefined {
  const words = text.split(/\s+/).filter((w) => HAS_WORD_CHAR.test(w));
  if (words.length === 0) return undefined;
  if (words.length === 1) return wordToken(negated, words[0] ?? '');
  return { negated, term: { kind: 'phrase', words } };
}

function wordToken(negated: boolean, raw: string): Token | undefined {
  if (raw === 'OR' || raw === '|') return { negated: false, term: 'or' };
  const prefix = raw.endsWith('*');
  const text = raw.replace(/^[-*+]+|\*+$/g, '');
  if (!HAS_WORD_CHAR.test(text)) return undefined;
  if (prefix && PREFIX_TEXT.test(text)) return { negated, term: { kind: 'prefix', text } };
  // Stop words match nearly every story; PostgreSQL ignores them, so both engines do.
  if (STOP_WORDS.has(text.toLowerCase())) return undefined;
  return { negated, term: { kind: 'word', text } };
}
