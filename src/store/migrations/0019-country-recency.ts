import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// As 0018 did for tags: a country page asked for the newest stories about one
// country by walking every published story and probing each for the country (~220 ms
// on 100,000 stories for a country in few of them). The country row now carries its
// story's created_at, and (country, created_at) walks that country's stories newest
// first. It replaces (country, story_id).
export function countryRecency(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('story_countries').addColumn('created_at', 'text', (c) => c.notNull().defaultTo('')).execute();
      await sql`update story_countries set created_at = (select s.created_at from stories s where s.id = story_countries.story_id)`.execute(db);
      await db.schema.dropIndex('story_countries_country').execute();
      await db.schema.createIndex('story_countries_country_created').on('story_countries').columns(['country', 'created_at', 'story_id']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('story_countries_country_created').execute();
      await db.schema.createIndex('story_countries_country').on('story_countries').columns(['country', 'story_id']).execute();
      await db.schema.alterTable('story_countries').dropColumn('created_at').execute();
    },
  };
}
