// The item's lead image from Media RSS (media:content, media:group, media:thumbnail) and
// enclosures, used by both RSS and Atom. Images inside the body HTML are not looked at:
// choosing among those is normalize's business.
import type { WireImage } from '../../domain/wire-item.ts';
import { asArray, asElement, attrOf, textOf, type XmlElement } from '../../lib/xml.ts';
import { resolveUrl, toPlainTextOrUndefined, toPositiveInt } from './feed-text.ts';

/** A link-like candidate (RSS enclosure, Atom link rel=enclosure). */
export interface EnclosureCandidate {
  readonly url?: string;
  readonly type?: string;
}

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/**
 * Picks the first image, in order: media:content, media:group, media:thumbnail, an image
 * enclosure, then the episode artwork of podcast feeds (itunes:image).
 */
export function pickImage(item: XmlElement, enclosures: readonly EnclosureCandidate[], bases: readonly (string | undefined)[]): WireImage | undefined {
  const contents = asArray(item['media:content']);
  const groups = asArray(item['media:group']);
  // media:group wraps alternative renditions of one object; treat its members like the item's.
  const grouped = groups.flatMap((group) => asArray(asElement(group)?.['media:content']));
  return firstImageContent(contents, bases) ?? firstImageContent(grouped, bases) ??
    firstThumbnail([item, ...groups, ...contents, ...grouped], bases) ?? enclosureImage(enclosures, bases) ??
    toImage(undefined, attrOf(item['itunes:image'], 'href'), undefined, bases);
}

function firstImageContent(contents: readonly unknown[], bases: readonly (string | undefined)[]): WireImage | undefined {
  for (const content of contents) {
    const url = attrOf(content, 'url');
    const type = attrOf(content, 'type')?.trim().toLowerCase();
    const medium = attrOf(content, 'medium')?.trim().toLowerCase();
    const isImage = medium === 'image' || type?.startsWith('image/') === true ||
      (medium === undefined && type === undefined && url !== undefined && IMAGE_EXTENSION.test(url));
    if (!isImage) continue;
    const image = toImage(content, url, type, bases);
    if (image) return image;
  }
  return undefined;
}

// media:thumbnail may sit on the item, a group or a content element.
function firstThumbnail(holders: readonly unknown[], bases: readonly (string | undefined)[]): WireImage | undefined {
  for (const holder of holders) {
    for (const thumb of asArray(asElement(holder)?.['media:thumbnail'])) {
      const image = toImage(thumb, attrOf(thumb, 'url'), undefined, bases);
      if (image) return image;
    }
  }
  return undefined;
}

function enclosureImage(enclosures: readonly EnclosureCandidate[], bases: readonly (string | undefined)[]): WireImage | undefined {
  for (const enclosure of enclosures) {
    const type = enclosure.type?.trim().toLowerCase();
    if (!type?.startsWith('image/')) continue;
    const url = resolveUrl(enclosure.url, ...bases);
    if (url) return { url, type };
  }
  return undefined;
}

function toImage(node: unknown, rawUrl: string | undefined, type: string | undefined, bases: readonly (string | undefined)[]): WireImage | undefined {
  const url = resolveUrl(rawUrl, ...bases);
  if (!url) return undefined;
  const element = asElement(node);
  const caption = toPlainTextOrUndefined(textOf(element?.['media:description']) ?? textOf(element?.['media:title']));
  const width = toPositiveInt(attrOf(node, 'width'));
  const height = toPositiveInt(attrOf(node, 'height'));
  return { url, caption, width, height, type };

}
