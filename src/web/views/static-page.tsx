// About, Contact, Disclaimer, Terms of use, Privacy Policy: the newsroom's own text
// (sanitized HTML from the settings table) or, until it sets one, default text naming the site.
import type { ComponentChildren } from 'preact';
import type { SiteSettings } from '../../domain/site.ts';
import { ContactItems, STATIC_PAGES, type StaticPageSlug } from './chrome.tsx';

export { isStaticPageSlug } from '../../domain/static-pages.ts';

export function staticPageTitle(slug: StaticPageSlug): string {
  return STATIC_PAGES.find((p) => p.slug === slug)?.title ?? slug;
}

export function staticPageDescription(slug: StaticPageSlug, site: SiteSettings): string {
  switch (slug) {
    case 'about': return `What ${site.name} is and where its news comes from.`;
    case 'contact': return `How to reach the ${site.name} newsroom.`;
    case 'disclaimer': return `What ${site.name} does and does not vouch for.`;
    case 'terms': return `The terms of using ${site.name}.`;
    case 'privacy': return `What ${site.name} records about readers, and what it does not.`;
  }
}

function Contact({ site }: { site: SiteSettings }) {
  if (!site.contactEmail && !site.contactPhone) {
    return <p>The newsroom has not published its contact details yet.</p>;
  }
  return (
    <ul>
      <ContactItems site={site} />
    </ul>
  );
}

function body(slug: StaticPageSlug, site: SiteSettings): ComponentChildren {
  const n = site.name;
  switch (slug) {
    case 'about':
      return (
        <>
          <p>{n} is a news site that publishes stories from syndicated news wires as they arrive, sorted into sectors and kept up to date when an agency sends a new version.</p>
          <p>Every story names the agency it comes from. Stories published automatically from a feed say so at their end; stories written by our own staff carry no such notice.</p>
          <p>Follow everything new through the <a href="/rss.xml">RSS feed</a> or browse the <a href="/latest">latest news</a>.</p>
        </>
      );
    case 'contact':
      return (
        <>
          <p>To report an error, ask about a story or reach the {n} newsroom:</p>
          <Contact site={site} />
          <p>For a story from a news agency, please tell us its headline and the address of the page.</p>
        </>
      );
    case 'disclaimer':
      return (
        <>
          <p>Most stories on {n} come from syndicated news agencies and are published automatically, without being edited by {n} staff. Such stories say so at their end.</p>
          <p>The agency named in a story’s byline is responsible for its content. {n} does not vouch for the accuracy of agency copy, and views expressed in it are not those of {n}.</p>
          <p>When an agency corrects or withdraws a story, {n} updates or removes it as soon as the agency’s feed says so.</p>
        </>
      );
    case 'terms':
      return (
        <>
          <p>You may read, link to and share {n} pages for personal, non-commercial use. Stories remain the property of the agencies and authors that wrote them; republishing them needs their permission.</p>
          <p>{n} is provided as it is, without warranty. We may change these terms; the version on this page is the one in force.</p>
        </>
      );
    case 'privacy':
      return (
        <>
          <p>{n} does not require an account and sets no advertising or tracking cookies. Pages load no third-party scripts or fonts.</p>
          <p>To rank trending stories we count how often each story is viewed, per hour, without recording who viewed it. Our servers keep ordinary access logs for security and troubleshooting for a short time.</p>
          <p>If you write to us, we use your message and address only to answer you.</p>
        </>
      );
  }
}

/** `html`: the newsroom's own text, already sanitized (routes/static-pages.ts). */
export function StaticMain({ slug, site, html }: { slug: StaticPageSlug; site: SiteSettings; html?: string }) {
  return (
    <article class="static-page">
      <h1>{staticPageTitle(slug)}</h1>
      {html ? <div class="static-body" dangerouslySetInnerHTML={{ __html: html }} /> : body(slug, site)}
    </article>
  );
}
