import { PostgresDialect } from 'kysely';
import pg from 'pg';

export function createPostgresDialect(url: string, onError: (err: Error) => void, max = 10): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client's connection can drop (database restart, failover); without a
  // listener pg re-emits that as an uncaught error and the node dies. The pool
  // replaces the client on the next checkout, so logging is all there is to do.
  pool.on('error', onError);
  return { dialect: new PostgresDialect({ pool }), pool };
}
