import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../engine.ts';
import { addIdColumn } from './column-types.ts';

export function initial(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addIdColumn(engine, db.schema.createTable('sources'))
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('interval_seconds', 'integer', (c) => c.notNull())
        .addColumn('agency', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('last_fetched_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_fetch_at', 'text')
        .execute();

      await addIdColumn(engine, db.schema.createTable('stories'))
        .addColumn('identity', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('sector', 'text', (c) => c.notNull())
        .addColumn('agency', 'text')
        .addColumn('dateline_city', 'text')
        .addColumn('author', 'text')
        .addColumn('link', 'text')
        .addColumn('image_url', 'text')
        .addColumn('image_caption', 'text')
        .addColumn('language', 'text')
        .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('stories_status_created').on('stories').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('stories_sector_created').on('stories').columns(['sector', 'created_at']).execute();
      await db.schema.createIndex('stories_agency_created').on('stories').columns(['agency', 'created_at']).execute();

      await db.schema
        .createTable('story_views')
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('hour', 'text', (c) => c.notNull())
        .addColumn('views', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('story_views_pk', ['story_id', 'hour'])
        .execute();
      await db.schema.createIndex('story_views_hour').on('story_views').column('hour').execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const t of ['settings', 'story_views', 'stories', 'sources']) await db.schema.dropTable(t).execute();
    },
  };
}
