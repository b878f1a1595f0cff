import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliHarness } from '../testing/cli-harness.ts';
import { runCli } from '../index.ts';
import { openStore } from '../../store/store.ts';
import { findEditorByToken } from '../../store/desk-repository.ts';

const cli = useCliHarness('editors');

describe('wiredesk editors', () => {
  it('adds an editor and prints a token that signs them in; lists and removes them', async () => {
    const db = join(cli.dir, 'w.db');
    expect(await runCli(['editors', 'add', 'Asha Rao', '--db', db])).toBe(0);
    expect(cli.out[0]).toBe('editor Asha Rao added; sign in at /desk/login with this token (shown once, not stored):');
    const token = cli.out[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const store = openStore({ kind: 'sqlite', path: db });
    try {
      expect(await findEditorByToken(store.db, 'Asha Rao', token)).toMatchObject({ name: 'Asha Rao' });
    } finally {
      await store.close();
    }
    cli.clear();
    expect(await runCli(['editors', 'add', 'Asha Rao', '--db', db])).toBe(1);
    expect(cli.err.join('\n')).toContain('an editor named "Asha Rao" already exists');
    cli.clear();
    expect(await runCli(['editors', 'list', '--db', db])).toBe(0);
    expect(cli.out).toEqual([expect.stringMatching(/^Asha Rao\tsince \d{4}-\d\d-\d\d$/)]);
    cli.clear();
    expect(await runCli(['editors', 'remove', 'Asha Rao', '--db', db])).toBe(0);
    expect(await runCli(['editors', 'remove', 'Asha Rao', '--db', db])).toBe(1);
    cli.clear();
    expect(await runCli(['editors', 'list', '--db', db])).toBe(0);
    expect(cli.out).toEqual(['no editors yet: `editors add NAME` makes one']);
  });

  it.each([[['editors']], [['editors', 'add']], [['editors', 'add', '<script>']], [['editors', 'add', 'a', 'b']], [['editors', 'list', 'x']], [['editors', 'promote', 'x']]])('%j is a usage error (exit 2)', async (argv) => {
    expect(await runCli([...argv, '--db', join(cli.dir, 'w.db')])).toBe(2);
  });
});
