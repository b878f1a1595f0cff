// The site's static pages: default text in web/views/static-page.tsx until the newsroom
// sets its own (`wiredesk pages set`), kept in the settings table under staticPageSetting.
export const STATIC_PAGES = [
  { slug: 'about', title: 'About' },
  { slug: 'contact', title: 'Contact' },
  { slug: 'disclaimer', title: 'Disclaimer' },
  { slug: 'terms', title: 'Terms of use' },
  { slug: 'privacy', title: 'Privacy Policy' },
] as const;

export type StaticPageSlug = (typeof STATIC_PAGES)[number]['slug'];

export function isStaticPageSlug(slug: string): slug is StaticPageSlug {
  return STATIC_PAGES.some((p) => p.slug === slug);
}

/** The settings key of a page's own (sanitized) HTML. */
export function staticPageSetting(slug: StaticPageSlug): string {
  return `page:${slug}`;
}
