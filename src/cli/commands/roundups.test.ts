import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliHarness } from '../testing/cli-harness.ts';
import { runCli } from '../index.ts';
import { listDemoFiles } from '../../demo/demo-wire.ts';

const cli = useCliHarness('roundups');
// The wire only: the desk's pieces are never briefs (and `ingest` would take them as wire copy).
const DEMO = listDemoFiles().filter((f) => !f.kind).map((f) => f.path);

describe('wiredesk roundups', () => {
  it('runs a topic now, then finds too little news: no brief is bundled twice', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['ingest', '--db', db, ...DEMO])).toBe(0);
    cli.clear();
    expect(await runCli(['roundups', 'run', 'health', '--db', db])).toBe(0);
    expect(cli.out).toHaveLength(1);
    expect(cli.out[0]).toMatch(/^health: published story \d+ with 8 briefs: Health News Roundup: [^;]+; .+ and more$/);
    cli.clear();
    expect(await runCli(['roundups', 'run', 'health', '--db', db])).toBe(0);
    expect(cli.out).toEqual(['health: skipped, too little news (0 of 3 briefs needed)']);
  });

  it('runs every topic without one, and lists the topics with their roundups', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['ingest', '--db', db, ...DEMO])).toBe(0);
    cli.clear();
    expect(await runCli(['roundups', 'run', '--db', db])).toBe(0);
    expect(cli.out.map((l) => l.split(':')[0])).toEqual(['health', 'business', 'us-domestic', 'world']);
    expect(cli.out[2]).toBe('us-domestic: skipped, too little news (2 of 3 briefs needed)');
    cli.clear();
    expect(await runCli(['roundups', 'list', '--db', db])).toBe(0);
    expect(cli.out).toHaveLength(4);
    expect(cli.out[0]).toMatch(/^health {2}"Health" {2}at 08:00, 20:00 {2}sectors health, wash {2}filed in health {2}min 3, max 10 briefs {2}roundups 1 \(last \d\d-\d\d-\d{4} \d\d:\d\d IST\) {2}last run /);
    expect(cli.out[2]).toMatch(/^us-domestic {2}"US Domestic" {2}every 6h {2}every sector; countries US {2}filed in politics .* roundups 0 \(none yet\)/);
  });

  it.each([
    [['roundups'], /roundups: say list or run/],
    [['roundups', 'frobnicate'], /unknown subcommand "frobnicate"/],
    [['roundups', 'run', 'sport'], /no topic "sport"; topics: health, business, us-domestic, world/],
    [['roundups', 'run', 'a', 'b'], /too many arguments/],
  ])('%j is a usage error', async (args, message) => {
    expect(await runCli([...args, '--db', join(cli.dir, 'w.db')])).toBe(2);
    expect(cli.err.join('\n')).toMatch(message);
  });
});
