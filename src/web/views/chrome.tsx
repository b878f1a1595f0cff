// What frames every page: masthead with the menu drawer, the side rail, the footer.
// These change only when the sidebar data does, so the app renders them once per
// refresh and pastes the HTML into each page (see ../site-data.ts).
import type { SiteSettings } from '../../domain/site.ts';
import type { StorySummary } from '../../domain/story.ts';
import { articlePath, editionPath, kindPath, sectorPath, sourcePath, staticPagePath } from '../urls.ts';
import { truncateAtWord } from '../text.ts';
import { RegionTag, StoryList } from './story-parts.tsx';
import { SearchBox } from './search-box.tsx';
import { STATIC_PAGES } from '../../domain/static-pages.ts';

export { STATIC_PAGES, type StaticPageSlug } from '../../domain/static-pages.ts';

export interface AgencyLink {
  readonly name: string;
  readonly slug: string;
}

export interface TrendingEntry {
  readonly story: StorySummary;
  /** First country of the story, else "Global". */
  readonly region: string;
}

function Links({ items }: { items: readonly { href: string; label: string }[] }) {
  return (
    <ul class="links">
      {items.map((i) => (
        <li>
          <a href={i.href}>{i.label}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * Every kind of page a reader can browse, for the menu. DevShots and Roundups are built
 * in their own route files (another part of the site); only their links live here.
 */
export const PAGE_TYPE_LINKS: readonly { readonly href: string; readonly label: string }[] = [
  { href: '/latest', label: 'Latest' },
  { href: '/devshots', label: 'DevShots' },
  { href: '/roundups', label: 'Roundups' },
  { href: kindPath('opinion'), label: 'Opinion' },
  { href: kindPath('blog'), label: 'Blogs' },
  { href: kindPath('interview'), label: 'Interviews' },
];

const sectorLinks = (site: SiteSettings) => site.sectors.map((s) => ({ href: sectorPath(s.slug), label: s.name }));
const editionLinks = (site: SiteSettings) => site.editions.map((e) => ({ href: editionPath(e.slug), label: e.name }));

/**
 * The edition switcher: a plain GET form (works without JS) to /edition, which
 * remembers the choice in a cookie. The chrome is shared by every reader, so no
 * option is pre-selected: the page's own heading says which edition is shown.
 */
export function EditionSwitcher({ site }: { site: SiteSettings }) {
  if (site.editions.length < 2) return null;
  return (
    <form class="edition-switcher" method="get" action="/edition">
      <label class="visually-hidden" for="edition-name">
        Edition
      </label>
      <select id="edition-name" name="name">
        {site.editions.map((e) => (
          <option value={e.slug}>{e.name}</option>
        ))}
      </select>
      <button type="submit">Go</button>
    </form>
  );
}

/** Skip link, brand, today's date, the menu drawer (a <details>: works without JS) and the sector bar. */
export function Masthead(p: { site: SiteSettings; agencies: readonly AgencyLink[]; today: { iso: string; label: string } }) {
  const { site } = p;
  return (
    <>
      <a class="skip" href="#main">
        Skip to main content
      </a>
      <header class="masthead">
        <div class="masthead-inner">
          <details class="drawer">
            <summary>
              <span class="burger" aria-hidden="true"></span>
              Menu
            </summary>
            <nav class="drawer-panel" aria-label="Main menu">
              <p class="drawer-head">
                <a href="/">Home</a> · <a href="/latest">Latest news</a>
              </p>
              <h2>Read</h2>
              <Links items={PAGE_TYPE_LINKS} />
              <h2>Sectors</h2>
              <Links items={sectorLinks(site)} />
              <h2>Editions</h2>
              <Links items={editionLinks(site)} />
              {p.agencies.length > 0 && (
                <>
                  <h2>Sources</h2>
                  <Links items={p.agencies.map((a) => ({ href: sourcePath(a.name), label: a.name }))} />
                </>
              )}
              <h2>About us</h2>
              <Links items={STATIC_PAGES.map((s) => ({ href: staticPagePath(s.slug), label: s.title }))} />
            </nav>
          </details>
          <a class="brand" href="/">
            {site.name}
          </a>
          <div class="masthead-end">
            <p class="today">
              <time datetime={p.today.iso}>{p.today.label}</time>
            </p>
            <SearchBox id="masthead-q" />
            <EditionSwitcher site={site} />
          </div>
        </div>
        <nav class="sectorbar" aria-label="Sectors">
          <ul>
            <li>
              <a href="/latest">Latest</a>
            </li>
            {site.sectors.map((s) => (
              <li>
                <a href={sectorPath(s.slug)}>{s.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
    </>
  );
}

export function Trending({ entries }: { entries: readonly TrendingEntry[] }) {
  return (
    <section class="panel trending" aria-labelledby="trending-h">
      <h2 id="trending-h" class="panel-title">
        Trending
      </h2>
      <ol class="ranked">
        {entries.map(({ story, region }, i) => (
          <li>
            <span class="rank" aria-hidden="true">
              {i + 1}
            </span>
            <div>
              <h3 class="item-title">
                <a href={articlePath(story)}>{story.headline}</a>
              </h3>
              <p class="teaser">{truncateAtWord(story.summary || story.headline)}</p>
              <RegionTag region={region} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Trending, latest news and the opinion block (the newest signed pieces), beside the main column on desktop. */
export function Rail(p: { site: SiteSettings; trending: readonly TrendingEntry[]; latest: readonly StorySummary[]; pieces?: readonly StorySummary[] }) {
  const pieces = p.pieces ?? [];
  return (
    <>
      {p.trending.length > 0 && <Trending entries={p.trending} />}
      <section class="panel" aria-labelledby="latest-h">
        <h2 id="latest-h" class="panel-title">
          <a href="/latest">Latest News</a>
        </h2>
        {p.latest.length > 0 ? <StoryList stories={p.latest} site={p.site} variant="compact" /> : <p class="empty">No stories yet.</p>}
      </section>
      <section class="panel" aria-labelledby="opinion-h">
        <h2 id="opinion-h" class="panel-title">
          <a href={kindPath('opinion')}>Opinion</a> / <a href={kindPath('blog')}>Blog</a> / <a href={kindPath('interview')}>Interview</a>
        </h2>
        {pieces.length > 0 ? <StoryList stories={pieces} site={p.site} variant="compact" /> : <p class="empty">No opinion pieces yet.</p>}
      </section>
    </>
  );
}

export function SiteFooter(p: { site: SiteSettings; year: number }) {
  const { site } = p;
  return (
    <footer class="site-footer">
      <div class="footer-grid">
        <section class="footer-sectors">
          <h2>Sectors</h2>
          <Links items={sectorLinks(site)} />
        </section>
        <section>
          <h2>Editions</h2>
          <Links items={editionLinks(site)} />
        </section>
        <section>
          <h2>Other links</h2>
          <Links items={STATIC_PAGES.map((s) => ({ href: staticPagePath(s.slug), label: s.title }))} />
        </section>
        <section>
          <h2>Connect</h2>
          <ul class="links">
            <li>
              <a href="/rss.xml">RSS feed</a>
            </li>
            <ContactItems site={site} />
          </ul>
        </section>
      </div>
      <p class="colophon">
        <a class="brand brand-small" href="/">
          {site.name}
        </a>
        <span>
          © {p.year} {site.name}
        </span>
      </p>
    </footer>
  );
}

/** The newsroom's email and phone as list items, where configured (footer and contact page). */
export function ContactItems({ site }: { site: SiteSettings }) {
  return (
    <>
      {site.contactEmail && (
        <li>
          Email: <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
        </li>
      )}
      {site.contactPhone && <li>Phone: {site.contactPhone}</li>}
    </>
  );
}
