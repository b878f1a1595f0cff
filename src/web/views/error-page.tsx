// Not found and server error pages: say what happened, offer a way on, never a trace.
import type { SiteSettings } from '../../domain/site.ts';
import type { StorySummary } from '../../domain/story.ts';
import { StoryList } from './story-parts.tsx';
import { SearchBox } from './search-box.tsx';

export interface ErrorProps {
  readonly site: SiteSettings;
  readonly status: number;
  readonly latest: readonly StorySummary[];
}

export function errorTitle(status: number): string {
  if (status === 404) return 'Page not found';
  if (status === 410) return 'Story withdrawn';
  if (status === 400) return 'Bad request';
  if (status === 429) return 'Too many requests';
  if (status < 500) return 'Request not understood';
  return 'Something went wrong';
}

function explanation(status: number): string {
  if (status === 404) return 'The page you asked for is not here. It may have been moved or withdrawn, or the address may be mistyped.';
  if (status === 410) return 'This story was withdrawn by the agency that supplied it and is no longer available.';
  if (status === 429) return 'You have made a lot of requests in a short time. Please wait a minute and try again.';
  if (status < 500) return 'The address has something in it we could not read. Please check it and try again.';
  return 'We could not show this page just now. Please try again in a moment.';
}

export function ErrorMain({ site, status, latest }: ErrorProps) {
  return (
    <section class="error-page">
      <p class="error-code">Error {status}</p>
      <h1>{errorTitle(status)}</h1>
      <p>{explanation(status)}</p>
      {status === 404 && (
        <section class="error-search" aria-label="Search">
          <p>Looking for a story? Search for it:</p>
          <SearchBox id="error-q" />
        </section>
      )}
      <p>
        <a class="button" href="/">
          Go to the {site.name} home page
        </a>
      </p>
      {latest.length > 0 && (
        <>
          <h2 class="section-title">Latest news</h2>
          <StoryList stories={latest} site={site} variant="compact" />
        </>
      )}
    </section>
  );
}
