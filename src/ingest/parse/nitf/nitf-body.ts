// NITF body markup -> HTML. Most NITF body elements are HTML's (p, ul, ol, table, pre, em,
// a, br, q); the others are renamed to their HTML counterpart, unwrapped (their text stays)
// or dropped, so that normalize's sanitizer neither keeps foreign tags nor loses text.
// Nothing is sanitized here: `<script>` passes through like any other HTML.

// Block elements with an HTML twin (NITF 3.x §5): hl2 is a subhead, bq a block quote.
const RENAMED: Readonly<Record<string, string>> = { hl2: 'h2', bq: 'blockquote', credit: 'cite', lang: 'span' };

// Containers and NITF's semantic inline tags (people, places, money …): their text is story text.
const UNWRAPPED: ReadonlySet<string> = new Set([
  'block', 'nitf-table', 'person', 'org', 'location', 'chron', 'money', 'event', 'function', 'num', 'object.title',
  'virtloc', 'classifier', 'postaddr', 'addressee', 'care.of', 'city', 'state', 'region', 'country', 'copyrite',
  'copyrite.year', 'copyrite.holder', 'alt-code', 'sublocation', 'delivery.point', 'delivery.office', 'postcode',
  'frac', 'frac-num', 'frac-den', 'numer', 'denom', 'byline', 'byttl', 'dateline', 'story.date',
]);

// Not story text: media is read separately as the item's image, notes are for editors,
// pronunciation guides and table metadata are for broadcast and layout.
const DROPPED = /<(media|note|pronounce|nitf-table-metadata|nitf-colgroup|nitf-col)\b[^>]*\/>|<(media|note|pronounce|nitf-table-metadata|nitf-colgroup|nitf-col)\b[^>]*>[\s\S]*?<\/\2\s*>/g;
const TAG = /<(\/?)([a-zA-Z][\w.:-]*)([^>]*)>/g;

/** HTML for raw NITF body.content markup; undefined when nothing but whitespace is left. */
export function nitfBodyToHtml(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const html = raw
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(DROPPED, '')
    .replace(TAG, (tag: string, slash: string, name: string, rest: string) => {
      if (UNWRAPPED.has(name)) return '';
      const renamed = RENAMED[name];
      return renamed ? `<${slash}${renamed}${slash ? '' : rest}>` : tag;
    })
    .trim();
  return html === '' ? undefined : html;
}
