// IPTC ninjs documents (one item, a collection array, or an agency listing of items) -> ParsedFeed.
import type { ParseOutcome } from '../../../domain/wire-item.ts';
import { collectItems } from '../feed-items.ts';
import { adaptNinjsItem } from './ninjs-adapter.ts';
import { readNinjsDocument } from './ninjs-wire.ts';

export function parseNinjs(text: string): ParseOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { kind: 'failed', error: `parse/ninjs: malformed JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { items, rejected } = collectItems(readNinjsDocument(json), adaptNinjsItem);
  const languages = new Set(items.map((i) => i.language));
  return { kind: 'ok', feed: { format: 'ninjs', language: languages.size === 1 ? items[0]?.language : undefined, items, rejected } };
}
