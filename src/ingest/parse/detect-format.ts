// What a document is, from its content only (never a file name or URL): the root element
// for XML, the `version` member or ninjs members for JSON, the framing and header line for
// wire text (ANPA-1312, IPTC 7901).
import type { FeedFormat } from '../../domain/wire-item.ts';
import { readRootElement } from '../../lib/xml.ts';

export type Sniffed =
  | { readonly kind: 'feed'; readonly format: FeedFormat }
  | { readonly kind: 'not-feed'; readonly reason: string }
  | { readonly kind: 'unsupported'; readonly reason: string };

const ATOM_NAMESPACES: ReadonlySet<string> = new Set(['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#']);
const HTML_ROOTS: ReadonlySet<string> = new Set(['html', 'head', 'body', 'div', 'p', 'br', 'meta', 'title', 'a', 'script']);
// JSON may escape the slashes: "https:\/\/jsonfeed.org\/version\/1".
const JSON_FEED_VERSION = /"version"\s*:\s*"https?:(?:\\?\/){2}jsonfeed\.org\\?\/version\\?\//;
const RSS_IN_JSON = /^\s*\{\s*"rss"\s*:/;
// ninjs: the one member every ninjs object must have (`uri`), a `guid` (older Superdesk
// output) next to a member only news objects have, or a `standard` naming ninjs (3.x).
const NINJS_URI = /"uri"\s*:\s*"/;
const NINJS_GUID = /"guid"\s*:\s*"/;
const NINJS_MEMBER = /"(?:versioncreated|firstcreated|pubstatus|headlines?|bodies|body_html|body_text|body_xhtml|descriptions|description_text|renditions|associations|byline|located)"\s*:/i;
const NINJS_STANDARD = /"\$?standard"\s*:\s*\{\s*"name"\s*:\s*"ninjs"|ninjs-schema/i;
const G2_NAMESPACE = 'http://iptc.org/std/nar/2006-10-01/';
// NewsML-G2 items that carry no news: controlled vocabularies, events, planning, catalogs.
const G2_NON_NEWS: ReadonlySet<string> = new Set(['conceptitem', 'knowledgeitem', 'planningitem', 'catalogitem', 'catalog']);
// Wire text opens with SOH (after optional SYN): ANPA-1312 `<service><4-digit number>US…`
// or a second line `<priority> <category>DC3|DC4`; IPTC 7901 `<source><number> <priority> <category> <words>`.
const ANPA_HEADER = /^[\s\x16]*\x01[A-Za-z]\d{4}\x1f|^[\s\x16]*\x01[^\n]*\n[a-z] [a-z]{1,2}[\x12-\x14]/i;
const IPTC7901_HEADER = /^[\s\x16]*\x01[A-Za-z]*\d+ +\d +[A-Za-z]{1,3} +\d+/;

/** The feed format of a decoded document, or undefined when it is not a feed we read. */
export function detectFormat(text: string): FeedFormat | undefined {
  const sniffed = sniffFormat(text);
  return sniffed.kind === 'feed' ? sniffed.format : undefined;
}

/** Like detectFormat, with a reason when the document is not a feed. */
export function sniffFormat(text: string): Sniffed {
  const first = firstSignificantChar(text);
  if (first === undefined) return notFeed('empty document');
  if (first === '{' || first === '[') return sniffJson(text);
  if (first === '\x01' || first === '\x16') return sniffWireText(text);
  if (first !== '<') return notFeed('no XML or JSON content');
  if (/^\s*<!doctype\s+html/i.test(text.slice(0, 200).replace(/^\uFEFF/, ''))) return notFeed('looks like an HTML page');
  const root = readRootElement(text);
  if (!root) return notFeed('no root element');
  const colon = root.name.indexOf(':');
  const prefix = colon < 0 ? '' : root.name.slice(0, colon);
  const local = root.name.slice(colon + 1);
  const namespace = root.attributes[prefix === '' ? 'xmlns' : `xmlns:${prefix}`];
  switch (local.toLowerCase()) {
    case 'rss':
      return { kind: 'feed', format: 'rss' };
    case 'rdf':
      return { kind: 'feed', format: 'rdf' };
    case 'feed':
    case 'entry':
      // An Atom feed, or an Atom entry document (RFC 4287 §4.1.2) read as a one-item feed.
      if (namespace === undefined || ATOM_NAMESPACES.has(namespace.trim())) return { kind: 'feed', format: 'atom' };
      return notFeed(`root element <${root.name}> is not in the Atom namespace`);
    case 'newsitem':
    case 'packageitem':
    case 'newsmessage':
      // NewsML-G2 documents; agencies sometimes leave the namespace out.
      if (namespace === undefined || namespace.trim() === G2_NAMESPACE) return { kind: 'feed', format: 'newsml-g2' };
      return notFeed(`root element <${root.name}> is not in the NewsML-G2 namespace`);
    case 'nitf':
      return { kind: 'feed', format: 'nitf' };
    case 'newsml':
      return { kind: 'feed', format: 'newsml1' };
    default:
      if (G2_NON_NEWS.has(local.toLowerCase()) && namespace?.trim() === G2_NAMESPACE) {
        return { kind: 'unsupported', reason: `NewsML-G2 <${local}> carries no news` };
      }
      if (HTML_ROOTS.has(local.toLowerCase())) return notFeed('looks like an HTML page');
      return notFeed(`root element <${root.name}> is not a feed`);
  }
}

function sniffJson(text: string): Sniffed {
  if (JSON_FEED_VERSION.test(text)) return { kind: 'feed', format: 'jsonfeed' };
  if (RSS_IN_JSON.test(text.slice(0, 200))) return { kind: 'unsupported', reason: 'RSS-in-JSON' };
  if (NINJS_URI.test(text) || NINJS_STANDARD.test(text) || (NINJS_GUID.test(text) && NINJS_MEMBER.test(text))) return { kind: 'feed', format: 'ninjs' };
  return notFeed('JSON but neither a JSON Feed (no jsonfeed.org version) nor ninjs (no uri)');
}

function sniffWireText(text: string): Sniffed {
  const head = text.slice(0, 1024);
  if (ANPA_HEADER.test(head)) return { kind: 'feed', format: 'anpa' };
  if (IPTC7901_HEADER.test(head)) return { kind: 'feed', format: 'iptc7901' };
  return notFeed('framed wire text that is neither ANPA-1312 nor IPTC 7901');
}

function firstSignificantChar(text: string): string | undefined {
  const match = /[^\s\uFEFF]/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return match?.[0];
}

function notFeed(reason: string): Sniffed {
  return { kind: 'not-feed', reason };
}
