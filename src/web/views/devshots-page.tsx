// DevShots: every story as a short card (picture, headline, at most 60 words). Semantic
// HTML first: an ordered list of <article>s, each focusable, so without CSS or script it
// is a readable list; the stylesheet makes it a swipeable, snapping stream.
import type { SiteSettings } from '../../domain/site.ts';
import type { StorySummary } from '../../domain/story.ts';
import { shotSummary } from '../../lib/shot-summary.ts';
import { articlePath, safeImageUrl } from '../urls.ts';
import { AgencyAndTime, IMAGE_H, IMAGE_W, SectorLabel } from './story-parts.tsx';
import { Pager } from './list-page.tsx';

export interface DevShotsProps {
  readonly site: SiteSettings;
  readonly stories: readonly StorySummary[];
  readonly page: number;
  /** Sector slug -> its picture, for stories without one. */
  readonly sectorImage: (sector: string) => string | undefined;
  readonly prevHref?: string;
  readonly nextHref?: string;
  /** The deferred keyboard script (j/k, arrows); the page works without it. */
  readonly scriptHref?: string;
}

export function ShotCard({ story, site, src, first }: { story: StorySummary; site: SiteSettings; src: string | undefined; first: boolean }) {
  const titleId = `shot-${story.id}`;
  return (
    <article class="shot" tabindex={0} aria-labelledby={titleId}>
      {src && (
        <img
          class="shot-img"
          src={src}
          alt=""
          width={IMAGE_W}
          height={IMAGE_H}
          loading={first ? 'eager' : 'lazy'}
          decoding="async"
          fetchpriority={first ? 'high' : undefined}
        />
      )}
      <div class="shot-text">
        <SectorLabel site={site} sector={story.sector} />
        <h2 class="shot-title" id={titleId}>
          <a href={articlePath(story)}>{story.headline}</a>
        </h2>
        <p class="shot-summary">{shotSummary(story.summary || story.headline)}</p>
        <AgencyAndTime story={story} site={site} />
      </div>
    </article>
  );
}

export function DevShotsMain(p: DevShotsProps) {
  return (
    <>
      <header class="list-head">
        <h1>
          DevShots
          {p.page > 1 && <span class="list-page"> · page {p.page}</span>}
        </h1>
        <p class="list-intro">Every story in 60 words or fewer, newest first. Swipe or scroll from card to card; on a keyboard, Tab (or j and k) moves between them.</p>
      </header>
      {p.stories.length > 0 ? (
        <ol class="shots">
          {p.stories.map((story, i) => (
            <li>
              <ShotCard story={story} site={p.site} src={safeImageUrl(p.site, story.imageUrl) ?? p.sectorImage(story.sector)} first={i === 0 && p.page === 1} />
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">No stories yet.</p>
      )}
      <Pager page={p.page} prevHref={p.prevHref} nextHref={p.nextHref} />
      {p.scriptHref && <script src={p.scriptHref} defer />}
    </>
  );
}
