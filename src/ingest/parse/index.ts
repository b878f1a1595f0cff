// parse: bytes of one fetched document -> ParsedFeed. Pure: no I/O, no logging, no throws.
import type { FeedFormat, ParseOutcome } from '../../domain/wire-item.ts';
import { decodeBytes } from '../../lib/charset.ts';
import { parseAnpa } from './anpa/anpa-parser.ts';
import { parseAtom } from './atom/atom-parser.ts';
import { sniffFormat } from './detect-format.ts';
import { parseIptc7901 } from './iptc7901/iptc7901-parser.ts';
import { parseJsonFeed } from './jsonfeed/jsonfeed-parser.ts';
import { parseNewsmlG2 } from './newsml-g2/newsml-g2-parser.ts';
import { parseNewsML1 } from './newsml1/newsml1-parser.ts';
import { parseNinjs } from './ninjs/ninjs-parser.ts';
import { parseNitf } from './nitf/nitf-parser.ts';
import { parseRss } from './rss/rss-parser.ts';

export { detectFormat } from './detect-format.ts';

export interface ParseHints {
  /** The HTTP Content-Type, for its charset parameter. */
  readonly contentType?: string;
}

export function parseFeed(bytes: Uint8Array, hints?: ParseHints): ParseOutcome {
  if (bytes.length === 0) return failed('parse: empty document');
  try {
    return parseText(decodeBytes(bytes, hints).text);
  } catch (error) {
    // A parser bug must not take the run down; it surfaces as this source's failure.
    return failed(`parse: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseText(text: string): ParseOutcome {
  const sniffed = sniffFormat(text);
  if (sniffed.kind === 'not-feed') return failed(`parse: not a feed (${sniffed.reason})`);
  if (sniffed.kind === 'unsupported') return failed(`parse: unsupported format (${sniffed.reason})`);
  return parseAs(sniffed.format, text);
}

function parseAs(format: FeedFormat, text: string): ParseOutcome {
  switch (format) {
    case 'rss':
    case 'rdf':
      return parseRss(text, format);
    case 'atom':
      return parseAtom(text);
    case 'jsonfeed':
      return parseJsonFeed(text);
    case 'newsml-g2':
      return parseNewsmlG2(text);
    case 'ninjs':
      return parseNinjs(text);
    case 'nitf':
      return parseNitf(text);
    case 'newsml1':
      return parseNewsML1(text);
    case 'anpa':
      return parseAnpa(text);
    case 'iptc7901':
      return parseIptc7901(text);
  }
}

function failed(error: string): ParseOutcome {
  return { kind: 'failed', error };
}
