// The search page: the form with its filters, then results with highlighted headline
// and snippet, or the reason there are none. Highlights arrive as segments and are
// rendered as text and <mark> only (see src/search/highlight.ts).
import type { SiteSettings } from '../../domain/site.ts';
import type { SearchHit } from '../../search/search.ts';
import type { Highlighted } from '../../search/highlight.ts';
import type { AgencyLink } from './chrome.tsx';
import { articlePath, searchPath, type SearchFormValues } from '../urls.ts';
import { AgencyAndTime, SectorLabel } from './story-parts.tsx';
import { Pager } from './list-page.tsx';

export type SearchOutcome =
  /** No text yet: the form alone. */
  | { readonly kind: 'form' }
  /** Bad input: the form again with what was wrong (status 400). */
  | { readonly kind: 'invalid'; readonly message: string }
  /** Text with nothing searchable in it (only stop words, exclusions, punctuation). */
  | { readonly kind: 'no-query' }
  | {
      readonly kind: 'results';
      readonly hits: readonly SearchHit[];
      readonly total: number;
      readonly capped: boolean;
      readonly page: number;
      readonly prevHref?: string;
      readonly nextHref?: string;
    };

export interface SearchProps {
  readonly site: SiteSettings;
  readonly form: SearchFormValues;
  readonly agencies: readonly AgencyLink[];
  readonly outcome: SearchOutcome;
}

function Marked({ text }: { text: Highlighted }) {
  return <>{text.map((s) => (s.match ? <mark>{s.text}</mark> : s.text))}</>;
}

function Filters({ site, form, agencies }: Omit<SearchProps, 'outcome'>) {
  return (
    <form class="search-form" role="search" action="/search" method="get">
      <p class="search-main">
        <label for="search-q" class="visually-hidden">
          Search stories
        </label>
        <input id="search-q" type="search" name="q" value={form.q} maxLength={500} placeholder="Words, &quot;a phrase&quot;, -without, OR, prefix*" />
        <button type="submit">Search</button>
      </p>
      <fieldset class="search-filters">
        <legend>Narrow down</legend>
        <label>
          Sector
          <select name="sector">
            <option value="">All sectors</option>
            {site.sectors.map((s) => (
              <option value={s.slug} selected={s.slug === form.sector}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select name="source">
            <option value="">All sources</option>
            {agencies.map((a) => (
              <option value={a.slug} selected={a.slug === form.source}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" name="from" value={form.from} />
        </label>
        <label>
          To
          <input type="date" name="to" value={form.to} />
        </label>
      </fieldset>
    </form>
  );
}

function Hit({ hit, site }: { hit: SearchHit; site: SiteSettings }) {
  const { story } = hit;
  return (
    <li class="item item-row search-hit">
      <div class="item-text">
        <SectorLabel site={site} sector={story.sector} />
        <h3 class="item-title">
          <a href={articlePath(story)}>
            <Marked text={hit.headline} />
          </a>
        </h3>
        {hit.snippet.length > 0 && (
          <p class="dek">
            <Marked text={hit.snippet} />
          </p>
        )}
        <AgencyAndTime story={story} site={site} />
      </div>
    </li>
  );
}

const hasFilters = (f: SearchFormValues) => Boolean(f.sector || f.source || f.from || f.to);

function NoResults({ form }: { form: SearchFormValues }) {
  return (
    <div class="empty search-empty">
      <p>No published stories match “{form.q}”.</p>
      {hasFilters(form) ? (
        <p>
          Filters are narrowing the search: <a href={searchPath({ q: form.q })}>search all sectors, sources and dates</a>.
        </p>
      ) : (
        <p>Try fewer or different words, or a word’s beginning with * (elect* finds election and elected).</p>
      )}
    </div>
  );
}

function Outcome({ site, form, outcome }: Pick<SearchProps, 'site' | 'form' | 'outcome'>) {
  switch (outcome.kind) {
    case 'form':
      return <p class="list-intro">Search every published story by its words, narrowed by sector, source or date if you like.</p>;
    case 'invalid':
      return (
        <p class="search-error" role="alert">
          {outcome.message}
        </p>
      );
    case 'no-query':
      return <p class="empty">“{form.q}” has no words to search for: common words like “the” are left out, and a search needs at least one word that is not excluded with -.</p>;
    case 'results':
      if (outcome.hits.length === 0) return <NoResults form={form} />;
      return (
        <>
          <p class="search-count">
            {outcome.capped ? `The ${outcome.total} newest matching stories, best first` : `${outcome.total} ${outcome.total === 1 ? 'story' : 'stories'}, best first`}
            {outcome.capped && hasFilters(form) ? '.' : outcome.capped ? ': add a date range to reach older ones.' : '.'}
          </p>
          <ul class="stories stories-row">
            {outcome.hits.map((h) => (
              <Hit hit={h} site={site} />
            ))}
          </ul>
          <Pager page={outcome.page} prevLabel="← Previous" nextLabel="More results →" {...(outcome.prevHref ? { prevHref: outcome.prevHref } : {})} {...(outcome.nextHref ? { nextHref: outcome.nextHref } : {})} />
        </>
      );
  }
}

export function SearchMain(p: SearchProps) {
  const page = p.outcome.kind === 'results' ? p.outcome.page : 1;
  return (
    <>
      <header class="list-head">
        <h1>
          Search
          {page > 1 && <span class="list-page"> · page {page}</span>}
        </h1>
      </header>
      <Filters site={p.site} form={p.form} agencies={p.agencies} />
      <Outcome site={p.site} form={p.form} outcome={p.outcome} />
    </>
  );
}
