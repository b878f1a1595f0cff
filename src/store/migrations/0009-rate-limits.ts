import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Rate-limit counters shared by every node (fixed windows): one row per limited key,
// its hits in the current window and when that window ends (epoch milliseconds).
export function rateLimits(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('resets_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_limits_resets_at').on('rate_limits').column('resets_at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('rate_limits').execute();
    },
  };
}
