import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../index.ts';

const WIRE = new URL('../../ingest/testdata/wire-v1.rss', import.meta.url).pathname;

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wiredesk-classify-'));
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('wiredesk classify', () => {
  it('explains an ingested story: sector and why, countries (dateline first), tags', async () => {
    const db = join(dir, 'w.db');
    expect(await runCli(['ingest', '--db', db, WIRE])).toBe(0);
    out = [];
    expect(await runCli(['classify', 'explain', '2', '--db', db])).toBe(0);
    expect(out.slice(0, 4)).toEqual([
      'story 2: Kenya opens new rail link to Naivasha',
      'sector: transport (stored); classifier: transport via category, score 1',
      'top terms: Transport',
      'countries: KE',
    ]);
    expect(out[4]).toMatch(/^tags: .*Kenya \(place\)/);
  });

  it('records an editor’s label, refiles the story, and says so', async () => {
    const db = join(dir, 'w.db');
    expect(await runCli(['ingest', '--db', db, WIRE])).toBe(0);
    out = [];
    expect(await runCli(['classify', 'label', '2', 'economy-business', '--by', 'asha', '--db', db])).toBe(0);
    expect(out).toEqual(['story 2: transport -> economy-business, labelled by asha']);
    out = [];
    expect(await runCli(['classify', 'explain', '2', '--db', db])).toBe(0);
    expect(out[1]).toMatch(/^sector: economy-business \(stored\)/);
    expect(out.at(-1)).toBe('learned from 1 editor label(s)');
  });

  it.each([
    [['classify', 'explain', 'x'], /story id must be a positive whole number/],
    [['classify', 'frobnicate', '1'], /expected "explain" or "label"/],
    [['classify', 'label', '1', 'nonsense', '--by', 'a'], /sector must be one of/],
    [['classify', 'label', '1', 'health'], /--by NAME is required/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    expect(await runCli(args)).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });

  it('a missing story exits 1 with a message', async () => {
    expect(await runCli(['classify', 'explain', '99', '--db', join(dir, 'w.db')])).toBe(1);
    expect(err).toEqual(['classify: no story 99']);
  });
});
