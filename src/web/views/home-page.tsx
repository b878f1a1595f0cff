// The front page: lead story with its picture, the next few, and one block per sector.
// Trending and latest news sit in the rail beside it.
import type { Edition, SiteSettings } from '../../domain/site.ts';
import type { StorySummary } from '../../domain/story.ts';
import { chooseEditionPath, sectorPath } from '../urls.ts';
import { LeadStory, StoryItem, StoryList } from './story-parts.tsx';

export interface HomeProps {
  readonly site: SiteSettings;
  readonly top: readonly StorySummary[];
  readonly sectors: readonly { sector: { slug: string; name: string }; stories: readonly StorySummary[] }[];
  /** A regional edition: the page shows only its stories. */
  readonly edition?: Edition;
  /** Story id -> region tag. */
  readonly regions?: ReadonlyMap<number, string>;
}

const TOP_CARDS = 4;

/** The newest story with a picture among the first few leads; else the newest. */
export function pickLead(top: readonly StorySummary[]): { lead?: StorySummary; rest: StorySummary[] } {
  const lead = top.slice(0, 6).find((s) => s.imageUrl) ?? top[0];
  return { lead, rest: top.filter((s) => s !== lead) };
}

export function HomeMain({ site, top, sectors, edition, regions }: HomeProps) {
  const tagged = regions ? { regions } : {};
  const { lead, rest } = pickLead(top);
  return (
    <>
      <h1 class="visually-hidden">{edition ? `${site.name}: ${edition.name} edition` : `${site.name}: top stories`}</h1>
      {edition && (
        <p class="edition-head">
          <strong>{edition.name} edition</strong> · <a href={chooseEditionPath('global')}>Global edition</a>
        </p>
      )}
      {lead ? (
        <section class="top" aria-label="Top stories">
          <LeadStory story={lead} site={site} />
          <StoryList stories={rest.slice(0, TOP_CARDS)} site={site} variant="card" class="top-cards" {...tagged} />
        </section>
      ) : (
        <p class="empty">No stories yet: they appear here as soon as the first wire feed is read.</p>
      )}
      {rest.length > TOP_CARDS && (
        <section class="more" aria-labelledby="more-h">
          <h2 id="more-h" class="section-title">
            <a href="/latest">More news</a>
          </h2>
          <StoryList stories={rest.slice(TOP_CARDS)} site={site} variant="row" {...tagged} />
        </section>
      )}
      {sectors.length > 0 && (
        <div class="sector-grid">
          {sectors.map(({ sector, stories }) => (
            <section class="sector-block" aria-labelledby={`s-${sector.slug}`}>
              <h2 id={`s-${sector.slug}`} class="section-title">
                <a href={sectorPath(sector.slug)}>{sector.name}</a>
              </h2>
              <ul class="stories">
                {stories.map((s, i) => (
                  <StoryItem story={s} site={site} variant={i === 0 && s.imageUrl ? 'card' : 'compact'} {...(regions ? { region: regions.get(s.id) ?? 'Global' } : {})} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
