// Parse throughput over the shared corpus (../shared/corpus: feeds, iptc, wire), per
// format, with the same entry point as `wiredesk parse` (parseFeed: charset, sniffing,
// the format's parser), then normalize timed on its own. RSS, Atom and RDF files that
// rss-parser and feedsmith both read are also parsed by them in the same run, for a ratio.
// Every corpus file goes through parseFeed once first: the counts prove none crashes.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import RssParser from 'rss-parser';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { parseFeed } from '../src/ingest/parse/index.ts';
import { normalizeItem } from '../src/ingest/normalize/index.ts';
import type { WireItem } from '../src/domain/wire-item.ts';

export const CORPUS_DIR = process.env.WIREDESK_CORPUS ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const FAMILIES = ['feeds', 'iptc', 'wire'];

interface CorpusFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly text: string;
}

interface Parsed extends CorpusFile {
  readonly format: string;
  readonly items: readonly WireItem[];
  readonly feedLink?: string;
}

export interface FormatFigures {
  readonly format: string;
  readonly files: number;
  readonly bytes: number;
  readonly items: number;
  /** Median over rounds, parse only. */
  readonly mbPerSecond: number;
  readonly itemsPerSecond: number;
  /** Parse then normalize every item. */
  readonly itemsPerSecondWithNormalize: number;
}

export interface Throughput {
  readonly mbPerSecond: number;
  readonly itemsPerSecond: number;
}

export interface ParseFigures {
  readonly files: number;
  readonly parsed: number;
  readonly rejected: number;
  readonly threw: number;
  readonly rejectReasons: ReadonlyMap<string, number>;
  readonly formats: readonly FormatFigures[];
  readonly comparison: {
    readonly files: number;
    readonly bytes: number;
    readonly items: number;
    readonly ours: Throughput;
    readonly rssParser: Throughput;
    readonly feedsmith: Throughput;
    /** Ours over the faster library, median of per-round ratios, and their range. */
    readonly ratio: number;
    readonly ratioRange: readonly [number, number];
  };
  readonly rounds: number;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.')) return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? listFiles(path) : statSync(path).isFile() ? [path] : [];
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timeOnce(body: () => unknown): Promise<number> {
  const started = performance.now();
  await body();
  return (performance.now() - started) / 1000;
}

/** Runs `body` once to warm up, then `rounds` times; the median round's seconds. */
async function timeRounds(rounds: number, body: () => unknown): Promise<number> {
  await body();
  const seconds: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    await body();
    seconds.push((performance.now() - started) / 1000);
  }
  return median(seconds);
}

const throughput = (bytes: number, items: number, seconds: number): Throughput => ({ mbPerSecond: bytes / 1e6 / seconds, itemsPerSecond: items / seconds });

