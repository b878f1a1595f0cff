// Data every page shares (menu sources, trending, latest) and the home page's blocks,
// loaded from the store at most once per TTL and shared by all requests. The publish
// stage calls `invalidate()` (exposed as `app.invalidateCaches()`) after a change.
import { createElement } from 'preact';
import type { Store } from '../store/store.ts';
import type { Edition, SiteSettings, Sector } from '../domain/site.ts';
import { newestFirst, PIECE_KINDS, type StoryLink, type StorySummary } from '../domain/story.ts';
import { countStories, listAgencies, listStories, listStoriesByIds } from '../store/story-lists.ts';
import { listMostViewed, TRENDING_WINDOW_MS } from '../store/view-repository.ts';
import { formatIsoDate, yearIn } from '../lib/dates.ts';
import { KeyedTtlCache, TtlCache } from './ttl-cache.ts';
import { findNewestLeads, type RelatedKey } from '../store/cluster-repository.ts';
import { findFirstCountries } from '../store/geo-repository.ts';
import { regionName, regionsOf } from './regions.ts';
import { slugifyAgency } from './urls.ts';
import { prepareChrome, renderFragment, type ChromeHtml, type ChromeParts } from './render.ts';
import { Masthead, Rail, SiteFooter, type AgencyLink, type TrendingEntry } from './views/chrome.tsx';

export const TRENDING_SIZE = 4;
/** Sectors and tags whose newest stories are kept (each ~16 links). */
const NEWEST_LEADS_KEYS = 2_000;
/**
 * A sector's or tag's newest stories change only with stories, and every publish, update
 * and kill drops them (invalidate): the TTL only bounds a change this process is not told
 * of (an editor's command on the embedded store), like the page cache's 60 s. At the
 * sidebar's 5 s, each of a thousand tags' lists was read again every 5 s of traffic.
 */
export const RELATED_TTL_MS = 60_000;
const LATEST_SIZE = 8;
const PIECES_SIZE = 4;
const HOME_TOP_SIZE = 12;
const SECTOR_BLOCK_SIZE = 4;
/** An edition's front page is made of its newest this many stories (see editionLists). */
export const EDITION_HOME_WINDOW = 200;

export interface Chrome {
  readonly agencies: readonly AgencyLink[];
  /** Source-page slug → the agency name stories carry. */
  readonly agencyBySlug: ReadonlyMap<string, string>;
  readonly latest: readonly StorySummary[];
  readonly trending: readonly TrendingEntry[];
  /** The newest opinion, blog and interview pieces, for the rail. */
  readonly pieces: readonly StorySummary[];
  readonly html: ChromeParts;
  /** The same, as strings: an edition's chrome swaps the rail and keeps the rest. */
  readonly parts: ChromeHtml;
}

export interface SectorBlock {
  readonly sector: Sector;
  readonly stories: readonly StorySummary[];
}

export interface HomeData {
  readonly top: readonly StorySummary[];
  readonly sectors: readonly SectorBlock[];
  /** Story id -> region tag, for every story shown. */
  readonly regions: ReadonlyMap<number, string>;
}

export interface SiteData {
  /** The chrome every page shares; an edition's front page gets the edition's trending in its rail. */
  chrome(edition?: Edition): Promise<Chrome>;
  /** The last chrome loaded, or one built from configuration alone: never waits, never fails. */
  chromeNow(): Chrome;
  /** The front page's blocks; an edition with countries shows only its stories. */
  home(edition?: Edition): Promise<HomeData>;
  /** The newest stories of a sector or tag (article pages' related stories), kept until the next change. */
  newestLeads(key: RelatedKey): Promise<readonly StoryLink[]>;
  invalidate(): void;
}

export interface SiteDataOptions {
  readonly ttlMs: number;
  /** Agencies change rarely: refreshed less often. */
  readonly agenciesTtlMs: number;
  readonly onError: (err: unknown) => void;
  readonly now?: () => number;
  /** Told of every cache lookup, for the hit-ratio metric. */
  readonly onCacheLookup?: (cache: string, hit: boolean) => void;
}

