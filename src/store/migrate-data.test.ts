import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestStore, type TestStore } from './testing/test-stores.ts';
import { MigrateDataError, migrateData, type MigrateDataProgress } from './migrate-data.ts';
import { insertSource } from './source-repository.ts';
import { insertStory } from './story-repository.ts';
import { recordView } from './view-repository.ts';
import { putSetting } from './settings-repository.ts';
import type { NewStoryRow, Database } from './schema.ts';
import type { Store } from './store.ts';
import { searchStories } from '../search/search.ts';

const PG = process.env.WIREDESK_TEST_PG;
if (!PG) console.log('WIREDESK_TEST_PG not set: sqlite→postgres migration tests skipped');

const STORIES = 23;
const BATCH = 5;

function story(n: number, sourceId: number | null): NewStoryRow {
  const t = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  return {
    identity: `guid:${n}`, kind: 'wire', status: n % 7 === 0 ? 'killed' : 'published', source_id: sourceId,
    headline: n % 2 ? `Заголовок ${n} — «ÆØÅ» 日本語 🗞️` : `Headline ${n} with 'quotes' and "double" \\ backslash`,
    summary: n === 3 ? '' : `Summary ${n}\nsecond line\ttab`,
    body_html: n % 5 === 0 ? `<p>${'Long body ₹ € 😀 '.repeat(20_000)}</p>` : `<p>Body ${n}</p>`,
    slug: `headline-${n}`, sector: n % 2 ? 'health' : 'sports', agency: n % 3 ? 'PTI' : null,
    dateline_city: n % 4 ? 'Zürich' : null, author: null, link: n % 2 ? `https://example.com/${n}` : null,
    image_url: null, image_caption: null, language: n % 2 ? 'ru' : null,
    categories: JSON.stringify(['c', 'ü']), created_at: t, updated_at: t, ingested_at: t, content_hash: `h${n}`,
  };
}

async function seed(store: Store): Promise<void> {
  const db = store.db;
  const a = await insertSource(db, { name: 'Agence ✈', url: 'https://a.example/feed', intervalSeconds: 300, agency: 'AFP' }, new Date('2026-01-01T00:00:00Z'));
  const b = await insertSource(db, { name: 'spool', url: '/var/spool/wire', intervalSeconds: 60 }, new Date('2026-01-02T00:00:00Z'));
  await db.updateTable('sources').set({ etag: 'W/"x"', last_error: 'parse/rss: boom', consecutive_failures: 2, lease_owner: 'node-1' }).where('id', '=', b.id).execute();
  for (let n = 1; n <= STORIES; n++) await insertStory(db, story(n, n % 3 === 0 ? null : n % 2 ? a.id : b.id));
  // A gap in the ids, as deletes leave behind.
  await db.deleteFrom('stories').where('id', '=', 4).execute();
  // 12 distinct (story, hour) pairs, most seen more than once.
  for (let n = 1; n <= 30; n++) await recordView(db, (n % 6) + 1 === 4 ? 5 : (n % 6) + 1, new Date(Date.UTC(2026, 0, 1, n % 4)));
  await putSetting(db, 'site_name', 'Wiredesk — Ünïcode');
  await putSetting(db, 'Zeta', '2');
  await putSetting(db, 'alpha', '');
  await db.insertInto('job_leases').values({ name: 'prune', owner: null, expires_at: null, last_run_at: '2026-01-01T00:00:00.000Z' }).execute();
  await db.insertInto('story_audit').values({ story_id: 5, action: 'killed', detail: 'agency canceled version 2', at: '2026-01-03T00:00:00.000Z' }).execute();
  await db.insertInto('story_countries').values([{ story_id: 5, country: 'CH', position: 0, created_at: '2026-01-01T05:00:00.000Z' }, { story_id: 5, country: 'DE', position: 1, created_at: '2026-01-01T05:00:00.000Z' }]).execute();
  await db.insertInto('story_tags').values({ story_id: 5, slug: 'zurich', name: 'Zürich', kind: 'place', position: 0, created_at: '2026-01-01T05:00:00.000Z' }).execute();
  // Band hashes use 52 bits: they must survive the copy exactly.
  await db.insertInto('story_keys').values([{ key: 'link:https://a.example/5', story_id: 5 }, { key: 'id:guid:x', story_id: 5 }]).execute();
  await db.insertInto('story_signatures').values({ story_id: 5, shingles: 'ab'.repeat(256), names: '0000000a', at: '2026-01-01T00:00:00.000Z' }).execute();
  await db.insertInto('story_bands').values({ band: 4_503_599_627_370_495, story_id: 5, hour: 490_000 }).execute();
  await db.insertInto('sector_labels').values({ story_id: 5, sector: 'health', labelled_by: 'Ünïcode editor', labelled_at: '2026-01-03T00:00:00.000Z' }).execute();
  await db.insertInto('roundups').values({ story_id: 6, topic: 'health', created_at: '2026-01-03T00:00:00.000Z' }).execute();
  await db.insertInto('editors').values({ name: 'Ünïcode editor', token_hash: 'ab'.repeat(32), created_at: '2026-01-02T00:00:00.000Z' }).execute();
  // Sessions are not copied: editors sign in again on the new store.
  await db.insertInto('desk_sessions').values({ id_hash: 'cd'.repeat(32), editor_id: 1, created_at: '2026-01-02T00:00:00.000Z', expires_at: '2026-01-02T12:00:00.000Z' }).execute();
  await db.insertInto('roundup_items').values({ story_id: 5, roundup_id: 6, position: 0 }).execute();
  await db.insertInto('websub_subscriptions').values({ source_id: a.id, hub: 'https://hub.example/', topic: 'https://a.example/feed', callback_token: 't0k', secret: 's3cret', state: 'active', lease_seconds: 864000, expires_at: '2026-01-11T00:00:00.000Z', renew_at: '2026-01-10T00:00:00.000Z', requested_at: null, verified_at: '2026-01-01T00:00:00.000Z', last_error: null }).execute();
}

