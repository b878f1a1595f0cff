// Which items of a NewsML-G2 document become stories, and which picture each one shows.
//
// A package whose text item is in the same message is one story: that text item, with the
// package's first picture item as its image; the package and its other members (pictures,
// video, audio) are not stories of their own. A package without its text item is the story
// itself, showing its picture. A text item that links to a picture item in the message (or
// is linked from one) gets that picture the same way. Everything else (a lone picture, a
// video) is a story of its own.
import type { WireImage } from '../../../domain/wire-item.ts';
import { isPictureItem, isTextItem, ownImage } from './newsml-g2-adapter.ts';
import type { G2Item } from './newsml-g2-wire.ts';

export interface G2Story {
  readonly item: G2Item;
  readonly image?: WireImage;
}

export function assembleStories(items: readonly G2Item[]): readonly G2Story[] {
  const byGuid = new Map(items.flatMap((item) => (item.guid ? [[item.guid.trim(), item] as const] : [])));
  const images = new Map<G2Item, WireImage>();
  const absorbed = new Set<G2Item>();
  const resolve = (ref: string | undefined): G2Item | undefined => (ref === undefined ? undefined : byGuid.get(ref.trim()));

  for (const pkg of items.filter((i) => i.kind === 'packageItem')) {
    const refs = pkg.itemRefs.map((ref) => ({ ref, item: resolve(ref.residref) }));
    const text = refs.find(({ ref, item }) => item && isTextItem(ref.itemClass ? ref : item))?.item;
    const picture = refs.map(({ item }) => item).find((item) => item && isPictureItem(item) && ownImage(item));
    const image = picture ? ownImage(picture) : undefined;
    if (picture) absorbed.add(picture);
    if (text) {
      absorbed.add(pkg);
      for (const { item } of refs) if (item && item !== text) absorbed.add(item);
      if (image && !images.has(text)) images.set(text, image);
    } else if (image) images.set(pkg, image);
  }

  for (const item of items) {
    for (const link of item.links) {
      const other = resolve(link.residref);
      if (!other || other === item) continue;
      const [text, picture] = isPictureItem(other) ? [item, other] : [other, item];
      const image = isTextItem(text) && isPictureItem(picture) ? ownImage(picture) : undefined;
      if (!image) continue;
      if (!images.has(text)) images.set(text, image);
      absorbed.add(picture);
    }
  }

  return items.filter((item) => !absorbed.has(item)).map((item) => ({ item, image: images.get(item) }));
}
