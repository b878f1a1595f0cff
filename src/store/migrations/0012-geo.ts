import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../engine.ts';
import { addIdColumn } from './column-types.ts';

// What classify finds in a story beyond its sector: the countries it is about (in
// order: position 0 is the region tag, the dateline's country when known) and its
// tags (people, organisations, places, subjects), replaced whole on every new version.
// sector_labels keeps editors' sector corrections: the classifier learns from them.
export function geo(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('story_countries')
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('story_countries_pk', ['story_id', 'country'])
        .execute();
      // Edition pages: stories of these countries, newest first (joined to stories).
      await db.schema.createIndex('story_countries_country').on('story_countries').columns(['country', 'story_id']).execute();
      await db.schema
        .createTable('story_tags')
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('story_tags_pk', ['story_id', 'slug'])
        .execute();
      await db.schema.createIndex('story_tags_slug').on('story_tags').columns(['slug', 'story_id']).execute();
      await addIdColumn(engine, db.schema.createTable('sector_labels'))
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('sector', 'text', (c) => c.notNull())
        .addColumn('labelled_by', 'text', (c) => c.notNull())
        .addColumn('labelled_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sector_labels_story').on('sector_labels').column('story_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('sector_labels').execute();
      await db.schema.dropTable('story_tags').execute();
      await db.schema.dropTable('story_countries').execute();
    },
  };
}
