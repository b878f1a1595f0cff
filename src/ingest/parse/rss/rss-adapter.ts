// RSS wire structs -> WireItem.
import type { WebsubLinks, WireItem } from '../../../domain/wire-item.ts';
import { agencyFromSource } from '../agency-names.ts';
import { parseFeedDate } from '../feed-date.ts';
import { authorName, distinctTexts, isHttpUrl, nonBlank, resolveUrl, toPlainText, toPlainTextOrUndefined, websubLinks } from '../feed-text.ts';
import { pickImage } from '../media-image.ts';
import type { RssChannel, RssItem } from './rss-wire.ts';

/** What items inherit from their channel. */
export interface RssContext {
  readonly link?: string;
  /** Base URIs for relative references, best first: xml:base, the atom:link self URL, the channel link. */
  readonly bases: readonly (string | undefined)[];
  readonly language?: string;
}

export function toRssContext(channel: RssChannel): RssContext {
  const self = resolveUrl(channel.selfLink);
  const base = resolveUrl(channel.base, self);
  const link = resolveUrl(channel.link, base, self);
  return {
    link,
    bases: [base, self, link],
    language: toPlainTextOrUndefined(channel.language),
  };
}

/** The channel's WebSub hubs and self URL, when it advertises a hub. */
export function rssWebsubLinks(channel: RssChannel): WebsubLinks | undefined {
  return websubLinks(channel.hubLinks, channel.selfLink);
}

export function adaptRssItem(item: RssItem, context: RssContext): WireItem {
  const bases = [resolveUrl(item.base, ...context.bases), ...context.bases];
  const guid = item.guid?.trim() || undefined;
  // RSS 2.0: a permalink guid is the item's URL when <link> is missing. Guids that merely
  // claim to be permalinks (a bare id, a relative path) are not used as links.
  const permalink = guid !== undefined && item.guidIsPermaLink && isHttpUrl(guid) ? resolveUrl(guid) : undefined;
  const authors = item.authors.map(authorName).filter((a): a is string => a !== undefined);
  return {
    guid,
    link: resolveUrl(item.link, ...bases) ?? permalink,
    title: toPlainText(item.title),
    summary: nonBlank(item.description),
    bodyHtml: nonBlank(item.contentEncoded),
    author: authors.length > 0 ? authors.join(', ') : undefined,
    published: parseFeedDate(item.pubDate) ?? parseFeedDate(item.dcDate),
    updated: parseFeedDate(item.updated),
    categories: distinctTexts(item.categories),
    image: pickImage(item.element, item.enclosures, bases),
    agency: agencyFromSource(toPlainTextOrUndefined(item.source)),
    language: toPlainTextOrUndefined(item.language) ?? context.language,
  };
}
