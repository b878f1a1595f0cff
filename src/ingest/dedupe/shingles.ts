// What two versions of a story share: the content words of headline and lead, and
// their adjacent pairs. Unigrams carry "same event" (names, places, numbers), pairs
// make a rewrite score lower than a re-send. Pure.

// Function words and wire boilerplate that say nothing about the event.
const STOP = new Set(
  (
    'a an and are as at be been but by for from had has have he her his in into is it its of on or our she that the their ' +
    'them they this to was were which who will with would said says say after over about also more than not no new up out ' +
    'we you your i me my us all can could may might should just one two some any there here when what where while how ' +
    'news roundup update updated live latest report reports reported according told tuesday monday wednesday thursday friday ' +
    'saturday sunday today yesterday week pti reuters afp ians ani ap upi'
  ).split(' '),
);

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Lower-cased content words (letters and digits), stop words dropped; accents folded. */
export function contentWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const words: string[] = [];
  for (const [w] of folded.matchAll(TOKEN)) {
    if (w.length < 2 || STOP.has(w)) continue;
    words.push(w);
  }
  return words;
}

/** Unigrams and adjacent pairs of the headline's and the lead's content words. */
export function shinglesOf(headline: string, lead: string): Set<string> {
  const out = new Set<string>();
  for (const part of [headline, lead]) {
    const words = contentWords(part);
    for (let i = 0; i < words.length; i++) {
      out.add(words[i]!);
      if (i > 0) out.add(`${words[i - 1]!} ${words[i]!}`);
    }
  }
  return out;
}
