// JSON Feed 1.0/1.1 documents -> ParsedFeed.
import type { ParseOutcome } from '../../../domain/wire-item.ts';
import { collectItems } from '../feed-items.ts';
import { toPlainTextOrUndefined } from '../feed-text.ts';
import { adaptJsonFeedItem, toJsonFeedContext } from './jsonfeed-adapter.ts';
import { readJsonFeed, readJsonFeedItem } from './jsonfeed-wire.ts';

export function parseJsonFeed(text: string): ParseOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'failed', error: `parse/jsonfeed: malformed JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const head = readJsonFeed(json);
  if (typeof head === 'string') return { kind: 'failed', error: `parse/jsonfeed: ${head}` };
  const context = toJsonFeedContext(head);
  const { items, rejected } = collectItems(head.items, (raw) => adaptJsonFeedItem(readJsonFeedItem(raw), context));
  return {
    kind: 'ok',
    feed: {
      format: 'jsonfeed',
      title: toPlainTextOrUndefined(head.title),
      link: context.link,
      language: context.language,
      items,
      rejected,
    },
  };
}
