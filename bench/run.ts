// npm run bench -- <mode> [N]: prints one line of figures per benchmark.
//   ingest [N]      ingest throughput into SQLite (N items, default 20,000)
//   ingest-pg [N]   the same into a throw-away PostgreSQL database
//   ingest-pg-announced [N]  PostgreSQL ingest without and with each publish announced in its transaction (serve's way)
//   ingest-labelled [N]  ingest into SQLite without and with 500 editors' sector labels in the store
//                   (the learned sector model), alternately, 3 times each
//   article [N]     article page req/s from `serve` on SQLite (N stories, default 10,000)
//   article-pg [N]  the same served from PostgreSQL (the SQLite database copied with migrateData)
//   engines [N]     ingest and article on SQLite then PostgreSQL in one process, with PG/SQLite ratios
//   varnish [N]     article req/s through Varnish (deploy/varnish/wiredesk.vcl) at 100 connections
//   parse [R]       parse throughput per format over ../shared/corpus, and vs rss-parser and feedsmith (R rounds, default 7)
//   wire-latency [N] push-to-page and kill-to-gone latency against `serve`, page cache on (N items, default 200; N/2 kills)
//   workers [N]     article on SQLite served by 1 then 2 worker processes (WIREDESK_WORKERS), same database and load
//   scheduler [N]   the real scheduler for 60 s over N sources (default 200) on 10 local
//                   fault-injecting wire hosts, 20 % failing: lateness of healthy polls, back-off
//   search [N]      search latency over N stories (default 100,000), 600 mixed queries, on SQLite;
//                   also on PostgreSQL when WIREDESK_TEST_PG, WIREDESK_BENCH_PG or DATABASE_URL is set
//   cached [N]      article pages at 100 connections, page cache on (5,000 URLs warmed) and off
//                   (as fast as answered, then paced at 2,500 req/s), 1 and 2 workers, N stories
//                   (default 100,000); the home page's gzipped size
//   roundups [N]    each demo topic's roundup over N stories (default 20,000), the kill refresh, and
//                   /devshots vs /latest vs /roundups req/s from `serve` (page cache off), same run
//   lists [N]       /latest, /opinion, /author/{slug}, /country/{slug} req/s over their first 20 pages (N stories, default 20,000)
//   classify        sector accuracy and country precision/recall/F1 on the hand-labelled corpus stories
//   dedupe [N]      duplicates and clusters: precision/recall of both levels on the labelled pairs,
//                   and ingest of N items (default 20,000) with the stage off and on, alternately, 3 times
//   all [N]         ingest and article (SQLite)
// PostgreSQL: WIREDESK_BENCH_PG (else WIREDESK_TEST_PG, else postgres://postgres@127.0.0.1:5432/test)
// is where throw-away databases are created from; they are dropped afterwards.
// Ingest runs in a child process (bench/ingest.ts), serve and varnishd too: the driver only
// orchestrates, and its free event loop lets a Ctrl-C stop them and drop the databases.
import { benchIngestInChild, type IngestFigures } from './ingest.ts';
import { benchArticle, benchArticleWorkers, type ServeFigures } from './article.ts';
import { benchArticleEngines, benchArticlePg, type PgServeFigures } from './article-pg.ts';
import { benchVarnish } from './varnish.ts';
import { benchScheduler } from './scheduler.ts';
import { createBenchDatabase } from './pg.ts';
import { onInterrupt } from './interrupt.ts';
import { benchParse, parseLines } from './parse.ts';
import { benchWireLatency, latencyLine } from './wire-latency.ts';
import { benchSearch, type SearchFigures } from './search.ts';
import { benchCached, cachedLines } from './cached.ts';
import { benchClassify, classifyLines } from './classify.ts';
import { benchRoundups, roundupLines } from './roundups.ts';
import { benchLists, listLines } from './lists.ts';
import { benchDedupe, dedupeLines } from './dedupe.ts';

const MODES = ['ingest', 'ingest-labelled', 'ingest-pg', 'ingest-pg-announced', 'article', 'workers', 'article-pg', 'engines', 'varnish', 'parse', 'wire-latency', 'scheduler', 'search', 'cached', 'classify', 'roundups', 'lists', 'dedupe', 'all'] as const;
const [which = 'all', n] = process.argv.slice(2);
if (!(MODES as readonly string[]).includes(which) || (n !== undefined && !(Number(n) > 0))) {
  console.error(`usage: npm run bench -- [${MODES.join('|')}] [N]`);
  process.exit(2);
}
const has = (...modes: string[]) => modes.includes(which);
// Editors' labels for ingest-labelled: a desk's first few weeks of corrections.
const LABELS = 500;

async function benchIngestPg(count: number, announce = false): Promise<IngestFigures> {
  const db = await createBenchDatabase();
  const dropOnInterrupt = onInterrupt(() => db.drop());
  try {
    return await benchIngestInChild(count, { location: { kind: 'postgres', url: db.url }, announce });
  } finally {
    dropOnInterrupt();
    await db.drop();
  }
}

const ingestLine = (f: IngestFigures, engine: string) => `ingest: ${f.items} items in ${f.seconds.toFixed(2)} s = ${Math.round(f.itemsPerSecond)} items/s (${engine})`;
const articleLine = (f: ServeFigures, count: number, engine: string) =>
  `article (uncached, ${count} stories, ${engine}, 50 connections, ${f.client}): ${Math.round(f.requestsPerSecond)} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, errors ${f.errors}, non-2xx ${f.non2xx}; serve ready in ${Math.round(f.readyMs)} ms`;
const pgArticleLine = (f: PgServeFigures, count: number) => `${articleLine(f, count, 'postgres')}; copied from SQLite in ${f.copySeconds.toFixed(1)} s`;
const ratio = (pg: number, sqlite: number) => (pg / sqlite).toFixed(2);

