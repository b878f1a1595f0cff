import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../engine.ts';
import { addIdColumn } from './column-types.ts';

// WebSub subscriptions to the hubs our polled feeds advertise, one per source. The
// callback token makes the callback URL unguessable; the secret signs what the hub
// distributes (X-Hub-Signature). Both are credentials: never logged, never shown.
// renew_at is when a (re)subscribe request is next due; nodes claim due rows by moving
// it forward atomically, so one node sends each request.
export function websub(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addIdColumn(engine, db.schema.createTable('websub_subscriptions'))
        .addColumn('source_id', 'integer', (c) => c.notNull().unique().references('sources.id').onDelete('cascade'))
        .addColumn('hub', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('callback_token', 'text', (c) => c.notNull().unique())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('lease_seconds', 'integer')
        .addColumn('expires_at', 'text')
        .addColumn('renew_at', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text')
        .addColumn('verified_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('websub_subscriptions_renew_at').on('websub_subscriptions').column('renew_at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('websub_subscriptions').execute();
    },
  };
}
