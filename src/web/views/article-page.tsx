// The article page, after the reference anatomy: label, headline, summary, byline,
// picture, body, provenance notice, next article in the sector.
import type { SiteSettings } from '../../domain/site.ts';
import type { Story, StoryLink, StorySummary } from '../../domain/story.ts';
import { formatBylineTime } from '../../lib/dates.ts';
import { absoluteUrl, authorPath, articlePath, safeImageUrl, sectorName, sourcePath, tagPath } from '../urls.ts';
import { isPieceKind } from '../../domain/story.ts';
import { KindLabel, SectorLabel, StoryImage } from './story-parts.tsx';

export interface ArticleProps {
  readonly story: Story;
  readonly site: SiteSettings;
  readonly next?: Pick<StorySummary, 'id' | 'sector' | 'slug' | 'headline'>;
  /** The story's tags, for the "Read more on" block. */
  readonly tags?: readonly { readonly slug: string; readonly name: string }[];
  /** Other agencies' reports of the same event (ingest/dedupe), for "Also reported by". */
  readonly reports?: readonly StoryLink[];
  /** Stories sharing a tag or the sector, newest first. */
  readonly related?: readonly StoryLink[];
}

/** "Also reported by PTI, Reuters": each agency links to its report. */
export function AlsoReportedBy({ reports }: { reports: readonly StoryLink[] }) {
  const byAgency = reports.filter((r, i) => r.agency && reports.findIndex((o) => o.agency === r.agency) === i);
  if (byAgency.length === 0) return null;
  return (
    <p class="byline also-reported">
      Also reported by{' '}
      {byAgency.flatMap((r, i) => [
        ...(i === 0 ? [] : [', ']),
        <a href={articlePath(r)} title={r.headline}>
          {r.agency}
        </a>,
      ])}
    </p>
  );
}

