import { afterEach, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely/migration';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { migrate, openStore, type Store } from '../store.ts';
import { migrationProvider } from './index.ts';
import { testEngines, withAdmin } from '../testing/test-stores.ts';
import type { Engine } from '../engine.ts';
import { searchStories } from '../../search/search.ts';

// A database made before search existed: its stories must become searchable by their
// text (not their markup) when 0006 runs.
async function openEmpty(engine: Engine): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'wiredesk-0006-'));
    const store = openStore({ kind: 'sqlite', path: join(dir, 'db.sqlite') });
    return { store, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = process.env.WIREDESK_TEST_PG ?? '';
  const name = `wiredesk_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = openStore({ kind: 'postgres', url: url.toString() });
  return { store, dispose: async () => { await store.close(); await withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)); } };
}

describe.each(testEngines())('migration 0006-search on %s', (engine) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
  });

  it('backfills body text and indexes the stories already stored', async () => {
    const opened = await openEmpty(engine);
    dispose = opened.dispose;
    const { store } = opened;
    const migrator = new Migrator({ db: store.db, provider: migrationProvider(engine) });
    const { error } = await migrator.migrateTo('0005-push-sources');
    expect(error).toBeUndefined();
    const at = '2026-01-01T00:00:00.000Z';
    const base = { kind: 'wire', source_id: null, slug: 's', sector: 'politics', agency: 'PTI', dateline_city: null, author: null, link: null, image_url: null, image_caption: null, language: 'en', categories: '[]', created_at: at, updated_at: at, ingested_at: at, content_hash: 'h', summary: '' };
    // Written as an older version did: no body_text column yet.
    const old = store.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    for (let n = 0; n < 700; n++) {
      await old.insertInto('stories').values({ ...base, identity: `guid:${n}`, status: 'published', headline: `Old ${n}`, body_html: `<p>Paragraph <a href="https://x.example">linked${n}</a> text.</p>` }).execute();
    }
    await old.insertInto('stories').values({ ...base, identity: 'guid:killed', status: 'killed', headline: 'Gone', body_html: '<p>linked699</p>' }).execute();

    // The later migrations run too: 0006 is the first of them.
    expect((await migrate(store))[0]).toBe('0006-search');
    const rows = await store.db.selectFrom('stories').select(['identity', 'body_text']).where('identity', 'in', ['guid:0', 'guid:699']).orderBy('identity').execute();
    expect(rows).toEqual([
      { identity: 'guid:0', body_text: 'Paragraph linked0 text.' },
      { identity: 'guid:699', body_text: 'Paragraph linked699 text.' },
    ]);
    const found = await searchStories(store, { text: 'linked699' });
    expect(found.kind === 'results' && found.hits.map((h) => h.story.headline)).toEqual(['Old 699']);
    const href = await searchStories(store, { text: 'href' });
    expect(href.kind === 'results' && href.total).toBe(0);
  });
});
