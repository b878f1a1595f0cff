import { foldToAscii } from '../../lib/text.ts';

// Word-level matching of term lists, built once per sector list: text is tokenized
// once and each position looked up as a 1-, 2- and 3-word key, instead of running one
// regular expression per term.

export const MAX_TERM_WORDS = 3;

export interface TermHit {
  readonly sector: number;
  readonly term: string;
}

export interface TermIndex {
  /** Keys of lower-cased, lightly stemmed words joined by one space. */
  readonly words: ReadonlyMap<string, readonly TermHit[]>;
  /** Acronyms written in capitals ("WHO"), matched only as capitals. */
  readonly acronyms: ReadonlyMap<string, readonly TermHit[]>;
}

interface Token {
  readonly key: string;
  readonly raw: string;
}

/** Builds the index; `termsBySector[i]` are the terms of sector `i`. */
export function buildTermIndex(termsBySector: readonly (readonly string[])[]): TermIndex {
  const words = new Map<string, TermHit[]>();
  const acronyms = new Map<string, TermHit[]>();
  termsBySector.forEach((terms, sector) => {
    for (const term of terms) {
      const isAcronym = /^[A-Z0-9]{2,}$/.test(term) && /[A-Z]/.test(term);
      const key = isAcronym ? term : tokenize(term).map((token) => token.key).join(' ');
      if (key === '' || key.split(' ').length > MAX_TERM_WORDS) continue;
      const map = isAcronym ? acronyms : words;
      const hits = map.get(key) ?? [];
      if (!hits.some((hit) => hit.sector === sector)) hits.push({ sector, term });
      map.set(key, hits);
    }
  });
  return { words, acronyms };
}

/** Every term occurrence in `text`, in reading order. */
export function findTerms(index: TermIndex, text: string): TermHit[] {
  const tokens = tokenize(text);
  const found: TermHit[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined) continue;
    const acronym = index.acronyms.get(token.raw.replace(/(?<=[A-Z]{2})s$/, ''));
    if (acronym) found.push(...acronym);
    let key = token.key;
    for (let n = 1; n <= MAX_TERM_WORDS; n += 1) {
      if (n > 1) {
        const next = tokens[i + n - 1];
        if (next === undefined) break;
        key = `${key} ${next.key}`;
      }
      const hits = index.words.get(key);
      if (hits) found.push(...hits);
    }
  }
  return found;
}

const WORD = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const [raw] of foldToAscii(text).matchAll(WORD)) tokens.push({ raw, key: stem(raw.toLowerCase()) });
  return tokens;
}

/** Just enough stemming for plurals: "vaccines" -> "vaccine", "cities" -> "city", "buses" -> "bus". */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/[^aeiou]uses$/.test(word)) return word.slice(0, -2); // buses, viruses; not causes
  if (/(?:sh|ch|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
