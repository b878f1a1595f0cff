import type { WireImage } from '../../domain/wire-item.ts';
import { findFirstImage, htmlToText, isTrackingPixel, resolveUrl } from '../../lib/html.ts';
import { truncateChars } from '../../lib/text.ts';

const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);
const CAPTION_MAX_CHARS = 300;

export interface StoryImage {
  readonly url?: string;
  readonly caption?: string;
}

/**
 * The story's picture: the item's declared image when it is http(s) and not a tracking
 * pixel, else the first image of the sanitized body (already absolute and pixel-free).
 */
export function pickImage(image: WireImage | undefined, sanitizedBody: string, baseUrl: string | undefined): StoryImage {
  const declared = image === undefined ? undefined : resolveUrl(image.url, parseBase(baseUrl), IMAGE_SCHEMES);
  if (image !== undefined && declared !== undefined && !isTrackingPixel(declared, image.width, image.height)) {
    const caption = truncateChars(htmlToText(image.caption ?? '').replace(/\n\n/g, ' '), CAPTION_MAX_CHARS);
    return caption === '' ? { url: declared } : { url: declared, caption };
  }
  const fromBody = findFirstImage(sanitizedBody);
  return fromBody === undefined ? {} : { url: fromBody.src };
}

function parseBase(baseUrl: string | undefined): URL | undefined {
  if (baseUrl === undefined) return undefined;
  try {
    return new URL(baseUrl);
  } catch {
    return undefined;
  }
}
