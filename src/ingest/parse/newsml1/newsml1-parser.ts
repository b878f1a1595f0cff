// IPTC NewsML 1.x documents -> ParsedFeed (one item per NewsItem).
import type { ParseOutcome } from '../../../domain/wire-item.ts';
import { parseXml } from '../../../lib/xml.ts';
import { collectItems } from '../feed-items.ts';
import { adaptNewsML1Item } from './newsml1-adapter.ts';
import { NEWSML1_XML_OPTIONS, readNewsML1Item, readNewsML1Items } from './newsml1-wire.ts';

export function parseNewsML1(text: string): ParseOutcome {
  const xml = parseXml(text, NEWSML1_XML_OPTIONS);
  if (xml.kind === 'failed') return { kind: 'failed', error: `parse/newsml1: ${xml.error}` };
  const { items, rejected } = collectItems(readNewsML1Items(xml.doc), (item) => adaptNewsML1Item(readNewsML1Item(item)));
  const languages = new Set(items.map((i) => i.language));
  return { kind: 'ok', feed: { format: 'newsml1', language: languages.size === 1 ? items[0]?.language : undefined, items, rejected } };
}