function renderChromeHtml(site: SiteSettings, agencies: readonly AgencyLink[], latest: readonly StorySummary[], trending: readonly TrendingEntry[], at: Date, pieces: readonly StorySummary[] = []): ChromeHtml {
  const todayIso = formatIsoDate(at.toISOString(), site.timeZone);
  const label = new Intl.DateTimeFormat(site.language, { dateStyle: 'full', timeZone: site.timeZone }).format(at);
  return {
    header: renderFragment(createElement(Masthead, { site, agencies, today: { iso: todayIso, label } })),
    rail: renderFragment(createElement(Rail, { site, trending, latest, pieces })),
    footer: renderFragment(createElement(SiteFooter, { site, year: yearIn(at, site.timeZone) })),
  };
}

/**
 * The menu's sources, by name, and each slug's spelling. Spellings that share a slug
 * ("Reuters", "REUTERS") are rare: only they are counted, and the most used wins.
 */
async function indexAgencies(names: readonly string[], count: (agency: string) => Promise<number>): Promise<{ agencies: AgencyLink[]; bySlug: Map<string, string> }> {
  const bySlug = new Map<string, string>();
  for (const [slug, forms] of Map.groupBy(names, slugifyAgency)) {
    if (!slug) continue;
    let best = forms[0]!;
    if (forms.length > 1) {
      const counts = await Promise.all(forms.map(count));
      best = forms[counts.indexOf(Math.max(...counts))]!;
    }
    bySlug.set(slug, best);
  }
  const agencies = [...bySlug].map(([slug, name]) => ({ name, slug })).sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return { agencies, bySlug };
}

/** Most viewed in the window first (of the edition's countries, when given), then filled with the newest stories. */
async function loadTrending(store: Store, latest: readonly StorySummary[], now: number, countries?: readonly string[]): Promise<TrendingEntry[]> {
  const viewed = await listMostViewed(store.db, new Date(now - TRENDING_WINDOW_MS), TRENDING_SIZE, countries ? { countries } : {});
  const stories = await listStoriesByIds(store.db, viewed.map((v) => v.storyId));
  // Each event once (ingest/dedupe): the most read of its reports stands for it.
  const events = new Set<number>();
  const filled = [...stories, ...latest].filter((s) => {
    const event = s.clusterId ?? s.id;
    if (events.has(event)) return false;
    events.add(event);
    return true;
  }).slice(0, TRENDING_SIZE);
  const firstCountries = await findFirstCountries(store.db, filled.map((s) => s.id));
  return filled.map((story) => ({ story, region: regionName(firstCountries.get(story.id)) }));
}

/**
 * The rail's newest opinion, blog and interview pieces: one query a kind, each straight
 * off the (kind, status, created_at) index, merged here. One query for the three kinds
 * let SQLite walk every published story by date looking for pieces, 150 ms on 100,000
 * wire stories and none of them pieces.
 */
async function newestPieces(store: Store): Promise<StorySummary[]> {
  const perKind = await Promise.all(PIECE_KINDS.map((kind) => listStories(store.db, { kinds: [kind] }, { limit: PIECES_SIZE })));
  return perKind
    .flat()
    .sort(newestFirst)
    .slice(0, PIECES_SIZE);
}

