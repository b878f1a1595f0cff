// GET /search?q=&sector=&source=&from=&to=&page=: the reader's full-text search.
// Bad parameters answer 400 with the form and what was wrong, never a 500. Results are
// cached like lists, keyed on `search` (purged by every publish) and on each story
// shown (purged when it is killed), so a withdrawn story leaves results at once.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { createElement } from 'preact';
import { searchStories, type SearchFilters } from '../../search/search.ts';
import { startOfDayIn } from '../../lib/dates.ts';
import { absoluteUrl, searchPath, type SearchFormValues } from '../urls.ts';
import { feedsFor, renderPage, sendHtml, type WebContext } from '../context.ts';
import { parsePageParam } from '../pagination.ts';
import { setSurrogateKeys } from '../surrogate-keys.ts';
import { SearchMain, type SearchOutcome } from '../views/search-page.tsx';
import type { Chrome } from '../site-data.ts';

export const MAX_QUERY_CHARS = 500;
const FIELDS = ['q', 'sector', 'source', 'from', 'to'] as const;
const DAY_MS = 86_400_000;

type Parsed =
  | { readonly kind: 'ok'; readonly form: SearchFormValues; readonly filters: SearchFilters; readonly page: number }
  | { readonly kind: 'redirect'; readonly to: string }
  | { readonly kind: 'bad'; readonly form: SearchFormValues; readonly message: string };

/** The form's values as given (each a single string) and what they mean, or what is wrong with them. */
export function parseSearchParams(query: unknown, chrome: Pick<Chrome, 'agencyBySlug'>, sectors: ReadonlySet<string>, timeZone: string): Parsed {
  const raw = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const key of FIELDS) {
    const v = raw[key] ?? '';
    values[key] = typeof v === 'string' ? v.trim() : '';
  }
  const form = values as unknown as SearchFormValues;
  const bad = (message: string): Parsed => ({ kind: 'bad', form, message });
  for (const key of [...FIELDS, 'page']) if (Array.isArray(raw[key])) return bad(`Give “${key}” once only.`);
  if (form.q.length > MAX_QUERY_CHARS) return bad(`A search can be at most ${MAX_QUERY_CHARS} characters long.`);
  const filters: { -readonly [K in keyof SearchFilters]: SearchFilters[K] } = {};
  if (form.sector) {
    if (!sectors.has(form.sector)) return bad(`There is no sector “${form.sector}”.`);
    filters.sectors = new Set([form.sector]);
  }
  if (form.source) {
    const agency = chrome.agencyBySlug.get(form.source);
    if (!agency) return bad(`There is no source “${form.source}”.`);
    filters.agencies = new Set([agency]);
  }
  const from = form.from ? startOfDayIn(form.from, timeZone) : undefined;
  if (form.from && !from) return bad(`“From” must be a date written yyyy-mm-dd, like 2026-03-01.`);
  const toStart = form.to ? startOfDayIn(form.to, timeZone) : undefined;
  if (form.to && !toStart) return bad(`“To” must be a date written yyyy-mm-dd, like 2026-03-31.`);
  if (from && toStart && from > toStart) return bad('“From” is after “To”: swap the dates.');
  if (from) filters.createdFrom = from.toISOString();
  // "To" includes its whole day: up to the start of the next one.
  const toEnd = toStart ? startOfDayIn(new Date(Date.parse(`${form.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10), timeZone) : undefined;
  if (toEnd) filters.createdBefore = toEnd.toISOString();
  const page = parsePageParam(raw.page);
  if (page.kind === 'bad') return bad('The page must be a positive whole number.');
  if (page.kind === 'redirect-first') return { kind: 'redirect', to: searchPath(form) };
  return { kind: 'ok', form, filters, page: page.page };
}

export function registerSearchRoutes(app: FastifyInstance, ctx: WebContext, limit: RouteShorthandOptions = {}): void {
  const sectors = new Set(ctx.site.sectors.map((s) => s.slug));

  app.get('/search', limit, async (request: FastifyRequest, reply: FastifyReply) => {
    const chrome = await ctx.siteData.chrome();
    const parsed = parseSearchParams(request.query, chrome, sectors, ctx.site.timeZone);
    if (parsed.kind === 'redirect') return reply.redirect(parsed.to, 301);
    const send = (form: SearchFormValues, outcome: SearchOutcome, page: number, status: number) => {
      const links = outcome.kind === 'results' ? { ...(outcome.prevHref ? { prev: outcome.prevHref } : {}), ...(outcome.nextHref ? { next: outcome.nextHref } : {}) } : {};
      const html = renderPage(ctx, chrome, {
        head: {
          title: form.q ? `Search: ${form.q}${page > 1 ? ` (page ${page})` : ''}` : 'Search',
          description: `Search the stories on ${ctx.site.name}.`,
          canonical: absoluteUrl(ctx.site, searchPath(form, page)),
          feeds: feedsFor(ctx.site),
          // Result pages are endless variations of the archive: keep them out of search engines.
          noindex: true,
          ...links,
        },
        main: createElement(SearchMain, { site: ctx.site, form, agencies: chrome.agencies, outcome }),
      });
      return sendHtml(reply, html, status);
    };
    if (parsed.kind === 'bad') return send(parsed.form, { kind: 'invalid', message: parsed.message }, 1, 400);
    const { form, filters, page } = parsed;
    if (!form.q) return send(form, { kind: 'form' }, 1, 200);
    const found = await searchStories(ctx.store, { text: form.q, filters, page });
    if (found.kind === 'no-query') return send(form, found, 1, 200);
    if (page > 1 && found.hits.length === 0) return reply.callNotFound();
    setSurrogateKeys(reply, { kind: 'search', storyIds: found.hits.map((h) => h.story.id) });
    const outcome: SearchOutcome = {
      kind: 'results',
      hits: found.hits,
      total: found.total,
      capped: found.capped,
      page,
      ...(page > 1 ? { prevHref: searchPath(form, page - 1) } : {}),
      ...(found.hasNext ? { nextHref: searchPath(form, page + 1) } : {}),
    };
    return send(form, outcome, page, 200);
  });
}
