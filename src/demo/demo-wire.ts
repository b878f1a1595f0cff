import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_DIR = fileURLToPath(new URL('./wire/', import.meta.url));

export interface DemoFile {
  readonly path: string;
  /** Declared like a source's agency: UN News copy carries no "(Agency)" dateline. */
  readonly agency?: string;
  /** The desk's own pieces (desk/): what a source of that kind makes of them. */
  readonly kind?: 'opinion' | 'blog' | 'interview';
}

const DECLARED_AGENCY: Readonly<Record<string, string>> = { 'un-news.rdf': 'UN News' };

const DESK_KINDS: Readonly<Record<string, DemoFile['kind']>> = { 'opinion.rss': 'opinion', 'blog.rss': 'blog', 'interview.rss': 'interview' };

/**
 * The demo wire files in ingest order: the first batch, then the later versions in
 * updates/, then the newsroom's own opinion, blog and interview pieces in desk/.
 */
export function listDemoFiles(dir = DEMO_DIR): DemoFile[] {
  const files = (sub: string) =>
    readdirSync(join(dir, sub), { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.md'))
      .map((e) => e.name)
      .sort()
      .map((name) => {
        const agency = DECLARED_AGENCY[name];
        const kind = sub === 'desk' ? DESK_KINDS[name] : undefined;
        return { path: join(dir, sub, name), ...(agency ? { agency } : {}), ...(kind ? { kind } : {}) };
      });
  return [...files(''), ...files('updates'), ...files('desk')];
}
