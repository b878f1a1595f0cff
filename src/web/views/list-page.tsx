// A paginated list of stories: a sector, an agency, or everything newest first.
import type { SiteSettings } from '../../domain/site.ts';
import type { StorySummary } from '../../domain/story.ts';
import { StoryList } from './story-parts.tsx';

export interface ListProps {
  readonly site: SiteSettings;
  readonly title: string;
  readonly intro?: string;
  readonly stories: readonly StorySummary[];
  readonly page: number;
  readonly prevHref?: string;
  readonly nextHref?: string;
  readonly feedHref?: string;
  readonly emptyText: string;
  /** Story id -> region tag. */
  readonly regions?: ReadonlyMap<number, string>;
}

export function Pager(p: { page: number; prevHref?: string; nextHref?: string; prevLabel?: string; nextLabel?: string }) {
  if (!p.prevHref && !p.nextHref) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {p.prevHref ? (
        <a rel="prev" href={p.prevHref}>
          {p.prevLabel ?? '← Newer'}
        </a>
      ) : (
        <span />
      )}
      <span class="pager-at">Page {p.page}</span>
      {p.nextHref ? (
        <a rel="next" href={p.nextHref}>
          {p.nextLabel ?? 'Older →'}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function ListMain(p: ListProps) {
  return (
    <>
      <header class="list-head">
        <h1>
          {p.title}
          {p.page > 1 && <span class="list-page"> · page {p.page}</span>}
        </h1>
        {p.intro && <p class="list-intro">{p.intro}</p>}
        {p.feedHref && (
          <p class="list-feed">
            <a href={p.feedHref}>RSS feed</a>
          </p>
        )}
      </header>
      {p.stories.length > 0 ? <StoryList stories={p.stories} site={p.site} variant="row" {...(p.regions ? { regions: p.regions } : {})} /> : <p class="empty">{p.emptyText}</p>}
      <Pager page={p.page} prevHref={p.prevHref} nextHref={p.nextHref} />
    </>
  );
}
