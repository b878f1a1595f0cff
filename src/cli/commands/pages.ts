// `pages set <slug> --file F`, `pages show <slug>`, `pages reset <slug>`: the static
// pages' text (about, contact, disclaimer, terms, privacy), kept in the settings table
// as sanitized HTML; without one a page shows its default text.
import { readFileSync } from 'node:fs';
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../usage.ts';
import { configWithDb, openMigratedStore } from '../context.ts';
import { announceChange } from '../announce.ts';
import { deleteSetting, getSetting, putSetting } from '../../store/settings-repository.ts';
import { isStaticPageSlug, STATIC_PAGES, staticPageSetting, type StaticPageSlug } from '../../domain/static-pages.ts';
import { pageFormatOf, pageHtml } from '../../lib/page-html.ts';
import { staticPageKey } from '../../web/surrogate-keys.ts';

const MAX_BYTES = 256 * 1024;

function slugOf(text: string | undefined): StaticPageSlug {
  if (!text || !isStaticPageSlug(text)) throw new UsageError(`pages: page must be one of ${STATIC_PAGES.map((p) => p.slug).join(', ')}, got "${text ?? ''}"`);
  return text;
}

/** The file's text, checked before the store is opened: a bad file changes nothing. */
function readPageFile(path: string | undefined, baseUrl: string): string {
  if (!path) throw new UsageError('pages set: --file F is required (an .html or .txt file)');
  const format = pageFormatOf(path);
  if (typeof format !== 'string') throw new UsageError(`pages set: ${format.error}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new UsageError(`pages set: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (bytes.length > MAX_BYTES) throw new UsageError(`pages set: ${path} is over ${MAX_BYTES / 1024} KB`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const html = pageHtml(text, format, baseUrl);
  if (!html) throw new UsageError(`pages set: ${path} has no text left once sanitized`);
  return html;
}

export async function runPages(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('pages', args, { db: { type: 'string' }, file: { type: 'string' } });
  const [action, slugText, ...extra] = positionals;
  if (action !== 'set' && action !== 'show' && action !== 'reset') throw new UsageError(`pages: expected "set", "show" or "reset", got "${action ?? ''}"`);
  const slug = slugOf(slugText);
  if (extra.length > 0) throw new UsageError(`pages ${action}: give one page`);
  const config = configWithDb(values.db);
  const html = action === 'set' ? readPageFile(values.file, config.site.baseUrl) : undefined;
  const store = await openMigratedStore(config);
  try {
    const key = staticPageSetting(slug);
    if (action === 'show') {
      const stored = await getSetting(store.db, key);
      console.log(stored ?? `(no text set: /page/${slug} shows the default text)`);
      return 0;
    }
    if (html !== undefined) await putSetting(store.db, key, html);
    else if (!(await deleteSetting(store.db, key))) {
      console.log(`page ${slug}: already the default text`);
      return 0;
    }
    await announceChange(config, store, { storyIds: [], keys: [staticPageKey(slug)] });
    console.log(html !== undefined ? `page ${slug}: set (${Buffer.byteLength(html)} bytes of HTML)` : `page ${slug}: back to the default text`);
    return 0;
  } finally {
    await store.close();
  }
}