if (has('ingest', 'all')) {
  console.log(ingestLine(await benchIngestInChild(Number(n ?? 20_000)), 'sqlite'));
}
if (has('ingest-labelled')) {
  for (let round = 0; round < 3; round++) {
    console.log(ingestLine(await benchIngestInChild(Number(n ?? 20_000)), 'sqlite, no labels'));
    console.log(ingestLine(await benchIngestInChild(Number(n ?? 20_000), { labels: LABELS }), `sqlite, ${LABELS} labels`));
  }
}
if (has('ingest-pg')) {
  console.log(ingestLine(await benchIngestPg(Number(n ?? 20_000)), 'postgres'));
}
// Serve on PostgreSQL announces each publish inside its transaction (a lookup and a NOTIFY):
// alternated with the plain ingest, three rounds.
if (has('ingest-pg-announced')) {
  for (let round = 0; round < 3; round++) {
    console.log(ingestLine(await benchIngestPg(Number(n ?? 20_000)), 'postgres'));
    console.log(ingestLine(await benchIngestPg(Number(n ?? 20_000), true), 'postgres, announced in the transaction'));
  }
}
if (has('article', 'all')) {
  const count = Number(n ?? 10_000);
  console.log(articleLine(await benchArticle(count), count, 'sqlite'));
}
if (has('workers')) {
  const count = Number(n ?? 10_000);
  const runs = await benchArticleWorkers(count, [1, 2]);
  for (const f of runs) console.log(articleLine(f, count, `sqlite, ${f.workers} worker${f.workers > 1 ? 's' : ''}`));
  const [one, two] = runs;
  if (one && two) console.log(`workers: 2 workers / 1 = ${ratio(two.requestsPerSecond, one.requestsPerSecond)}x req/s, p99 ${ratio(two.p99, one.p99)}x`);
}
if (has('article-pg')) {
  const count = Number(n ?? 10_000);
  console.log(pgArticleLine(await benchArticlePg(count), count));
}
if (has('engines')) {
  const count = Number(n ?? 10_000);
  const sqliteIngest = await benchIngestInChild(count);
  console.log(ingestLine(sqliteIngest, 'sqlite'));
  const pgIngest = await benchIngestPg(count);
  console.log(ingestLine(pgIngest, 'postgres'));
  const { sqlite, postgres } = await benchArticleEngines(count);
  console.log(articleLine(sqlite, count, 'sqlite'));
  console.log(pgArticleLine(postgres, count));
  console.log(
    `engines (PG/SQLite, same run): ingest ${ratio(pgIngest.itemsPerSecond, sqliteIngest.itemsPerSecond)}x items/s; article ${ratio(postgres.requestsPerSecond, sqlite.requestsPerSecond)}x req/s, p50 ${ratio(postgres.p50, sqlite.p50)}x, p99 ${ratio(postgres.p99, sqlite.p99)}x`,
  );
}
if (has('varnish')) {
  const count = Number(n ?? 10_000);
  const f = await benchVarnish(count);
  console.log(
    `varnish (${count} stories, 500 URLs warmed, app page cache ${f.pageCache ? 'on' : 'off'}, ${f.connections} connections, ${f.client}, gzip): ${Math.round(f.requestsPerSecond)} req/s, p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, errors ${f.errors}, non-2xx ${f.non2xx}; hit ratio ${(f.hitRatio * 100).toFixed(2)}% (${f.hits} hits, ${f.misses} misses), ${f.backendRequests} backend requests`,
  );
}
if (has('parse')) {
  console.log(parseLines(await benchParse(Number(n ?? 7))).join('\n'));
}
if (has('wire-latency')) {
  console.log(latencyLine(await benchWireLatency(Number(n ?? 200))));
}
if (has('scheduler')) {
  const f = await benchScheduler(Number(n ?? 200));
  const kinds = Object.entries(f.byKind).map(([k, v]) => `${k} ${v.polls.toFixed(1)} polls, next in ${v.nextDelayS.toFixed(0)} s`).join('; ');
  console.log(
    `scheduler (${f.sources} sources, 10 hosts, 20% failing, interval 5 s, ${f.seconds} s): healthy lateness p50 ${f.lateP50Ms} ms, p99 ${f.lateP99Ms} ms, max ${f.lateMaxMs} ms; ` +
      `healthy polls per source ${f.healthyPollsMean.toFixed(1)} (min ${f.healthyPollsMin}) vs ${f.expectedPolls} expected; ${kinds}`,
  );
}
if (has('roundups')) {
  console.log(roundupLines(await benchRoundups(Number(n ?? 20_000))).join('\n'));
}
if (has('classify')) {
  console.log(classifyLines(await benchClassify()).join('\n'));
}
if (has('search')) {
  const count = Number(n ?? 100_000);
  const withPostgres = Boolean(process.env.WIREDESK_TEST_PG ?? process.env.WIREDESK_BENCH_PG ?? process.env.DATABASE_URL);
  const line = (f: SearchFigures) =>
    `search (${count} stories, ${f.engine}, ${f.queries} queries, ${f.withHits} with hits): p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, max ${f.max.toFixed(1)} ms`;
  for (const f of await benchSearch(count, 600, withPostgres)) console.log(line(f));
}
if (has('lists')) {
  const count = Number(n ?? 20_000);
  console.log(listLines(await benchLists(count), count).join('\n'));
}
if (has('dedupe')) {
  const count = Number(n ?? 20_000);
  console.log(dedupeLines(await benchDedupe(count), count).join('\n'));
}
if (has('cached')) {
  console.log(cachedLines(await benchCached(Number(n ?? 100_000))).join('\n'));
}
