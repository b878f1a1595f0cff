// `sources add --kind`, `sources kind`, `stories kind` and `pages set|show|reset`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startFakePurgeServer } from '../../web/purge/fake-purge-server.ts';
import { useCliHarness } from '../testing/cli-harness.ts';
import { runCli } from '../index.ts';
import { openStore } from '../../store/store.ts';
import { listAudit } from '../../store/audit-repository.ts';
import { findStoryById } from '../../store/story-repository.ts';
import { findSourceByName } from '../../store/source-repository.ts';

const WIRE = new URL('../../ingest/testdata/wire-v1.rss', import.meta.url).pathname;

const cli = useCliHarness('pieces');

async function withStore<T>(db: string, fn: (store: ReturnType<typeof openStore>) => Promise<T>): Promise<T> {
  const store = openStore({ kind: 'sqlite', path: db });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

describe('wiredesk sources --kind and sources kind', () => {
  it('a source added as a blog says so, lists so, and can become an interview feed', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['sources', 'add', WIRE, '--name', 'Rao column', '--kind', 'blog', '--db', db])).toBe(0);
    expect(cli.out.at(-1)).toMatch(/^added source 1 "Rao column" .* every 300s, items become blog$/);
    expect(await runCli(['sources', 'list', '--db', db])).toBe(0);
    expect(cli.out.at(-1)).toMatch(/^1\tRao column \(blog\)\t/);
    expect(await runCli(['sources', 'kind', 'Rao column', 'interview', '--db', db])).toBe(0);
    expect(cli.out.at(-1)).toBe('source "Rao column": new items become interview');
    expect(await withStore(db, async (s) => (await findSourceByName(s.db, 'Rao column'))?.storyKind)).toBe('interview');
    expect(await runCli(['sources', 'add', '--push', 'oped', '--kind', 'opinion', '--db', db])).toBe(0);
    expect(await withStore(db, async (s) => (await findSourceByName(s.db, 'oped'))?.storyKind)).toBe('opinion');
  });

  it.each([
    [['sources', 'add', WIRE, '--kind', 'gossip'], /sources add: kind must be one of wire, staff, opinion, blog, interview, got "gossip"/],
    [['sources', 'add', WIRE, '--kind', 'roundup'], /kind must be one of/],
    [['sources', 'kind', 'x'], /sources kind: give a source name and a kind/],
    [['sources', 'kind', 'x', 'column'], /sources kind: kind must be one of/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    expect(await runCli([...args, '--db', join(cli.dir, 'w.db')])).toBe(2);
    expect(cli.err.join('\n')).toMatch(message);
  });

  it('an unknown source exits 1 and changes nothing', async () => {
    expect(await runCli(['sources', 'kind', 'nobody', 'opinion', '--db', join(cli.dir, 'w.db')])).toBe(1);
    expect(cli.err).toEqual(['sources kind: no source named "nobody"']);
  });
});

describe('wiredesk stories kind', () => {
  it('files a story under another kind, audited, and says so; again is a no-op', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['ingest', '--db', db, WIRE])).toBe(0);
    cli.clear();
    expect(await runCli(['stories', 'kind', '2', 'opinion', '--by', 'asha', '--db', db])).toBe(0);
    expect(cli.out).toEqual(['story 2: wire -> opinion, by asha']);
    expect(await runCli(['stories', 'kind', '2', 'opinion', '--db', db])).toBe(0);
    expect(cli.out.at(-1)).toBe('story 2: already opinion');
    await withStore(db, async (s) => {
      expect((await findStoryById(s.db, 2))?.kind).toBe('opinion');
      expect((await listAudit(s.db, 2)).map((a) => [a.action, a.detail])).toEqual([['kind-changed', 'wire -> opinion by asha']]);
    });
  });

  it.each([
    [['stories', 'kind', 'x', 'opinion'], /stories kind: story id must be a positive whole number, got "x"/],
    [['stories', 'kind', '0', 'opinion'], /story id must be a positive whole number/],
    [['stories', 'kind', '2', 'gossip'], /stories kind: kind must be one of wire, staff, opinion, blog, interview, got "gossip"/],
    [['stories', 'kind', '2', 'roundup'], /kind must be one of/],
    [['stories', 'kind', '2'], /kind must be one of/],
    [['stories', 'frobnicate'], /stories: expected "kind"/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    expect(await runCli([...args, '--db', join(cli.dir, 'w.db')])).toBe(2);
    expect(cli.err.join('\n')).toMatch(message);
  });

  it('tells the caching proxies: the story, the lists and the feeds; a page change, the page', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['ingest', '--db', db, WIRE])).toBe(0);
    const proxy = await startFakePurgeServer();
    vi.stubEnv('WIREDESK_PURGE', `webhook:${proxy.url}/purge`);
    try {
      expect(await runCli(['stories', 'kind', '2', 'interview', '--db', db])).toBe(0);
      const file = join(cli.dir, 'c.txt');
      writeFileSync(file, 'Write to us.');
      expect(await runCli(['pages', 'set', 'contact', '--file', file, '--db', db])).toBe(0);
      expect(proxy.requests.map((r) => JSON.parse(r.body) as unknown)).toEqual([{ keys: ['story-2', 'list-latest', 'home', 'feed'] }, { keys: ['static-contact'] }]);
      // And the serving processes of this embedded store, by change notes (the ingest's first).
      const store = openStore({ kind: 'sqlite', path: db });
      try {
        const notes = (await store.db.selectFrom('change_notes').select('event').orderBy('id').execute()).map((r) => JSON.parse(r.event) as unknown);
        expect(notes.slice(1)).toEqual([{ storyIds: [2], keys: ['story-2', 'list-latest', 'home', 'feed'] }, { storyIds: [] }]);
        expect((notes[0] as { storyIds: number[] }).storyIds).toEqual([1, 2]);
      } finally {
        await store.close();
      }
    } finally {
      vi.unstubAllEnvs();
      await proxy.close();
    }
  });

  it('a missing story exits 1', async () => {
    expect(await runCli(['stories', 'kind', '99', 'blog', '--db', join(cli.dir, 'w.db')])).toBe(1);
    expect(cli.err).toEqual(['stories kind: no story 99']);
  });
});

