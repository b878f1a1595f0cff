// npm run bench -- [ingest|article|all] [N]: prints one line of figures per benchmark.
import { benchIngest } from './ingest.ts';
import { benchArticle } from './article.ts';

const [which = 'all', n] = process.argv.slice(2);

if (which === 'ingest' || which === 'all') {
  const f = await benchIngest(Number(n ?? 20_000));
  console.log(`ingest: ${f.items} items in ${f.seconds.toFixed(2)} s = ${Math.round(f.itemsPerSecond)} items/s (sqlite)`);
}
if (which === 'article' || which === 'all') {
  const count = Number(n ?? 10_000);
  const f = await benchArticle(count);
  console.log(
    `article (uncached, ${count} stories, 50 connections, ${f.client}): ${Math.round(f.requestsPerSecond)} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, errors ${f.errors}, non-2xx ${f.non2xx}; serve ready in ${Math.round(f.readyMs)} ms`,
  );
}