export function createSiteData(store: Store, site: SiteSettings, opts: SiteDataOptions): SiteData {
  const now = opts.now ?? Date.now;
  const lookups = (cache: string) => (hit: boolean) => opts.onCacheLookup?.(cache, hit);
  const bareParts = renderChromeHtml(site, [], [], [], new Date(now()));
  const bare: Chrome = { agencies: [], agencyBySlug: new Map(), latest: [], trending: [], pieces: [], parts: bareParts, html: prepareChrome(bareParts) };

  const agencyIndex = new TtlCache(async () => indexAgencies(await listAgencies(store.db), (agency) => countStories(store.db, { agency })), opts.agenciesTtlMs, now, opts.onError, lookups('agencies'));

  const chrome = new TtlCache<Chrome>(
    async () => {
      const at = now();
      const [{ agencies, bySlug }, latest, pieces] = await Promise.all([
        agencyIndex.get(),
        listStories(store.db, {}, { limit: LATEST_SIZE }),
        newestPieces(store),
      ]);
      const trending = await loadTrending(store, latest, at);
      const parts = renderChromeHtml(site, agencies, latest, trending, new Date(at), pieces);
      return { agencies, agencyBySlug: bySlug, latest, trending, pieces, parts, html: prepareChrome(parts) };
    },
    opts.ttlMs,
    now,
    opts.onError,
    lookups('chrome'),
  );

  // An edition's chrome: the shared one with the edition's trending in the rail.
  const editionChromeFor = (countries: readonly string[]) =>
    new TtlCache<Chrome>(
      async () => {
        const base = await chrome.get();
        const [trending, newest] = await Promise.all([
          loadTrending(store, [], now(), countries),
          listStories(store.db, { countries }, { limit: TRENDING_SIZE }),
        ]);
        const seen = new Set(trending.map((t) => t.story.id));
        const fill = newest.filter((s) => !seen.has(s.id));
        const regions = await findFirstCountries(store.db, fill.map((s) => s.id));
        const filled = [...trending, ...fill.map((story) => ({ story, region: regionName(regions.get(story.id)) }))].slice(0, TRENDING_SIZE);
        const parts = { ...base.parts, rail: renderFragment(createElement(Rail, { site, trending: filled, latest: base.latest, pieces: base.pieces })) };
        return { ...base, trending: filled, parts, html: prepareChrome(parts) };
      },
      opts.ttlMs,
      now,
      opts.onError,
      lookups('chrome'),
    );
  const editionChromes = new Map(site.editions.filter((e) => e.countries.length > 0).map((e) => [e.slug, editionChromeFor(e.countries)]));

  const globalLists = () =>
    Promise.all([
      listStories(store.db, {}, { limit: HOME_TOP_SIZE }),
      Promise.all(site.sectors.map((sector) => listStories(store.db, { sector: sector.slug }, { limit: SECTOR_BLOCK_SIZE }))),
    ]);
  // An edition's front page arranges its newest stories: one walk of its countries'
  // index, not a list per sector (a sector's newest story about the edition may be far
  // back, and walking to it per block cost tens of milliseconds per refresh).
  const editionLists = (newest: readonly StorySummary[]): [StorySummary[], StorySummary[][]] => [
    newest.slice(0, HOME_TOP_SIZE),
    site.sectors.map((sector) => newest.filter((s) => s.sector === sector.slug).slice(0, SECTOR_BLOCK_SIZE)),
  ];

  // One cache per edition: `countries` narrows every block to the edition's stories.
  const homeFor = (countries: readonly string[] | undefined) =>
    new TtlCache<HomeData>(
      async () => {
        const [top, blocks] = countries ? editionLists(await listStories(store.db, { countries }, { limit: EDITION_HOME_WINDOW })) : await globalLists();
        const sectors = site.sectors.map((sector, i) => ({ sector, stories: blocks[i] ?? [] })).filter((b) => b.stories.length > 0);
        const ids = [...new Set([...top, ...sectors.flatMap((b) => b.stories)].map((s) => s.id))];
        return { top, sectors, regions: regionsOf(ids, await findFirstCountries(store.db, ids)) };
      },
      opts.ttlMs,
      now,
      opts.onError,
      lookups('home'),
    );
  const home = homeFor(undefined);

  // Every article of a sector or tag shows the same newest stories: read once per
  // change (and TTL), not per page. Bounded: a site has tens of thousands of tags.
  const newestLeads = new KeyedTtlCache<RelatedKey, readonly StoryLink[]>((key) => findNewestLeads(store.db, key), (key) => (key.tag !== undefined ? `tag:${key.tag}` : `sector:${key.sector}`), {
    ttlMs: Math.max(opts.ttlMs, RELATED_TTL_MS),
    maxKeys: NEWEST_LEADS_KEYS,
    now,
    onError: opts.onError,
    onLookup: lookups('related'),
  });
  const editionHomes = new Map(site.editions.filter((e) => e.countries.length > 0).map((e) => [e.slug, homeFor(e.countries)]));

  return {
    chrome: (edition) => (edition ? editionChromes.get(edition.slug) : undefined)?.get() ?? chrome.get(),
    chromeNow: () => chrome.peek() ?? bare,
    home: (edition) => (edition ? editionHomes.get(edition.slug) : undefined)?.get() ?? home.get(),
    newestLeads: (key) => newestLeads.get(key),
    invalidate() {
      newestLeads.invalidate();
      agencyIndex.invalidate();
      chrome.invalidate();
      for (const cache of editionChromes.values()) cache.invalidate();
      home.invalidate();
      for (const cache of editionHomes.values()) cache.invalidate();
    },
  };
}
