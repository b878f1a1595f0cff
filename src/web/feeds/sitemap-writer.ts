// Sitemaps out (sitemaps.org protocol 0.9, and Google's News sitemap extension), built
// with fast-xml-parser's XMLBuilder like the RSS writer, so escaping is the library's job.
import { XMLBuilder } from 'fast-xml-parser';

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

export interface SitemapEntry {
  readonly loc: string;
  /** ISO-8601; the schemas take xsd:dateTime. */
  readonly lastmod?: string;
}

export interface NewsEntry {
  readonly loc: string;
  readonly title: string;
  readonly publicationDate: string;
}

export interface NewsPublication {
  readonly name: string;
  readonly language: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: false, suppressEmptyNode: true });
const DECLARATION = { '@version': '1.0', '@encoding': 'UTF-8' };

const entry = (e: SitemapEntry) => ({ loc: e.loc, ...(e.lastmod ? { lastmod: e.lastmod } : {}) });

export function renderSitemapIndex(sitemaps: readonly SitemapEntry[]): string {
  return builder.build({ '?xml': DECLARATION, sitemapindex: { '@xmlns': SITEMAP_NS, sitemap: sitemaps.map(entry) } }) as string;
}

export function renderUrlset(urls: readonly SitemapEntry[]): string {
  return builder.build({ '?xml': DECLARATION, urlset: { '@xmlns': SITEMAP_NS, url: urls.map(entry) } }) as string;
}

/**
 * Google News wants `news:language` as an ISO 639 code of 2 or 3 letters, or `zh-cn` /
 * `zh-tw` (its schema's pattern): `en-IN` is sent as `en`.
 */
export function newsLanguage(language: string): string {
  const lower = language.trim().toLowerCase().replace('_', '-');
  if (lower === 'zh-cn' || lower === 'zh-tw') return lower;
  return lower.split('-')[0] ?? lower;
}

export function renderNewsSitemap(publication: NewsPublication, stories: readonly NewsEntry[]): string {
  const url = stories.map((s) => ({
    loc: s.loc,
    'news:news': {
      'news:publication': { 'news:name': publication.name, 'news:language': newsLanguage(publication.language) },
      'news:publication_date': s.publicationDate,
      'news:title': s.title,
    },
  }));
  return builder.build({ '?xml': DECLARATION, urlset: { '@xmlns': SITEMAP_NS, '@xmlns:news': NEWS_NS, url } }) as string;
}
