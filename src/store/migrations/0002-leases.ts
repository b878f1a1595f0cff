import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Leases let any number of nodes share scheduled work: a node claims a source (or a
// named job) until lease_expires_at; a node that dies simply lets its lease lapse.
export function leases(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('sources').addColumn('lease_owner', 'text').execute();
      await db.schema.alterTable('sources').addColumn('lease_expires_at', 'text').execute();
      await db.schema.createIndex('sources_next_fetch').on('sources').column('next_fetch_at').execute();
      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text')
        .addColumn('expires_at', 'text')
        .addColumn('last_run_at', 'text')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('job_leases').execute();
      await db.schema.dropIndex('sources_next_fetch').execute();
      await db.schema.alterTable('sources').dropColumn('lease_expires_at').execute();
      await db.schema.alterTable('sources').dropColumn('lease_owner').execute();
    },
  };
}
