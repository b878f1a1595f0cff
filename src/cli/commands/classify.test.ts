import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startFakePurgeServer } from '../../web/purge/fake-purge-server.ts';
import { openStore } from '../../store/store.ts';
import { useCliHarness } from '../testing/cli-harness.ts';
import { runCli } from '../index.ts';

const WIRE = new URL('../../ingest/testdata/wire-v1.rss', import.meta.url).pathname;

const cli = useCliHarness('classify');

describe('wiredesk classify', () => {
  it('explains an ingested story: sector and why, countries (dateline first), tags', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['ingest', '--db', db, WIRE])).toBe(0);
    cli.clear();
    expect(await runCli(['classify', 'explain', '2', '--db', db])).toBe(0);
    expect(cli.out.slice(0, 4)).toEqual([
      'story 2: Kenya opens new rail link to Naivasha',
      'sector: transport (stored); classifier: transport via category, score 1',
      'top terms: Transport',
      'countries: KE',
    ]);
    expect(cli.out[4]).toMatch(/^tags: .*Kenya \(place\)/);
  });

  it('tells the serving processes and the caching proxies what a refiling changed', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['ingest', '--db', db, WIRE])).toBe(0);
    const proxy = await startFakePurgeServer();
    vi.stubEnv('WIREDESK_PURGE', `webhook:${proxy.url}/purge`);
    try {
      expect(await runCli(['classify', 'label', '2', 'economy-business', '--by', 'asha', '--db', db])).toBe(0);
      // The same sector again: a label, but nothing to tell.
      expect(await runCli(['classify', 'label', '2', 'economy-business', '--by', 'asha', '--db', db])).toBe(0);
      // Both sectors' lists, and its agency's (lists show each story's sector).
      const keys = ['home', 'list-latest', 'feed', 'search', 'list-sector-transport', 'list-source-reuters', 'story-2', 'list-sector-economy-business'];
      expect(proxy.requests.map((r) => (JSON.parse(r.body) as { keys: string[] }).keys.toSorted())).toEqual([keys.toSorted()]);
      const store = openStore({ kind: 'sqlite', path: db });
      try {
        const notes = (await store.db.selectFrom('change_notes').select('event').orderBy('id').execute()).map((r) => JSON.parse(r.event) as { storyIds: number[]; keys?: string[] });
        // The ingest's note, then the refiling's.
        expect(notes).toHaveLength(2);
        expect(notes[1]?.storyIds).toEqual([2]);
        expect(notes[1]?.keys?.toSorted()).toEqual(keys.toSorted());
      } finally {
        await store.close();
      }
    } finally {
      vi.unstubAllEnvs();
      await proxy.close();
    }
  });

  it('records an editor’s label, refiles the story, and says so', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['ingest', '--db', db, WIRE])).toBe(0);
    cli.clear();
    expect(await runCli(['classify', 'label', '2', 'economy-business', '--by', 'asha', '--db', db])).toBe(0);
    expect(cli.out).toEqual(['story 2: transport -> economy-business, labelled by asha']);
    cli.clear();
    expect(await runCli(['classify', 'explain', '2', '--db', db])).toBe(0);
    expect(cli.out[1]).toMatch(/^sector: economy-business \(stored\)/);
    // Its own label is left out: the model must not just echo the editor back.
    expect(cli.out.at(-1)).toBe('learned from 0 editor label(s) of other stories');
    cli.clear();
    expect(await runCli(['classify', 'explain', '1', '--db', db])).toBe(0);
    expect(cli.out.at(-1)).toBe('learned from 1 editor label(s) of other stories');
    expect(cli.out[2]).toMatch(/^top terms: \S/);
  });

  it.each([
    [['classify', 'explain', 'x'], /story id must be a positive whole number/],
    [['classify', 'frobnicate', '1'], /expected "explain" or "label"/],
    [['classify', 'label', '1', 'nonsense', '--by', 'a'], /sector must be one of/],
    [['classify', 'label', '1', 'health'], /--by NAME is required/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    expect(await runCli(args)).toBe(2);
    expect(cli.err.join('\n')).toMatch(message);
  });

  it('a missing story exits 1 with a message', async () => {
    expect(await runCli(['classify', 'explain', '99', '--db', join(cli.dir, 'w.db')])).toBe(1);
    expect(cli.err).toEqual(['classify: no story 99']);
  });
});
