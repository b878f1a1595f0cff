// IPTC NewsML-G2 newsItem, packageItem and newsMessage documents -> ParsedFeed.
import type { ParseOutcome } from '../../../domain/wire-item.ts';
import { parseXml } from '../../../lib/xml.ts';
import { collectItems } from '../feed-items.ts';
import { adaptG2Item } from './newsml-g2-adapter.ts';
import { assembleStories } from './newsml-g2-package.ts';
import { G2_XML_OPTIONS, readG2Items } from './newsml-g2-wire.ts';

export function parseNewsmlG2(text: string): ParseOutcome {
  const xml = parseXml(text, G2_XML_OPTIONS);
  if (xml.kind === 'failed') return { kind: 'failed', error: `parse/newsml-g2: ${xml.error}` };
  const stories = assembleStories(readG2Items(xml.doc));
  const { items, rejected } = collectItems(stories, (story) => adaptG2Item(story.item, story.image));
  const languages = new Set(items.map((i) => i.language));
  return {
    kind: 'ok',
    // A message has no title or link of its own; its language is its items' when they agree.
    feed: { format: 'newsml-g2', language: languages.size === 1 ? items[0]?.language : undefined, items, rejected },
  };
}
