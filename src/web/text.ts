/**
 * Cuts `text` to at most `max` characters at a word boundary and adds "…".
 * A first word longer than `max` is cut where it stands rather than dropped.
 */
export function truncateAtWord(text: string, max = 75): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  const head = space > max / 2 ? cut.slice(0, space) : clean.slice(0, max);
  return `${head.replace(/[\s,;:.\-–—]+$/, '')}…`;
}
