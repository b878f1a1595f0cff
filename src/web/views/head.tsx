// The <head> of every page: title, description, canonical, feeds, social cards, JSON-LD.
import type { SiteSettings } from '../../domain/site.ts';

export interface FeedLink {
  readonly title: string;
  readonly href: string;
  /** MIME type: application/rss+xml, application/atom+xml or application/feed+json. */
  readonly type: string;
}

export interface OpenGraph {
  readonly type: 'article' | 'website';
  readonly image?: string;
  readonly publishedTime?: string;
  readonly modifiedTime?: string;
  readonly section?: string;
}

export interface HeadProps {
  readonly site: SiteSettings;
  /** The page's own title (og:title); `<title>` appends ` | {site}` unless it is the site name. */
  readonly title: string;
  readonly description: string;
  /** Absolute canonical URL; omitted on error pages. */
  readonly canonical?: string;
  readonly cssHref: string;
  /** Stylesheets of one page family only, after the site's (DevShots). */
  readonly extraCss?: readonly string[];
  readonly feeds: readonly FeedLink[];
  readonly og?: OpenGraph;
  /** One JSON-LD object, or several (each its own script element). */
  readonly jsonLd?: object | readonly object[];
  readonly prev?: string;
  readonly next?: string;
  readonly noindex?: boolean;
}

const FAVICONS = new WeakMap<SiteSettings, string>();

// A one-letter icon inline, so browsers don't ask for /favicon.ico on every visit.
function faviconHref(site: SiteSettings): string {
  let href = FAVICONS.get(site);
  if (!href) {
    const letter = (site.name.trim()[0] ?? 'W').toUpperCase().replace(/[^A-Z0-9]/, 'W');
    const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='%23b3121b'/><text x='16' y='23' font-family='Georgia,serif' font-size='21' font-weight='700' text-anchor='middle' fill='white'>${letter}</text></svg>`;
    href = `data:image/svg+xml,${svg.replace(/ /g, '%20').replace(/</g, '%3C').replace(/>/g, '%3E')}`;
    FAVICONS.set(site, href);
  }
  return href;
}

/** JSON for a <script> element: `<` becomes \u003c so no `</script>` can close it early. */
const SCRIPT_UNSAFE = /[<\u2028\u2029]/g;
const SCRIPT_ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' };

export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(SCRIPT_UNSAFE, (c) => SCRIPT_ESCAPES[c] ?? c);
}

export function Head(p: HeadProps) {
  const { site, og } = p;
  const card = og?.image ? 'summary_large_image' : 'summary';
  const documentTitle = p.title === site.name ? p.title : `${p.title} | ${site.name}`;
  return (
    <>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{documentTitle}</title>
      <meta name="description" content={p.description} />
      {p.noindex && <meta name="robots" content="noindex" />}
      {p.canonical && <link rel="canonical" href={p.canonical} />}
      {p.prev && <link rel="prev" href={p.prev} />}
      {p.next && <link rel="next" href={p.next} />}
      <meta name="color-scheme" content="light dark" />
      <link rel="icon" href={faviconHref(site)} />
      <link rel="stylesheet" href={p.cssHref} />
      {p.extraCss?.map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
      {p.feeds.map((f) => (
        <link rel="alternate" type={f.type} title={f.title} href={f.href} />
      ))}
      {og && (
        <>
          <meta property="og:site_name" content={site.name} />
          <meta property="og:type" content={og.type} />
          <meta property="og:title" content={p.title} />
          <meta property="og:description" content={p.description} />
          {p.canonical && <meta property="og:url" content={p.canonical} />}
          {og.image && <meta property="og:image" content={og.image} />}
          {og.publishedTime && <meta property="article:published_time" content={og.publishedTime} />}
          {og.modifiedTime && <meta property="article:modified_time" content={og.modifiedTime} />}
          {og.section && <meta property="article:section" content={og.section} />}
          <meta name="twitter:card" content={card} />
          <meta name="twitter:title" content={p.title} />
          <meta name="twitter:description" content={p.description} />
          {og.image && <meta name="twitter:image" content={og.image} />}
        </>
      )}
      {(Array.isArray(p.jsonLd) ? p.jsonLd : p.jsonLd ? [p.jsonLd] : []).map((ld: object) => (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(ld) }} />
      ))}
    </>
  );
}
