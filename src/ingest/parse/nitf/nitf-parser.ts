// NITF 3.x documents -> ParsedFeed (one item per document).
import type { ParseOutcome } from '../../../domain/wire-item.ts';
import { asElement, parseXml } from '../../../lib/xml.ts';
import { collectItems } from '../feed-items.ts';
import { adaptNitf } from './nitf-adapter.ts';
import { NITF_XML_OPTIONS, readNitf } from './nitf-wire.ts';

export function parseNitf(text: string): ParseOutcome {
  const xml = parseXml(text, NITF_XML_OPTIONS);
  if (xml.kind === 'failed') return { kind: 'failed', error: `parse/nitf: ${xml.error}` };
  const root = asElement(xml.doc.root) ?? {};
  const { items, rejected } = collectItems([root], (nitf) => adaptNitf(readNitf(nitf)));
  return { kind: 'ok', feed: { format: 'nitf', language: items[0]?.language, items, rejected } };
}
