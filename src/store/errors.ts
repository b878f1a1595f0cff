// Driver errors mapped by code, never by message text.

/** A unique-constraint violation: SQLite's SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY or PostgreSQL's 23505. */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; errcode?: unknown };
  if (e.code === '23505') return true;
  return e.errcode === 2067 || e.errcode === 1555;
}
