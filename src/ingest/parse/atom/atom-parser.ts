// Atom 1.0 feeds and entry documents -> ParsedFeed.
import type { ParseOutcome } from '../../../domain/wire-item.ts';
import { parseXml } from '../../../lib/xml.ts';
import { collectItems } from '../feed-items.ts';
import { toPlainTextOrUndefined } from '../feed-text.ts';
import { adaptAtomEntry, toAtomContext } from './atom-adapter.ts';
import { websubLinks } from '../feed-text.ts';
import { ATOM_NAMESPACES, isXhtmlConstruct, readAtomEntry, readAtomFeed } from './atom-wire.ts';

const XML_OPTIONS = { namespaces: ATOM_NAMESPACES, rawContent: isXhtmlConstruct };

export function parseAtom(text: string): ParseOutcome {
  const xml = parseXml(text, XML_OPTIONS);
  if (xml.kind === 'failed') return { kind: 'failed', error: `parse/atom: ${xml.error}` };
  const head = readAtomFeed(xml.doc);
  const context = toAtomContext(head);
  const { items, rejected } = collectItems(head.entries, (element) => adaptAtomEntry(readAtomEntry(element), context));
  const links = (rel: string) => head.links.filter((l) => l.rel === rel).map((l) => l.href);
  const websub = websubLinks(links('hub'), links('self')[0]);
  return {
    kind: 'ok',
    feed: {
      format: 'atom',
      title: toPlainTextOrUndefined(head.title?.value),
      link: context.link,
      language: context.language,
      ...(websub ? { websub } : {}),
      items,
      rejected,
    },
  };
}
