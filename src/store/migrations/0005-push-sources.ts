import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Sources that push to us (POST /api/ingest/{name}) instead of being polled. The
// token is a credential: stored to check requests and HMAC signatures, never shown
// again after `sources add --push` prints it once.
export function pushSources(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sources').addColumn('kind', 'text', (c) => c.notNull().defaultTo(sql`'poll'`)).execute();
      await db.schema.alterTable('sources').addColumn('push_token', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sources').dropColumn('push_token').execute();
      await db.schema.alterTable('sources').dropColumn('kind').execute();
    },
  };
}
