import { htmlPrefix, htmlToText } from '../../lib/html.ts';
import { findSentenceEnds, foldToAscii, splitWords, truncateWords } from '../../lib/text.ts';
import { stripTextDateline } from './dateline.ts';

/** PRODUCT.md: the summary is the lead, at most ~60 words; it is also the meta description. */
export const SUMMARY_MAX_WORDS = 60;
// A sentence end only makes a good cut if it keeps a real lead, not "Putin spoke."
const MIN_SENTENCE_WORDS = 12;
// Reading this much of the body covers the first 60 words of ordinary copy; markup-heavy
// bodies get a second, longer read.
const BODY_LEAD_CHARS = [2000, 12000];

// Feed furniture that is not part of the lead.
const TRAILING_FURNITURE = [
  /\s*The post .{1,300}? appeared first on .{1,200}?$/su,
  /\s*\[\+\d+ chars\]$/u,
  /\s*(?:\[(?:…|\.\.\.)\]|\((?:more|read more)(?:…|\.\.\.)?\))$/iu,
  /\s*(?:Continue reading|Read more|Read the full (?:story|article)|Full story|Click here to read more)\b.{0,80}$/iu,
];
const ONLY_FURNITURE = /^(?:read more|continue reading|more|click here|full story|comments)?\W*$/iu;
// Feeds that put the whole story in the summary: its lead is all that is needed.
const FEED_SUMMARY_CHARS = 20000;

/**
 * The lead as plain text: from the feed's summary when it is real text (not a copy of the
 * headline, not "Read more…"), else from the body's first paragraphs. A leading dateline
 * goes; the result ends on a sentence when one fits, else is cut at a word with "…".
 */
export function summarize(feedSummary: string | undefined, headline: string, bodyHtml: string): string {
  const fromFeed = feedSummary === undefined ? undefined : usableSummary(feedSummary, headline);
  if (fromFeed !== undefined) return leadOf(fromFeed);
  let lead = '';
  for (const chars of BODY_LEAD_CHARS) {
    lead = stripTextDateline(htmlToText(htmlPrefix(bodyHtml, chars)).replace(/\n\n/g, ' ')).text;
    if (bodyHtml.length <= chars || splitWords(lead, SUMMARY_MAX_WORDS + 1).length > SUMMARY_MAX_WORDS) break;
  }
  return leadOf(lead);
}

function usableSummary(summaryHtml: string, headline: string): string | undefined {
  let text = stripTextDateline(htmlToText(htmlPrefix(summaryHtml, FEED_SUMMARY_CHARS)).replace(/\n\n/g, ' ')).text;
  for (const pattern of TRAILING_FURNITURE) text = text.replace(pattern, '');
  text = text.trim();
  if (text === '' || ONLY_FURNITURE.test(text) || isCopyOfHeadline(text, headline)) return undefined;
  return text;
}

function isCopyOfHeadline(text: string, headline: string): boolean {
  const summaryKey = comparable(text);
  const headlineKey = comparable(headline);
  if (summaryKey === '' || headlineKey === '') return summaryKey === headlineKey;
  if (summaryKey === headlineKey || headlineKey.startsWith(summaryKey)) return true;
  // The headline plus a word or two ("… - Reuters") is still the headline.
  return summaryKey.startsWith(headlineKey) && splitWords(text).length - splitWords(headline).length < 4;
}

function comparable(text: string): string {
  return foldToAscii(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** At most `maxWords` words, ending on a sentence when one fits, else "…" after a word. */
export function leadOf(text: string, maxWords: number = SUMMARY_MAX_WORDS): string {
  const words = splitWords(text, maxWords + 1);
  if (words.length <= maxWords) return words.join(' ');
  const prefix = words.slice(0, maxWords).join(' ');
  const ends = findSentenceEnds(prefix);
  for (let i = ends.length - 1; i >= 0; i -= 1) {
    const sentences = prefix.slice(0, ends[i]);
    if (splitWords(sentences, MIN_SENTENCE_WORDS).length >= MIN_SENTENCE_WORDS) return sentences;
  }
  return truncateWords(text, maxWords);
}
