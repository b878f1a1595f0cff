import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// The menu lists agencies with a GROUP BY over published stories; with this index
// both engines answer it from the index alone instead of scanning every story.
export function agencyIndex(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('stories_status_agency').on('stories').columns(['status', 'agency']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('stories_status_agency').execute();
    },
  };
}
