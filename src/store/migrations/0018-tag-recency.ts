import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// "Newest stories with this tag" (related stories on every article page, tag pages)
// had no index in the order it asks for: (slug, story_id) gives arrival order, and a
// story's created_at is the wire's time, so a common tag meant reading and sorting
// every story that has it. A story's created_at never changes after its first
// version, so the tag row can carry it, and (slug, created_at) then walks the newest
// first. It replaces (slug, story_id): one index per tag row either way.
export function tagRecency(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('story_tags').addColumn('created_at', 'text', (c) => c.notNull().defaultTo('')).execute();
      await sql`update story_tags set created_at = (select s.created_at from stories s where s.id = story_tags.story_id)`.execute(db);
      await db.schema.dropIndex('story_tags_slug').execute();
      await db.schema.createIndex('story_tags_slug_created').on('story_tags').columns(['slug', 'created_at', 'story_id']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('story_tags_slug_created').execute();
      await db.schema.createIndex('story_tags_slug').on('story_tags').columns(['slug', 'story_id']).execute();
      await db.schema.alterTable('story_tags').dropColumn('created_at').execute();
    },
  };
}