type TableName = keyof Database;
const TABLES: readonly TableName[] = ['sources', 'stories', 'story_views', 'story_audit', 'settings', 'job_leases', 'websub_subscriptions', 'editors', 'roundup_items', 'roundups', 'sector_labels', 'story_bands', 'story_countries', 'story_keys', 'story_signatures', 'story_tags'];

/** PostgreSQL's generated search_vector is derived from the copied columns, not copied. */
const DERIVED_COLUMNS: ReadonlySet<string> = new Set(['search_vector']);

/** Every row, sorted in JS: PostgreSQL's text collation need not order like SQLite's. */
async function dump(store: Store, table: TableName): Promise<unknown[]> {
  const rows = (await store.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
  // PostgreSQL's driver returns bigint (story_bands.band) as text.
  const plain = (k: string, v: unknown) => (k === 'band' ? Number(v) : v);
  return rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !DERIVED_COLUMNS.has(k)).map(([k, v]) => [k, plain(k, v)]).sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)))).sort();
}

async function expectSameRows(from: Store, to: Store): Promise<void> {
  for (const table of TABLES) expect({ table, rows: await dump(to, table) }).toEqual({ table, rows: await dump(from, table) });
}

describe.skipIf(!PG)('migrate-data sqlite → postgres', () => {
  let src: TestStore;
  let dst: TestStore;
  beforeEach(async () => {
    src = await createTestStore('sqlite');
    dst = await createTestStore('postgres');
    await seed(src.store);
  });
  afterEach(async () => {
    await src.dispose();
    await dst.dispose();
  });

  it('copies every row of every table, field by field', async () => {
    const counts = await migrateData(src.store, dst.store, { batchSize: BATCH });
    expect(counts).toEqual([
      { table: 'sources', source: 2, target: 2, copied: 2 },
      { table: 'stories', source: STORIES - 1, target: STORIES - 1, copied: STORIES - 1 },
      { table: 'story_views', source: 12, target: 12, copied: 12 },
      { table: 'story_audit', source: 1, target: 1, copied: 1 },
      { table: 'settings', source: 3, target: 3, copied: 3 },
      { table: 'job_leases', source: 1, target: 1, copied: 1 },
      { table: 'websub_subscriptions', source: 1, target: 1, copied: 1 },
      { table: 'editors', source: 1, target: 1, copied: 1 },
      { table: 'roundup_items', source: 1, target: 1, copied: 1 },
      { table: 'roundups', source: 1, target: 1, copied: 1 },
      { table: 'sector_labels', source: 1, target: 1, copied: 1 },
      { table: 'story_bands', source: 1, target: 1, copied: 1 },
      { table: 'story_countries', source: 2, target: 2, copied: 2 },
      { table: 'story_keys', source: 2, target: 2, copied: 2 },
      { table: 'story_signatures', source: 1, target: 1, copied: 1 },
      { table: 'story_tags', source: 1, target: 1, copied: 1 },
    ]);
    await expectSameRows(src.store, dst.store);
    // The target's search index is rebuilt from the copied rows: killed stories stay out.
    const found = await searchStories(dst.store, { text: 'headline' });
    expect(found.kind === 'results' && found.hits.map((h) => h.story.id).sort((a, b) => a - b)).toEqual([2, 6, 8, 10, 12, 16, 18, 20, 22]);
    const long = await dst.store.db.selectFrom('stories').select('body_html').where('id', '=', 5).executeTakeFirstOrThrow();
    expect(long.body_html.length).toBe('<p></p>'.length + 'Long body ₹ € 😀 '.length * 20_000);
  });

  it('resumes after an interruption without duplicating rows', async () => {
    let batches = 0;
    const interrupt = (p: MigrateDataProgress): void => {
      if (p.kind === 'batch' && p.table === 'stories' && ++batches === 2) throw new Error('interrupted');
    };
    await expect(migrateData(src.store, dst.store, { batchSize: BATCH, onProgress: interrupt })).rejects.toThrow('interrupted');
    expect(await count(dst.store, 'stories')).toBe(2 * BATCH);
    expect(await count(dst.store, 'story_views')).toBe(0);

    const events: MigrateDataProgress[] = [];
    const counts = await migrateData(src.store, dst.store, { batchSize: BATCH, onProgress: (p) => events.push(p) });
    expect(counts.find((c) => c.table === 'stories')).toEqual({ table: 'stories', source: STORIES - 1, target: STORIES - 1, copied: STORIES - 1 - 2 * BATCH });
    expect(counts.find((c) => c.table === 'sources')).toMatchObject({ source: 2, target: 2, copied: 0 });
    // Resumed after the highest id: the first batch reported starts past the copied rows.
    expect(events.find((e) => e.kind === 'batch' && e.table === 'stories')).toEqual({ kind: 'batch', table: 'stories', done: 3 * BATCH, total: STORIES - 1 });
    const distinct = await dst.store.db.selectFrom('stories').select((eb) => eb.fn.count('identity').distinct().as('n')).executeTakeFirstOrThrow();
    expect(Number(distinct.n)).toBe(STORIES - 1);
    await expectSameRows(src.store, dst.store);

    // A third run finds everything in place and copies nothing.
    const again = await migrateData(src.store, dst.store, { batchSize: BATCH });
    expect(again.map((c) => c.copied)).toEqual(TABLES.map(() => 0));
  });

  it('resets the id sequences so new rows get fresh ids', async () => {
    await migrateData(src.store, dst.store, { batchSize: BATCH });
    const id = await insertStory(dst.store.db, story(1000, null));
    expect(id).toBe(STORIES + 1);
    const source = await insertSource(dst.store.db, { name: 'new', url: 'https://n.example/', intervalSeconds: 60 }, new Date());
    expect(source.id).toBe(3);
  });

  it('refuses a target holding different data for the same keys, before writing anything', async () => {
    await insertSource(dst.store.db, { name: 'someone else', url: 'https://x.example/', intervalSeconds: 60 }, new Date());
    const err = await migrateData(src.store, dst.store).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrateDataError);
    expect((err as MigrateDataError).code).toBe('conflict');
    expect((err as MigrateDataError).message).toContain('sources holds different data for id=1 (column name)');
    expect(await count(dst.store, 'stories')).toBe(0);
  });

  it('refuses a target holding rows the source does not have', async () => {
    await putSetting(dst.store.db, 'only_here', 'x');
    await expect(migrateData(src.store, dst.store)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('(key=only_here) that is not in the source') });
  });

  it('refuses a source with migrations this code does not know', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('9999-future', '2030-01-01T00:00:00.000Z')`.execute(src.store.db);
    await expect(migrateData(src.store, dst.store)).rejects.toMatchObject({ code: 'schema', message: expect.stringContaining('9999-future') });
  });

  it('refuses a source whose schema is behind this code', async () => {
    await sql`delete from kysely_migration where name = '0002-leases'`.execute(src.store.db);
    await expect(migrateData(src.store, dst.store)).rejects.toMatchObject({ code: 'schema', message: expect.stringContaining('behind (missing 0002-leases)') });
  });

  it('copies a table added later without code changes, and fails clearly when the target lacks one', async () => {
    for (const s of [src.store, dst.store]) {
      await sql`create table bookmarks (id integer primary key, story_id integer not null references stories(id), note text)`.execute(s.db);
    }
    await sql`insert into bookmarks (id, story_id, note) values (1, 2, 'ß'), (7, 3, null)`.execute(src.store.db);
    const counts = await migrateData(src.store, dst.store, { batchSize: BATCH });
    expect(counts.map((c) => c.table)).toEqual(['sources', 'stories', 'story_views', 'story_audit', 'settings', 'job_leases', 'websub_subscriptions', 'bookmarks', 'editors', 'roundup_items', 'roundups', 'sector_labels', 'story_bands', 'story_countries', 'story_keys', 'story_signatures', 'story_tags']);
    expect((await sql<{ id: number; note: string | null }>`select id, note from bookmarks order by id`.execute(dst.store.db)).rows).toEqual([
      { id: 1, note: 'ß' },
      { id: 7, note: null },
    ]);

    await sql`create table extra (k text primary key)`.execute(src.store.db);
    await expect(migrateData(src.store, dst.store)).rejects.toMatchObject({ code: 'missing-table', message: expect.stringContaining('extra') });
  });
});

async function count(store: Store, table: TableName): Promise<number> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
