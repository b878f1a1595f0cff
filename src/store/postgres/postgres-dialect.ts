import { PostgresDialect } from 'kysely';
import pg from 'pg';

export function createPostgresDialect(url: string, max = 10): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  return { dialect: new PostgresDialect({ pool }), pool };
}
