// ninjs wire struct -> WireItem.
import type { WireImage, WireItem } from '../../../domain/wire-item.ts';
import { agencyFromCode, agencyFromSource } from '../agency-names.ts';
import { parseFeedDate } from '../feed-date.ts';
import { distinctTexts, nonBlank, resolveUrl, toPlainText, toPlainTextOrUndefined } from '../feed-text.ts';
import { pickRendition, toPubStatus, toVersion } from '../newsml-g2/iptc-codes.ts';
import { bylineName } from '../nitf/nitf-text.ts';
import type { NinjsConcept, NinjsItem, NinjsText } from './ninjs-wire.ts';

const PICTURE_TYPES: ReadonlySet<string> = new Set(['picture', 'graphic']);
const IMAGE_URL = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

export function adaptNinjsItem(item: NinjsItem): WireItem {
  const html = item.bodies.find(isHtml);
  const text = item.bodies.find((b) => !isHtml(b));
  const subjects = distinctTexts(item.subjects.map(subjectCode));
  return {
    guid: item.id?.trim(),
    title: toPlainText(mainText(item.headlines)?.value ?? item.title),
    summary: nonBlank((item.descriptions.find(isHtml) ?? mainText(item.descriptions))?.value),
    bodyHtml: nonBlank(html?.value),
    bodyText: nonBlank(text?.value),
    author: bylineName(item.bylines[0]),
    published: parseFeedDate(item.firstCreated) ?? parseFeedDate(item.versionCreated),
    updated: parseFeedDate(item.versionCreated),
    categories: distinctTexts([...item.subjects.map((s) => s.name), ...item.keywords]),
    image: isPicture(item) ? ownImage(item) : associatedImage(item),
    agency: item.sources.map((s) => agencyFromSource(s) ?? agencyFromCode(s)).find((a) => a !== undefined),
    dateline: toPlainTextOrUndefined(item.located),
    language: toPlainTextOrUndefined(item.language),
    version: toVersion(item.version),
    pubStatus: toPubStatus(item.pubStatus),
    embargoUntil: parseFeedDate(item.embargoed),
    subjects: subjects.length > 0 ? subjects : undefined,
  };
}

function isHtml(text: NinjsText): boolean {
  return /html|xml/i.test(text.contentType ?? '') || /^(?:html5?|richtext|xhtml)$/i.test(text.role ?? '');
}

/** The text with a main/summary role, else the first. */
function mainText(texts: readonly NinjsText[]): NinjsText | undefined {
  return texts.find((t) => /^(?:main|summary|text|default)$/i.test(t.role ?? '')) ?? texts[0];
}

// A concept's uri, else its code qualified by its scheme: `http://cv.ap.org/id/` + code,
// `medtop` + `:` + code, or the bare code.
function subjectCode(concept: NinjsConcept): string | undefined {
  if (concept.uri) return concept.uri;
  if (!concept.code) return undefined;
  if (!concept.scheme) return concept.code;
  return /[/#]$/.test(concept.scheme) ? concept.scheme + concept.code : `${concept.scheme}:${concept.code}`;
}

function isPicture(item: NinjsItem): boolean {
  return PICTURE_TYPES.has(item.type?.toLowerCase() ?? '');
}

// The story's picture: an associated picture, the one named as feature media first.
function associatedImage(item: NinjsItem): WireImage | undefined {
  const pictures = item.associations.filter((a) => isPicture(a.item) || a.item.renditions.length > 0);
  const featured = pictures.filter((a) => /feature|main|photo|image/i.test(a.name));
  for (const { item: picture } of [...featured, ...pictures]) {
    const image = ownImage(picture);
    if (image) return image;
  }
  return undefined;
}

function ownImage(item: NinjsItem): WireImage | undefined {
  const caption = toPlainTextOrUndefined(mainText(item.descriptions)?.value ?? mainText(item.headlines)?.value);
  const image = pickRendition(item.renditions, caption);
  if (image) return image;
  // Some items name the picture by its uri alone (renditions without href).
  const url = item.id && IMAGE_URL.test(item.id) ? resolveUrl(item.id) : undefined;
  return url ? { url, caption } : undefined;
}
