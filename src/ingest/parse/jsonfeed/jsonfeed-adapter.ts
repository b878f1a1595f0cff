// JSON Feed wire structs -> WireItem.
import type { WireImage, WireItem } from '../../../domain/wire-item.ts';
import { parseFeedDate } from '../feed-date.ts';
import { distinctTexts, nonBlank, resolveUrl, toPlainText, toPlainTextOrUndefined } from '../feed-text.ts';
import type { JsonFeedHead, JsonFeedItem } from './jsonfeed-wire.ts';

export interface JsonFeedContext {
  readonly link?: string;
  readonly authors: readonly string[];
  readonly language?: string;
}

export function toJsonFeedContext(head: JsonFeedHead): JsonFeedContext {
  return {
    link: resolveUrl(head.homePageUrl),
    authors: head.authors,
    language: toPlainTextOrUndefined(head.language),
  };
}

export function adaptJsonFeedItem(item: JsonFeedItem, context: JsonFeedContext): WireItem {
  const authors = distinctTexts(item.authors.length > 0 ? item.authors : context.authors);
  return {
    guid: item.id?.trim() || undefined,
    link: resolveUrl(item.url, context.link) ?? resolveUrl(item.externalUrl, context.link),
    title: toPlainText(item.title),
    summary: nonBlank(item.summary),
    bodyHtml: nonBlank(item.contentHtml),
    bodyText: nonBlank(item.contentText),
    author: authors.length > 0 ? authors.join(', ') : undefined,
    published: parseFeedDate(item.datePublished),
    updated: parseFeedDate(item.dateModified),
    categories: distinctTexts(item.tags),
    image: pickJsonImage(item, context.link),
    language: toPlainTextOrUndefined(item.language) ?? context.language,
  };
}

function pickJsonImage(item: JsonFeedItem, base: string | undefined): WireImage | undefined {
  const url = resolveUrl(item.image, base) ?? resolveUrl(item.bannerImage, base);
  if (url) return { url };
  for (const attachment of item.imageAttachments) {
    const type = attachment.type?.trim().toLowerCase();
    const attachmentUrl = type?.startsWith('image/') ? resolveUrl(attachment.url, base) : undefined;
    if (attachmentUrl) return { url: attachmentUrl, type };
  }
  return undefined;
}
