import type { StoryDraft } from '../../domain/story.ts';
import type { WireItem } from '../../domain/wire-item.ts';
import { htmlPrefix, htmlToText } from '../../lib/html.ts';
import { normalizeAgency } from './agency.ts';
import { matchDateline, parseDeclaredDateline, stripBodyDateline } from './dateline.ts';
import { cleanAuthor, cleanCategories, cleanLanguage } from './fields.ts';
import { cleanHeadline, headlineFromText } from './headline.ts';
import { computeContentHash, identify, normalizeLink } from './identity.ts';
import { pickImage } from './image.ts';
import { sanitizeBody } from './sanitize.ts';
import { slugify } from './slug.ts';
import { summarize } from './summary.ts';
import { resolveTimes } from './times.ts';

export interface NormalizeContext {
  /** The run's clock: default for missing dates, ceiling for dates in the future. */
  readonly now: Date;
  /** The agency the source declares; credited when the item names none itself. */
  readonly agency?: string;
  /** The feed's own link: base for relative item links. */
  readonly feedLink?: string;
}

export type NormalizeOutcome =
  | { readonly kind: 'ok'; readonly draft: StoryDraft }
  | { readonly kind: 'rejected'; readonly reason: string };

const NO_CONTENT = 'normalize: item has neither title nor body';

function isIsoTime(value: string | undefined): value is string {
  return value !== undefined && !Number.isNaN(Date.parse(value));
}

/**
 * One parsed wire item to a clean story draft: safe body, dateline out of the body and
 * into fields, lead summary, slug, identity and content hash. Pure: no I/O, no logging.
 */
export function normalizeItem(item: WireItem, ctx: NormalizeContext): NormalizeOutcome {
  const link = normalizeLink(item.link, ctx.feedLink);
  const baseUrl = link ?? normalizeLink(ctx.feedLink);
  const { html: bodyHtml, dateline: bodyDateline } = stripBodyDateline(sanitizeBody(item, baseUrl));

  let headline = cleanHeadline(item.title);
  if (headline === '') headline = headlineFromText(htmlToText(htmlPrefix(bodyHtml, 2000)).split('\n\n')[0] ?? '');
  if (headline === '') return { kind: 'rejected', reason: NO_CONTENT };

  const summary = summarize(item.summary, headline, bodyHtml);
  const declared = parseDeclaredDateline(item.dateline);
  // When the body has none, the feed summary may still open with one.
  const found = bodyDateline ?? (item.summary === undefined ? undefined : matchDateline(htmlToText(htmlPrefix(item.summary, 1000))));
  const datelineCity = declared.city ?? found?.city;
  // Declared by the item, then read off the copy, then the source's own declaration.
  const agency = normalizeAgency(item.agency) ?? declared.agency ?? found?.agency ?? normalizeAgency(ctx.agency);
  const image = pickImage(item.image, bodyHtml, baseUrl);
  const times = resolveTimes(item.published, item.updated, ctx.now);

  const draft: StoryDraft = {
    identity: identify(item, link),
    headline,
    summary,
    bodyHtml,
    slug: slugify(headline),
    agency,
    datelineCity,
    author: cleanAuthor(item.author),
    link,
    imageUrl: image.url,
    imageCaption: image.caption,
    language: cleanLanguage(item.language),
    categories: cleanCategories(item.categories),
    createdAt: times.createdAt,
    updatedAt: times.updatedAt,
    contentHash: computeContentHash({
      headline,
      summary,
      bodyHtml,
      imageUrl: image.url,
      imageCaption: image.caption,
      datelineCity,
      agency,
    }),
    ...(item.version !== undefined && Number.isInteger(item.version) && item.version >= 0 ? { version: item.version } : {}),
    pubStatus: item.pubStatus ?? 'usable',
    ...(isIsoTime(item.embargoUntil) ? { embargoUntil: new Date(item.embargoUntil).toISOString() } : {}),
    isCorrection: (item.signals ?? []).some((s) => s === 'correction'),
  };
  return { kind: 'ok', draft };
}
