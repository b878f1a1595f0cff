// `?page=N` for list pages: page 1 has no parameter, so `?page=1` redirects to the
// bare URL and anything that is not a positive whole number is a bad request.

export const PAGE_SIZE = 20;
const MAX_PAGE = 100_000;

export type PageParam =
  | { readonly kind: 'ok'; readonly page: number }
  | { readonly kind: 'redirect-first' }
  | { readonly kind: 'bad' };

export function parsePageParam(raw: unknown): PageParam {
  if (raw === undefined) return { kind: 'ok', page: 1 };
  if (typeof raw !== 'string' || !/^[1-9][0-9]*$/.test(raw)) return { kind: 'bad' };
  const page = Number(raw);
  if (page > MAX_PAGE) return { kind: 'bad' };
  return page === 1 ? { kind: 'redirect-first' } : { kind: 'ok', page };
}

/** Reads `page` from a parsed query string of unknown shape. */
export function pageQuery(query: unknown): unknown {
  return typeof query === 'object' && query !== null ? (query as Record<string, unknown>).page : undefined;
}
