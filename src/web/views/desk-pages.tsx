// The desk's pages: sign-in, the wire as the classifier filed it (how, and on which words),
// and one story with its explanation and a form to refile it. Plain forms: no script.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Sector } from '../../domain/site.ts';
import type { Story } from '../../domain/story.ts';
import type { SectorExplanation } from '../../ingest/classify/index.ts';
import type { SectorLabel, StoryTagRow } from '../../store/geo-repository.ts';

export interface DeskFrame {
  readonly siteName: string;
  /** The site's stylesheet, then the desk's. */
  readonly cssHrefs: readonly string[];
  /** The signed-in editor; absent on the sign-in page. */
  readonly editor?: string;
}

const VIA: Record<SectorExplanation['via'], string> = {
  subject: 'agency subject codes',
  category: 'feed categories',
  model: 'text classifier',
  default: 'default (no signal)',
};

export function renderDeskPage(frame: DeskFrame, title: string, main: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} · ${frame.siteName} desk`}</title>
        {frame.cssHrefs.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
      </head>
      <body class="desk">
        <header class="desk-bar">
          <a href="/desk" class="desk-home">{frame.siteName} desk</a>
          {frame.editor ? (
            <form method="post" action="/desk/logout" class="desk-out">
              <span>{frame.editor}</span> <button type="submit">Sign out</button>
            </form>
          ) : null}
        </header>
        <main id="main" class="desk-main">
          {main}
        </main>
      </body>
    </html>,
  )}`;
}

export function LoginForm({ error, name }: { error?: string; name?: string }) {
  return (
    <>
      <h1>Sign in to the desk</h1>
      {error ? (
        <p class="desk-error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/desk/login" class="desk-form">
        <label>
          Name <input name="name" required autocomplete="username" value={name ?? ''} maxLength={60} />
        </label>
        <label>
          Token <input name="token" type="password" required autocomplete="current-password" maxLength={200} />
        </label>
        <button type="submit">Sign in</button>
      </form>
      <p class="desk-note">An administrator makes editors and their tokens with <code>wiredesk editors add NAME</code>.</p>
    </>
  );
}

export interface DeskRow {
  readonly story: Story;
  readonly why: SectorExplanation;
}

function sectorName(sectors: readonly Sector[], slug: string): string {
  return sectors.find((s) => s.slug === slug)?.name ?? slug;
}

export function Decision({ why, sectors }: { why: SectorExplanation; sectors: readonly Sector[] }) {
  return (
    <span class="desk-why">
      {sectorName(sectors, why.sector)} <small>by {VIA[why.via]}</small>
      {why.terms.length > 0 ? <small>: {why.terms.join(', ')}</small> : null}
    </span>
  );
}

export interface WireListProps {
  readonly rows: readonly DeskRow[];
  readonly sectors: readonly Sector[];
  readonly sector?: string;
  /** 1 for the newest stories. */
  readonly page: number;
  readonly hasOlder: boolean;
}

function listHref(sector: string | undefined, page: number): string {
  const query = new URLSearchParams({ ...(sector ? { sector } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString();
  return query ? `/desk?${query}` : '/desk';
}

export function WireList({ rows, sectors, sector, page, hasOlder }: WireListProps) {
  return (
    <>
      <h1>The wire as filed</h1>
      <form method="get" action="/desk" class="desk-filter">
        <label>
          Sector{' '}
          <select name="sector">
            <option value="">All sectors</option>
            {sectors.map((s) => (
              <option value={s.slug} selected={s.slug === sector}>
                {s.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">Show</button>
      </form>
      <table class="desk-table">
        <thead>
          <tr>
            <th scope="col">Story</th>
            <th scope="col">Filed under</th>
            <th scope="col">The classifier says (top terms)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ story, why }) => (
            <tr class={why.sector === story.sector ? undefined : 'desk-differs'}>
              <td>
                <a href={`/desk/story/${story.id}`}>{story.headline}</a> <small>{story.agency ?? ''}</small>
              </td>
              <td>{sectorName(sectors, story.sector)}</td>
              <td>
                <Decision why={why} sectors={sectors} />
                {why.sector === story.sector ? null : <strong class="desk-flag"> differs</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p>No stories.</p> : null}
      <nav class="desk-pager" aria-label="Pages">
        {page > 1 ? (
          <a rel="prev" href={listHref(sector, page - 1)}>
            Newer
          </a>
        ) : null}{' '}
        {hasOlder ? (
          <a rel="next" href={listHref(sector, page + 1)}>
            Older
          </a>
        ) : null}
      </nav>
    </>
  );
}

export interface StoryView {
  readonly story: Story;
  readonly why: SectorExplanation;
  /** The text classifier's own reading, when subject codes or categories decided. */
  readonly text?: SectorExplanation;
  readonly countries: readonly string[];
  readonly tags: readonly StoryTagRow[];
  readonly labels: readonly SectorLabel[];
  readonly articlePath: string;
  readonly learnedFrom: number;
  /** Just refiled under this sector (after the form). */
  readonly filed?: string;
}

export function StoryDesk({ view, sectors }: { view: StoryView; sectors: readonly Sector[] }) {
  const { story, why } = view;
  return (
    <>
      {view.filed ? (
        <p class="desk-done" role="status">
          Filed under {sectorName(sectors, view.filed)}. The classifier learns from it.
        </p>
      ) : null}
      <h1>{story.headline}</h1>
      <p>{story.summary}</p>
      <dl class="desk-facts">
        <dt>Filed under</dt>
        <dd>{sectorName(sectors, story.sector)}</dd>
        <dt>The classifier says</dt>
        <dd>
          <Decision why={why} sectors={sectors} />
          {why.via === 'model' ? <small> (log-odds over the runner-up {why.score})</small> : null}
          {view.text ? (
            <>
              <br />
              the text alone: <Decision why={view.text} sectors={sectors} />
            </>
          ) : null}
          <br />
          <small>learned from {view.learnedFrom} editor label(s)</small>
        </dd>
        <dt>Countries</dt>
        <dd>{view.countries.join(', ') || 'none (Global)'}</dd>
        <dt>Tags</dt>
        <dd>{view.tags.map((t) => t.name).join(', ') || 'none'}</dd>
        <dt>Source</dt>
        <dd>
          {story.agency ?? 'unknown'} · <a href={view.articlePath}>the published page</a>
        </dd>
      </dl>
      <form method="post" action={`/desk/story/${story.id}/sector`} class="desk-form">
        <label>
          Refile under{' '}
          <select name="sector">
            {sectors.map((s) => (
              <option value={s.slug} selected={s.slug === story.sector}>
                {s.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">Refile</button>
      </form>
      <h2>Labels</h2>
      {view.labels.length === 0 ? (
        <p>No editor has filed it yet.</p>
      ) : (
        <ul>
          {view.labels.map((l) => (
            <li>
              {sectorName(sectors, l.sector)} by {l.labelledBy}, {l.labelledAt.slice(0, 16).replace('T', ' ')} UTC
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
