// Small pieces that list and page views share: labels, times, images, story items.
import type { SiteSettings } from '../../domain/site.ts';
import { isPieceKind, type PieceKind, type StorySummary } from '../../domain/story.ts';
import { formatBylineTime } from '../../lib/dates.ts';
import { articlePath, authorPath, countryPathOfName, kindPath, safeImageUrl, sectorName, sectorPath } from '../urls.ts';
import { GLOBAL_REGION } from '../regions.ts';
import { PIECE_PAGES } from '../piece-kinds.ts';

/** "Opinion", "Blog", "Interview": a signed piece says what it is, linking to its kind's list. */
export function KindLabel({ kind }: { kind: PieceKind }) {
  return (
    <a class="label kind-label" href={kindPath(kind)}>
      {PIECE_PAGES[kind].label}
    </a>
  );
}

/** The region tag: a link to the country's page, plain text for Global. */
export function RegionTag({ region }: { region: string }) {
  if (region === GLOBAL_REGION) return <span class="region">{region}</span>;
  return (
    <a class="region" href={countryPathOfName(region)}>
      {region}
    </a>
  );
}

// Stories carry no image dimensions, so every image sits in a 16:9 box (CSS
// aspect-ratio + object-fit) and declares 16:9 width/height: no layout shift.
export const IMAGE_W = 1200;
export const IMAGE_H = 675;

export function StoryTime({ iso, zone }: { iso: string; zone: string }) {
  return <time datetime={iso}>{formatBylineTime(iso, zone)}</time>;
}

/** `PTI · 29-11-2026 09:10 IST` under a story's headline. */
export function AgencyAndTime({ story, site }: { story: Pick<StorySummary, 'agency' | 'createdAt'>; site: SiteSettings }) {
  return (
    <p class="meta">
      {story.agency && <span>{story.agency} · </span>}
      <StoryTime iso={story.createdAt} zone={site.timeZone} />
    </p>
  );
}

export function SectorLabel({ site, sector }: { site: SiteSettings; sector: string }) {
  return (
    <a class="label" href={sectorPath(sector)}>
      {sectorName(site, sector)}
    </a>
  );
}

export function StoryImage(p: { site: SiteSettings; url: string | null; alt: string; eager?: boolean; class?: string }) {
  const src = safeImageUrl(p.site, p.url);
  if (!src) return null;
  return (
    <img
      class={p.class}
      src={src}
      alt={p.alt}
      width={IMAGE_W}
      height={IMAGE_H}
      loading={p.eager ? 'eager' : 'lazy'}
      decoding="async"
      fetchpriority={p.eager ? 'high' : undefined}
    />
  );
}

/** The lead of the home page: big picture, headline, summary. */
export function LeadStory({ story, site }: { story: StorySummary; site: SiteSettings }) {
  const href = articlePath(story);
  return (
    <article class="lead">
      {story.imageUrl && (
        <a href={href} tabindex={-1} aria-hidden="true" class="media">
          <StoryImage site={site} url={story.imageUrl} alt="" eager />
        </a>
      )}
      <div class="lead-text">
        <SectorLabel site={site} sector={story.sector} />
        <h2 class="lead-title">
          <a href={href}>{story.headline}</a>
        </h2>
        <p class="dek">{story.summary}</p>
        <AgencyAndTime story={story} site={site} />
      </div>
    </article>
  );
}

export type ItemVariant = 'card' | 'row' | 'compact';

/** One story in a list: `card` (picture above), `row` (picture aside, summary), `compact` (headline and time). */
export function StoryItem({ story, site, variant, region }: { story: StorySummary; site: SiteSettings; variant: ItemVariant; region?: string }) {
  const href = articlePath(story);
  const image = variant !== 'compact' && story.imageUrl;
  return (
    <li class={`item item-${variant}`}>
      {image && (
        <a href={href} tabindex={-1} aria-hidden="true" class="media">
          <StoryImage site={site} url={story.imageUrl} alt="" />
        </a>
      )}
      <div class="item-text">
        {variant !== 'compact' && isPieceKind(story.kind) && <KindLabel kind={story.kind} />}
        {variant !== 'compact' && <SectorLabel site={site} sector={story.sector} />}
        <h3 class="item-title">
          <a href={href}>{story.headline}</a>
        </h3>
        {variant === 'row' && <p class="dek">{story.summary}</p>}
        <p class="meta">
          {isPieceKind(story.kind) && story.author ? (
            <span>
              <a class="author" href={authorPath(story.author)}>
                {story.author}
              </a>{' '}
              ·{' '}
            </span>
          ) : (
            variant !== 'compact' && story.agency && <span>{story.agency} · </span>
          )}
          <StoryTime iso={story.createdAt} zone={site.timeZone} />
          {region && <RegionTag region={region} />}
        </p>
      </div>
    </li>
  );
}

/** `regions`: story id -> region tag (first country, else Global), where the page loaded them. */
export function StoryList(p: { stories: readonly StorySummary[]; site: SiteSettings; variant: ItemVariant; class?: string; regions?: ReadonlyMap<number, string> }) {
  return (
    <ul class={`stories stories-${p.variant}${p.class ? ` ${p.class}` : ''}`}>
      {p.stories.map((s) => (
        <StoryItem story={s} site={p.site} variant={p.variant} {...(p.regions ? { region: p.regions.get(s.id) ?? GLOBAL_REGION } : {})} />
      ))}
    </ul>
  );
}