/** Related stories: the event's other reports first, then the tags' and sector's newest. */
export function RelatedStories({ stories }: { stories: readonly StoryLink[] }) {
  if (stories.length === 0) return null;
  return (
    <nav class="related" aria-labelledby="related-h">
      <h2 id="related-h" class="next-label">Related stories</h2>
      <ul>
        {stories.map((s) => (
          <li>
            <a href={articlePath(s)}>{s.headline}</a>
            {s.agency && <span> {s.agency}</span>}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Auto-published wire copy says so, with the site's own name; staff stories carry nothing. */
export function provenanceNotice(story: Pick<Story, 'kind'>, siteName: string): string | undefined {
  if (story.kind === 'roundup') return `(This roundup has not been edited by ${siteName} staff and is auto-generated from syndicated wire briefs.)`;
  return story.kind === 'staff'
    ? undefined
    : `(This story has not been edited by ${siteName} staff and is auto-generated from a syndicated feed.)`;
}

/** The full stories a roundup links to, from its own body (for JSON-LD isBasedOn). */
export function roundupSources(bodyHtml: string): string[] {
  return [...bodyHtml.matchAll(/<a href="(https?:\/\/[^"]+)">Read the full story<\/a>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}

/**
 * `PTI | Moscow | Updated: 17-04-2023 00:36 IST | Created: 17-04-2023 00:36 IST`; absent parts drop out with their bar.
 * The author, where there is one, links to their page: after the agency on wire copy, and
 * on a signed piece (opinion, blog, interview) in its own line above, where it matters most.
 */
export function Byline({ story, site }: { story: Story; site: SiteSettings }) {
  const parts = [];
  const piece = isPieceKind(story.kind);
  if (story.agency) parts.push(<a href={sourcePath(story.agency)}>{story.agency}</a>);
  // A byline that only repeats the agency ("IANS | IANS") says nothing more.
  if (story.author && !piece && story.author.toLowerCase() !== story.agency?.toLowerCase()) parts.push(<a class="author" rel="author" href={authorPath(story.author)}>{story.author}</a>);
  if (story.datelineCity) parts.push(<span>{story.datelineCity}</span>);
  const updated = formatBylineTime(story.updatedAt, site.timeZone);
  if (updated) parts.push(<span>Updated: <time datetime={story.updatedAt}>{updated}</time></span>);
  const created = formatBylineTime(story.createdAt, site.timeZone);
  if (created) parts.push(<span>Created: <time datetime={story.createdAt}>{created}</time></span>);
  const byline = <p class="byline">{parts.flatMap((p, i) => (i === 0 ? [p] : [' | ', p]))}</p>;
  if (!piece || !story.author) return byline;
  return (
    <>
      <p class="author-line">
        By{' '}
        <a class="author" rel="author" href={authorPath(story.author)}>
          {story.author}
        </a>
      </p>
      {byline}
    </>
  );
}

/** "READ MORE ON": links to the list of every story carrying each tag, as on the reference page. */
export function ReadMoreOn({ tags }: { tags: readonly { readonly slug: string; readonly name: string }[] }) {
  if (tags.length === 0) return null;
  return (
    <nav class="read-more" aria-labelledby="read-more-h">
      <h2 id="read-more-h">Read more on</h2>
      <ul>
        {tags.map((t) => (
          <li>
            <a class="region" href={tagPath(t.slug)}>
              {t.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ArticleMain({ story, site, next, tags, reports = [], related = [] }: ArticleProps) {
  const notice = provenanceNotice(story, site.name);
  return (
    <>
      <article class="story">
        <header class="story-head">
          <p class="kicker">
            {isPieceKind(story.kind) && <KindLabel kind={story.kind} />}
            <SectorLabel site={site} sector={story.sector} />
            {story.kind === 'roundup' && (
              <>
                {' '}
                <span class="region">Auto-generated roundup</span>
              </>
            )}
          </p>
          <h1 class="headline">{story.headline}</h1>
          {story.summary && <p class="standfirst">{story.summary}</p>}
          <Byline story={story} site={site} />
          <AlsoReportedBy reports={reports} />
          {story.correctedAt && (
            <p class="correction-note">
              <strong>Corrected:</strong> this story was corrected by its agency at{' '}
              <time datetime={story.correctedAt}>{formatBylineTime(story.correctedAt, site.timeZone)}</time>.
            </p>
          )}
        </header>
        {safeImageUrl(site, story.imageUrl) && (
          <figure class="hero">
            <StoryImage site={site} url={story.imageUrl} alt={story.imageCaption ?? story.headline} eager />
            {story.imageCaption && <figcaption>{story.imageCaption}</figcaption>}
          </figure>
        )}
        {/* Sanitized upstream (ingest/normalize): the only raw HTML the site prints. */}
        <div class="story-body" dangerouslySetInnerHTML={{ __html: story.bodyHtml }} />
        {notice && <p class="provenance">{notice}</p>}
        {tags && <ReadMoreOn tags={tags} />}
      </article>
      <RelatedStories stories={[...reports, ...related]} />
      {next && (
        <nav class="next-article" aria-label="Next article">
          <span class="next-label">Next article in {sectorName(site, next.sector)}</span>
          <a href={articlePath(next)}>{next.headline}</a>
        </nav>
      )}
    </>
  );
}

/** schema.org type: opinion is OpinionNewsArticle, a blog post BlogPosting, anything else NewsArticle. */
export function articleType(story: Pick<Story, 'kind'>): string {
  return story.kind === 'opinion' ? 'OpinionNewsArticle' : story.kind === 'blog' ? 'BlogPosting' : 'NewsArticle';
}

/** schema.org NewsArticle (or its kind's type) for the page's JSON-LD. */
export function articleJsonLd(story: Story, site: SiteSettings, canonical: string): object {
  const image = safeImageUrl(site, story.imageUrl);
  const agency = story.agency ? { '@type': 'Organization', name: story.agency } : undefined;
  const publisher = { '@type': 'Organization', name: site.name, url: site.baseUrl };
  return {
    '@context': 'https://schema.org',
    '@type': articleType(story),
    headline: story.headline,
    description: story.summary,
    datePublished: story.createdAt,
    dateModified: story.updatedAt,
    articleSection: sectorName(site, story.sector),
    inLanguage: story.language ?? site.language,
    author: story.author ? { '@type': 'Person', name: story.author, url: absoluteUrl(site, authorPath(story.author)) } : (agency ?? publisher),
    ...(agency ? { sourceOrganization: agency } : {}),
    publisher,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    url: canonical,
    ...(image ? { image: [image] } : {}),
    // Made by the site from wire briefs, by no person: say so, and name the stories it bundles.
    ...(story.kind === 'roundup' ? { genre: 'News roundup (auto-generated)', isBasedOn: roundupSources(story.bodyHtml) } : {}),
  };
}
