import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { startFakePurgeServer } from '../web/purge/fake-purge-server.ts';
import { useCliHarness } from './testing/cli-harness.ts';
import { runCli } from './index.ts';
import { runParse } from './commands/parse.ts';
import { openStore } from '../store/store.ts';
import { listSources, recordFetch } from '../store/source-repository.ts';

const WIRE = new URL('../ingest/testdata/wire-v1.rss', import.meta.url).pathname;
const WIRE_V2 = new URL('../ingest/testdata/wire-v2.rss', import.meta.url).pathname;

const cli = useCliHarness('cli');

describe('wiredesk CLI', () => {
  it.each([
    [['bogus'], /^wiredesk: unknown command "bogus"\n\nusage: /],
    [['ingest'], /^wiredesk: ingest: give at least one file or URL\n/],
    [['ingest', '--frobnicate', 'x'], /^wiredesk: ingest: Unknown option '--frobnicate'/],
    [['serve', '--port', 'abc'], /^wiredesk: --port: not a port number: abc\n/],
    [['sources', 'add', 'https://wire.example/feed', '--interval', '5x'], /^wiredesk: sources add: --interval must be a duration/],
    [['sources', 'add', '/no/such/file.xml'], /is neither an http\(s\) URL nor an existing file/],
    [['sources', 'remove'], /^wiredesk: sources: unknown subcommand "remove"/],
  ])('bad arguments %j give one line and usage, exit 2, no stack trace', async (args, message) => {
    expect(await runCli(args)).toBe(2);
    expect(cli.err.join('\n')).toMatch(message);
    expect(cli.err.join('\n')).toContain('usage: npm run wiredesk -- <command>');
    expect(cli.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('ingest prints a summary line per input and fails when any input failed', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['ingest', '--db', db, WIRE])).toBe(0);
    expect(cli.out).toEqual([`${WIRE}: new 2, updated 0, unchanged 0, rejected 1`]);
    cli.out.length = 0;
    expect(await runCli(['ingest', '--db', db, WIRE_V2, join(cli.dir, 'missing.xml')])).toBe(1);
    expect(cli.out).toEqual([`${WIRE_V2}: new 0, updated 1, unchanged 1, rejected 1`, `${join(cli.dir, 'missing.xml')}: failed: fetch/file: ${join(cli.dir, 'missing.xml')}: no such file`]);
  });

  it('ingest tells the caches what it published, as serve does (a kill from the command line must not stay cached)', async () => {
    const target = await startFakePurgeServer();
    vi.stubEnv('WIREDESK_PURGE', `webhook:${target.url}/purge`);
    try {
      const db = join(cli.dir, 'w.db');
      expect(await runCli(['ingest', '--db', db, WIRE])).toBe(0);
      expect(target.requests).toHaveLength(1);
      const keys = (JSON.parse(target.requests[0]!.body) as { keys: string[] }).keys;
      expect(keys).toEqual(expect.arrayContaining(['home', 'list-latest', 'feed', 'list-source-pti', 'list-source-reuters']));
      // Nothing new: nothing to purge.
      expect(await runCli(['ingest', '--db', db, WIRE])).toBe(0);
      expect(target.requests).toHaveLength(1);
    } finally {
      vi.unstubAllEnvs();
      await target.close();
    }
  });

  it('sources add then list shows the source', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['sources', 'add', 'https://wire.example/pti.rss', '--name', 'PTI national', '--interval', '2m', '--agency', 'PTI', '--db', db])).toBe(0);
    expect(await runCli(['sources', 'add', 'https://wire.example/other.rss', '--name', 'PTI national', '--db', db])).toBe(2);
    cli.out.length = 0;
    expect(await runCli(['sources', 'list', '--db', db])).toBe(0);
    expect(cli.out).toEqual(['1\tPTI national\thttps://wire.example/pti.rss\tevery 120s\tpending\t- items/day\tnot fetched yet']);
  });

  it('sources list shows health: status, items per day, last success and last error', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['sources', 'add', 'https://wire.example/a.rss', '--name', 'A', '--db', db])).toBe(0);
    expect(await runCli(['sources', 'add', 'https://wire.example/b.rss', '--name', 'B', '--db', db])).toBe(0);
    const store = openStore({ kind: 'sqlite', path: db });
    try {
      const [a, b] = await listSources(store.db);
      const at = new Date(Date.now() - 60_000);
      const rhythm = { itemsPerDay: 12, medianGapSeconds: 600, lastItemAt: new Date(Date.now() - 7200_000).toISOString() };
      await recordFetch(store.db, a!.id, { at, nextAt: at, rhythm, pollIntervalSeconds: 600 });
      await recordFetch(store.db, b!.id, { at, nextAt: at, rhythm: { ...rhythm, lastItemAt: at.toISOString() } });
      await recordFetch(store.db, b!.id, { at, nextAt: at, error: 'fetch/http: https://wire.example/b.rss answered 503 Service Unavailable' });
    } finally {
      await store.close();
    }
    cli.out.length = 0;
    expect(await runCli(['sources', 'list', '--db', db])).toBe(0);
    const ok = new Date(Date.now() - 60_000).toISOString().slice(0, 16);
    expect(cli.out[0]).toMatch(new RegExp(`^1\tA\thttps://wire.example/a.rss\tevery 300s \\(learned 600s\\)\tquiet \\(no item since .+\\)\t12 items/day\tok at ${ok}`));
    expect(cli.out[1]).toMatch(new RegExp(`^2\tB\t.*\tfailing \\(1 in a row\\)\t12 items/day\tok at ${ok}.*\tlast error at ${ok}.*: fetch/http: https://wire.example/b.rss answered 503 Service Unavailable$`));
  });

  it('sources add --push prints the token once; list never shows it', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['sources', 'add', '--push', 'afp-push', '--agency', 'AFP', '--db', db])).toBe(0);
    const token = /token \(shown once, store it now\): (\S+)/.exec(cli.out.join('\n'))?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    cli.out.length = 0;
    expect(await runCli(['sources', 'list', '--db', db])).toBe(0);
    expect(cli.out).toEqual(['1\tafp-push\tPOST /api/ingest/afp-push\tpush']);
    expect(await runCli(['sources', 'add', '--push', 'bad name!', '--db', db])).toBe(2);
  });

  it('migrate reports what it applied, then that the database is up to date', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['migrate', '--db', db])).toBe(0);
    expect(cli.out[0]).toMatch(/^applied 0001-initial, /);
    expect(await runCli(['migrate', '--db', db])).toBe(0);
    expect(cli.out[1]).toBe('database is up to date');
  });

  it('parse prints one normalized item per line and the rejected one on stderr', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, cb) => (lines.push(...chunk.toString().split('\n').filter(Boolean)), cb()) });
    expect(await runParse([WIRE], sink)).toBe(0);
    const items = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(items.map((i) => [i.format, i.headline, i.agency, i.datelineCity, i.sector])).toEqual([
      ['rss', 'Flood warnings issued along the Brahmaputra', 'PTI', 'Guwahati', 'science-environment'],
      ['rss', 'Kenya opens new rail link to Naivasha', 'Reuters', 'Nairobi', 'transport'],
    ]);
    expect(cli.err).toEqual([expect.stringMatching(/^.*wire-v1\.rss: item 2: /)]);
  });
});