/** The first words of a rejection, e.g. `parse: not a feed`, to group reasons. */
const reasonClass = (error: string) => error.replace(/\s*\(.*$/, '').replace(/:[^:]*\d.*$/, '').slice(0, 60);

export async function benchParse(rounds = 5): Promise<ParseFigures> {
  if (!existsSync(CORPUS_DIR)) throw new Error(`corpus not found at ${CORPUS_DIR} (set WIREDESK_CORPUS)`);
  const files: CorpusFile[] = FAMILIES.flatMap((f) => listFiles(join(CORPUS_DIR, f))).map((path) => {
    const bytes = readFileSync(path);
    return { path: relative(CORPUS_DIR, path), bytes, text: bytes.toString('utf8') };
  });

  // Pass 1: every file, once. parseFeed promises never to throw; count it if it does.
  const parsed: Parsed[] = [];
  const rejectReasons = new Map<string, number>();
  let threw = 0;
  for (const file of files) {
    try {
      const out = parseFeed(file.bytes);
      if (out.kind === 'ok') parsed.push({ ...file, format: out.feed.format, items: out.feed.items, ...(out.feed.link ? { feedLink: out.feed.link } : {}) });
      else rejectReasons.set(reasonClass(out.error), (rejectReasons.get(reasonClass(out.error)) ?? 0) + 1);
    } catch (err) {
      threw++;
      console.error(`${file.path}: threw ${String(err)}`);
    }
  }

  const now = new Date();
  const formats: FormatFigures[] = [];
  for (const format of [...new Set(parsed.map((p) => p.format))].sort()) {
    const group = parsed.filter((p) => p.format === format);
    const bytes = group.reduce((n, p) => n + p.bytes.length, 0);
    const items = group.reduce((n, p) => n + p.items.length, 0);
    const parseSeconds = await timeRounds(rounds, () => group.forEach((p) => parseFeed(p.bytes)));
    const normalizeSeconds = await timeRounds(rounds, () =>
      group.forEach((p) => p.items.forEach((item) => normalizeItem(item, { now, ...(p.feedLink ? { feedLink: p.feedLink } : {}) }))),
    );
    const t = throughput(bytes, items, parseSeconds);
    formats.push({ format, files: group.length, bytes, items, ...t, itemsPerSecondWithNormalize: items / (parseSeconds + normalizeSeconds) });
  }

  // The comparison set: RSS, Atom and RDF files all three parsers read.
  const rssParser = new RssParser();
  const readable: Parsed[] = [];
  for (const p of parsed.filter((f) => f.format === 'rss' || f.format === 'atom' || f.format === 'rdf')) {
    try {
      await rssParser.parseString(p.text);
      feedsmithParse(p.text);
      readable.push(p);
    } catch {
      /* one of them cannot read it: not comparable */
    }
  }
  const bytes = readable.reduce((n, p) => n + p.bytes.length, 0);
  const items = readable.reduce((n, p) => n + p.items.length, 0);
  // Interleaved, one round of each parser after the other, so that load from other
  // processes on the box hits all three alike; the ratio is the median of per-round ratios.
  const parseOurs = () => readable.forEach((p) => parseFeed(p.bytes));
  const parseRssParser = async () => {
    for (const p of readable) await rssParser.parseString(p.text);
  };
  const parseFeedsmith = () => readable.forEach((p) => feedsmithParse(p.text));
  const seconds = { ours: [] as number[], rssParser: [] as number[], feedsmith: [] as number[], ratio: [] as number[] };
  for (let r = 0; r <= rounds; r++) {
    const ours = await timeOnce(parseOurs);
    const theirs = await timeOnce(parseRssParser);
    const smith = await timeOnce(parseFeedsmith);
    if (r === 0) continue; // warm-up
    seconds.ours.push(ours);
    seconds.rssParser.push(theirs);
    seconds.feedsmith.push(smith);
    seconds.ratio.push(Math.min(theirs, smith) / ours);
  }

  return {
    files: files.length,
    parsed: parsed.length,
    rejected: files.length - parsed.length - threw,
    threw,
    rejectReasons,
    formats,
    comparison: {
      files: readable.length,
      bytes,
      items,
      ours: throughput(bytes, items, median(seconds.ours)),
      rssParser: throughput(bytes, items, median(seconds.rssParser)),
      feedsmith: throughput(bytes, items, median(seconds.feedsmith)),
      ratio: median(seconds.ratio),
      ratioRange: [Math.min(...seconds.ratio), Math.max(...seconds.ratio)],
    },
    rounds,
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function parseLines(f: ParseFigures): string[] {
  const c = f.comparison;
  return [
    `parse corpus: ${f.files} files: ${f.parsed} parsed, ${f.rejected} cleanly rejected, ${f.threw} threw (process alive)`,
    `  rejected: ${[...f.rejectReasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${n} ${r}`).join('; ')}`,
    ...f.formats.map(
      (x) =>
        `  ${x.format.padEnd(9)} ${String(x.files).padStart(4)} files ${fmt(x.bytes / 1e6, 2).padStart(6)} MB ${String(x.items).padStart(6)} items: ${fmt(x.mbPerSecond, 1).padStart(6)} MB/s, ${fmt(x.itemsPerSecond).padStart(8)} items/s parse; ${fmt(x.itemsPerSecondWithNormalize).padStart(7)} items/s parse+normalize`,
    ),
    `parse vs libraries (same ${c.files} RSS/Atom/RDF files, ${fmt(c.bytes / 1e6, 2)} MB, ${c.items} items, median of ${f.rounds} rounds): ours ${fmt(c.ours.mbPerSecond, 1)} MB/s (${fmt(c.ours.itemsPerSecond)} items/s), rss-parser ${fmt(c.rssParser.mbPerSecond, 1)} MB/s, feedsmith ${fmt(c.feedsmith.mbPerSecond, 1)} MB/s; ours / faster, per round: median ${c.ratio.toFixed(2)}x, range ${c.ratioRange[0].toFixed(2)}–${c.ratioRange[1].toFixed(2)}x (bar 2x)`,
  ];
}
