// The per-item safety net shared by every format: one bad item never sinks the feed.
import type { ItemRejection, WireItem } from '../../domain/wire-item.ts';

export interface CollectedItems {
  readonly items: readonly WireItem[];
  readonly rejected: readonly ItemRejection[];
}

/**
 * Maps each wire item; an item that throws, or that has neither a title, content nor a
 * link (nothing a reader could see or follow), is rejected with its index and why.
 */
export function collectItems<T>(raws: readonly T[], map: (raw: T) => WireItem): CollectedItems {
  const items: WireItem[] = [];
  const rejected: ItemRejection[] = [];
  for (let index = 0; index < raws.length; index++) {
    let item: WireItem;
    try {
      item = map(raws[index]!);
    } catch (error) {
      rejected.push({ index, reason: `item could not be read: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (hasSubstance(item)) items.push(item);
    else rejected.push({ index, reason: 'item has no title, content or link' });
  }
  return { items, rejected };
}

function hasSubstance(item: WireItem): boolean {
  return item.title !== '' || item.summary !== undefined || item.bodyHtml !== undefined ||
    item.bodyText !== undefined || item.link !== undefined;
}