describe('wiredesk pages', () => {
  it('sets a page from HTML (sanitized), shows it, and resets it to the default', async () => {
    const db = join(cli.dir, 'w.db');
    const file = join(cli.dir, 'about.html');
    writeFileSync(file, '<h1>About</h1><p>We are <em>the desk</em>.</p><script>alert(1)</script>');
    expect(await runCli(['pages', 'set', 'about', '--file', file, '--db', db])).toBe(0);
    expect(cli.out.at(-1)).toMatch(/^page about: set \(\d+ bytes of HTML\)$/);
    cli.clear();
    expect(await runCli(['pages', 'show', 'about', '--db', db])).toBe(0);
    expect(cli.out.join('\n')).toBe('<h2>About</h2>\n<p>We are <em>the desk</em>.</p>');
    expect(await runCli(['pages', 'reset', 'about', '--db', db])).toBe(0);
    expect(cli.out.at(-1)).toBe('page about: back to the default text');
    expect(await runCli(['pages', 'show', 'about', '--db', db])).toBe(0);
    expect(cli.out.at(-1)).toBe('(no text set: /page/about shows the default text)');
  });

  it('sets a page from plain text: paragraphs, escaped', async () => {
    const db = join(cli.dir, 'w.db');
    const file = join(cli.dir, 'terms.txt');
    writeFileSync(file, 'First <b>para</b> & more\nsame para\n\nSecond para\n');
    expect(await runCli(['pages', 'set', 'terms', '--file', file, '--db', db])).toBe(0);
    cli.clear();
    await runCli(['pages', 'show', 'terms', '--db', db]);
    expect(cli.out.join('\n')).toBe('<p>First &lt;b&gt;para&lt;/b&gt; &amp; more<br />same para</p>\n<p>Second para</p>');
  });

  it.each([
    [['pages', 'set', 'about'], /pages set: --file F is required/],
    [['pages', 'set', 'about', '--file', 'notes.md'], /Markdown is not supported yet/],
    [['pages', 'set', 'about', '--file', 'about.pdf'], /give an \.html or \.txt file/],
    [['pages', 'set', 'about', '--file', '/no/such/file.html'], /pages set: cannot read \/no\/such\/file\.html: ENOENT/],
    [['pages', 'set', 'home', '--file', 'x.html'], /pages: page must be one of about, contact, disclaimer, terms, privacy, got "home"/],
    [['pages', 'show'], /page must be one of/],
    [['pages', 'publish', 'about'], /pages: expected "set", "show" or "reset"/],
  ])('%j is a usage error (exit 2) and stores nothing', async (args, message) => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli([...args, '--db', db])).toBe(2);
    expect(cli.err.join('\n')).toMatch(message);
  });

  it('a file with nothing left once sanitized is refused, and the page keeps its text', async () => {
    const db = join(cli.dir, 'w.db');
    const good = join(cli.dir, 'good.html');
    const bad = join(cli.dir, 'bad.html');
    writeFileSync(good, '<p>Kept.</p>');
    writeFileSync(bad, '<script>alert(1)</script>');
    expect(await runCli(['pages', 'set', 'privacy', '--file', good, '--db', db])).toBe(0);
    expect(await runCli(['pages', 'set', 'privacy', '--file', bad, '--db', db])).toBe(2);
    expect(cli.err.join('\n')).toMatch(/has no text left once sanitized/);
    cli.clear();
    await runCli(['pages', 'show', 'privacy', '--db', db]);
    expect(cli.out).toEqual(['<p>Kept.</p>']);
  });
});
