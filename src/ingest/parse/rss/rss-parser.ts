// RSS 0.9x/2.0 and RSS 1.0 (RDF) documents -> ParsedFeed.
import type { ParseOutcome } from '../../../domain/wire-item.ts';
import { parseXml } from '../../../lib/xml.ts';
import { collectItems } from '../feed-items.ts';
import { toPlainTextOrUndefined } from '../feed-text.ts';
import { adaptRssItem, rssWebsubLinks, toRssContext } from './rss-adapter.ts';
import { RSS_NAMESPACES, readRssChannel, readRssItem } from './rss-wire.ts';

// A few feeds use `rss:`-prefixed elements without declaring the prefix.
const XML_OPTIONS = { namespaces: RSS_NAMESPACES, undeclaredPrefixes: { rss: '' } };

export function parseRss(text: string, format: 'rss' | 'rdf'): ParseOutcome {
  const stage = `parse/${format}`;
  const xml = parseXml(text, XML_OPTIONS);
  if (xml.kind === 'failed') return { kind: 'failed', error: `${stage}: ${xml.error}` };
  const channel = readRssChannel(xml.doc);
  const context = toRssContext(channel);
  const { items, rejected } = collectItems(channel.items, (element) => adaptRssItem(readRssItem(element), context));
  const websub = rssWebsubLinks(channel);
  return {
    kind: 'ok',
    feed: {
      format,
      title: toPlainTextOrUndefined(channel.title),
      link: context.link,
      language: context.language,
      ...(websub ? { websub } : {}),
      items,
      rejected,
    },
  };
}
