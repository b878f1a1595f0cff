// schema.org JSON-LD shared by page families (the article's own NewsArticle lives with
// its view): the site with its search box, and breadcrumbs. Crawlers get exactly what
// readers see: these describe the page, they never add content of their own.
import type { SiteSettings } from '../domain/site.ts';
import { absoluteUrl } from './urls.ts';

export function organizationJsonLd(site: SiteSettings): object {
  return { '@type': 'Organization', '@id': `${absoluteUrl(site, '/')}#publisher`, name: site.name, url: absoluteUrl(site, '/') };
}

/** WebSite with a SearchAction (the sitelinks search box), and the publishing Organization. */
export function websiteJsonLd(site: SiteSettings): object {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'WebSite',
        '@id': `${absoluteUrl(site, '/')}#website`,
        name: site.name,
        url: absoluteUrl(site, '/'),
        inLanguage: site.language,
        publisher: { '@id': `${absoluteUrl(site, '/')}#publisher` },
        potentialAction: {
          '@type': 'SearchAction',
          target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(site, '/search')}?q={search_term_string}` },
          'query-input': 'required name=search_term_string',
        },
      },
      organizationJsonLd(site),
    ],
  };
}

export interface Crumb {
  readonly name: string;
  readonly path: string;
}

/** BreadcrumbList from the home page down to this page (the last crumb is the page itself). */
export function breadcrumbJsonLd(site: SiteSettings, crumbs: readonly Crumb[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [{ name: 'Home', path: '/' }, ...crumbs].map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: absoluteUrl(site, c.path) })),
  };
}
