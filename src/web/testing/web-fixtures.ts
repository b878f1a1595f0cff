// Test helpers for the web layer: a real migrated store (SQLite, or PostgreSQL when
// WIREDESK_TEST_PG is set), rows inserted through the repository, the app in-process.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Config } from '../../config/config.ts';
import { loadConfig } from '../../config/config.ts';
import type { Engine } from '../../store/engine.ts';
import type { NewStoryRow } from '../../store/schema.ts';
import { insertStory } from '../../store/story-repository.ts';
import { createTestStore, type TestStore } from '../../store/testing/test-stores.ts';
import { buildApp } from '../app.ts';

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/** Story n, created n minutes after 2023-04-16T18:30Z, that is 00:n IST on the 17th (n < 60). */
export function storyRow(n: number, over: Partial<NewStoryRow> = {}): NewStoryRow {
  const at = new Date(Date.UTC(2023, 3, 16, 18, 30 + n)).toISOString();
  return {
    identity: `guid:${n}`,
    kind: 'wire',
    status: 'published',
    source_id: null,
    headline: `Headline number ${n}`,
    summary: `Summary of story ${n}, a lead of a few words that says what happened.`,
    body_html: `<p>Body of story ${n}.</p>`,
    slug: `headline-number-${n}`,
    sector: 'politics',
    agency: 'PTI',
    dateline_city: 'Moscow',
    author: null,
    link: null,
    image_url: null,
    image_caption: null,
    language: 'en',
    categories: '[]',
    created_at: at,
    updated_at: at,
    ingested_at: at,
    content_hash: `h${n}`,
    ...over,
  };
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    WIREDESK_SITE_NAME: 'Devdiscourse',
    WIREDESK_BASE_URL: 'https://news.example',
    WIREDESK_TIMEZONE: 'Asia/Kolkata',
    WIREDESK_CONTACT_EMAIL: 'desk@news.example',
    ...env,
  });
}

/**
 * `t.dispose()`, without its PostgreSQL race: pg-pool's end() resolves once it has
 * *asked* each client to disconnect, dispose then drops the database WITH (FORCE),
 * and a client still closing receives the termination as an unhandled pool 'error'.
 * Close first, give the sockets a moment, then dispose (Kysely's destroy is idempotent).
 */
export async function disposeTestStore(t: TestStore, engine: Engine): Promise<void> {
  await t.store.close();
  if (engine === 'postgres') await new Promise((r) => setTimeout(r, 100));
  await t.dispose();
}

export interface WebHarness {
  readonly app: FastifyInstance;
  readonly t: TestStore;
  /** Inserts rows in order; returns their ids. */
  insert(...rows: NewStoryRow[]): Promise<number[]>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startWeb(engine: Engine, config: Config = testConfig()): Promise<WebHarness> {
  const t = await createTestStore(engine);
  const app = await buildApp({ store: t.store, config });
  return {
    app,
    t,
    async insert(...rows) {
      const ids: number[] = [];
      for (const row of rows) ids.push(await insertStory(t.store.db, row));
      app.invalidateCaches();
      return ids;
    },
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA, ...headers } }),
    async close() {
      await app.close();
      await t.dispose();
    },
  };
}

/** Text of the first element matching `re` (tags stripped, entities for & < > " decoded). */
export function textOf(html: string, re: RegExp): string | undefined {
  const m = re.exec(html);
  if (!m) return undefined;
  return (m[1] ?? m[0])
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** `content` of `<meta property|name="key">`. */
export function metaContent(html: string, key: string): string | undefined {
  const m = new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`).exec(html);
  return m?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<');
}

/** The hrefs of every `<a>` inside the first element matching `re`. */
export function hrefsIn(html: string, re: RegExp): string[] {
  const block = re.exec(html)?.[0] ?? '';
  return [...block.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1] ?? '');
}
