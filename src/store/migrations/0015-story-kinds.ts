import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { slugifyName } from '../../lib/name-slug.ts';

// Stories of other kinds than wire copy (opinion, blog, interview) come in through
// sources that say so: `sources.story_kind`. Author pages look stories up by the slug of
// their byline, kept beside it (`stories.author_slug`, filled by the repository on every
// write). Indexes for the kind lists and author pages, newest first.
export function storyKinds(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sources').addColumn('story_kind', 'text', (c) => c.notNull().defaultTo('wire')).execute();
      await db.schema.alterTable('stories').addColumn('author_slug', 'text').execute();
      await db.schema.createIndex('stories_kind_created').on('stories').columns(['kind', 'status', 'created_at']).execute();
      await db.schema.createIndex('stories_author_created').on('stories').columns(['author_slug', 'created_at']).execute();
      await backfillAuthorSlugs(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('stories_author_created').execute();
      await db.schema.dropIndex('stories_kind_created').execute();
      await db.schema.alterTable('stories').dropColumn('author_slug').execute();
      await db.schema.alterTable('sources').dropColumn('story_kind').execute();
    },
  };
}

/** Slugs are made in code (the same function as on write), a distinct author at a time. */
async function backfillAuthorSlugs(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ author: string }>`select distinct author from stories where author is not null`.execute(db);
  for (const { author } of rows) {
    await sql`update stories set author_slug = ${slugifyName(author)} where author = ${author}`.execute(db);
  }
}
