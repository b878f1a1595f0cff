import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../usage.ts';
import { loadConfig } from '../../config/config.ts';
import { fetchInput } from '../../ingest/fetch/index.ts';
import { parseFeed } from '../../ingest/parse/index.ts';
import { normalizeItem } from '../../ingest/normalize/index.ts';
import { classifySector } from '../../ingest/classify/index.ts';

/** Prints what Wiredesk makes of each input as NDJSON, touching no database. */
export async function runParse(args: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const { positionals } = parseCommandArgs('parse', args, {});
  if (positionals.length === 0) throw new UsageError('parse: give at least one file or URL');
  const { sectors } = loadConfig().site;
  let failed = 0;
  for (const input of positionals) {
    const fetched = await fetchInput(input);
    if (fetched.kind !== 'ok') {
      failed++;
      console.error(`${input}: ${fetched.kind === 'failed' ? fetched.error : 'not modified'}`);
      continue;
    }
    const parsed = parseFeed(fetched.bytes, fetched.contentType ? { contentType: fetched.contentType } : {});
    if (parsed.kind === 'failed') {
      failed++;
      console.error(`${input}: ${parsed.error}`);
      continue;
    }
    const now = new Date();
    parsed.feed.items.forEach((item, index) => {
      const outcome = normalizeItem(item, { now, ...(parsed.feed.link ? { feedLink: parsed.feed.link } : {}) });
      if (outcome.kind === 'rejected') {
        console.error(`${input}: item ${index}: ${outcome.reason}`);
        return;
      }
      const line = { input, format: parsed.feed.format, index, sector: classifySector(outcome.draft, sectors), ...outcome.draft };
      out.write(`${JSON.stringify(line)}\n`);
    });
    for (const r of parsed.feed.rejected) console.error(`${input}: item ${r.index}: ${r.reason}`);
  }
  return failed > 0 ? 1 : 0;
}
