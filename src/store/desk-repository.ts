// The desk's editors and sessions (migration 0023). Tokens and session ids are random
// (24 and 32 bytes) and stored only as SHA-256: being high-entropy, they need no slow hash.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { isUniqueViolation } from './errors.ts';

export interface Editor {
  readonly id: number;
  readonly name: string;
}

export interface EditorRow extends Editor {
  readonly createdAt: string;
}

export class EditorExistsError extends Error {}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Adds an editor; returns the sign-in token, which is not kept and cannot be shown again. */
export async function addEditor(db: Kysely<Database>, name: string, now: Date): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  try {
    await db.insertInto('editors').values({ name, token_hash: sha256(token), created_at: now.toISOString() }).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new EditorExistsError(`an editor named "${name}" already exists`);
    throw err;
  }
  return token;
}

export async function listEditors(db: Kysely<Database>): Promise<EditorRow[]> {
  const rows = await db.selectFrom('editors').select(['id', 'name', 'created_at']).orderBy('name').execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name, createdAt: r.created_at }));
}

/** Removes an editor and signs them out everywhere; false when there is no such editor. */
export async function removeEditor(db: Kysely<Database>, name: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const editor = await trx.selectFrom('editors').select('id').where('name', '=', name).executeTakeFirst();
    if (!editor) return false;
    await trx.deleteFrom('desk_sessions').where('editor_id', '=', editor.id).execute();
    await trx.deleteFrom('editors').where('id', '=', editor.id).execute();
    return true;
  });
}

/** The editor whose name and token these are, or undefined (compared in constant time). */
export async function findEditorByToken(db: Kysely<Database>, name: string, token: string): Promise<Editor | undefined> {
  const row = await db.selectFrom('editors').select(['id', 'name', 'token_hash']).where('name', '=', name).executeTakeFirst();
  const given = Buffer.from(sha256(token), 'hex');
  // Hash something even for an unknown name, so the answer takes as long either way.
  const stored = Buffer.from(row?.token_hash ?? sha256(''), 'hex');
  return row && stored.length === given.length && timingSafeEqual(stored, given) ? { id: Number(row.id), name: row.name } : undefined;
}

/** Opens a session for the editor until `expires`; returns the cookie's value (kept only as its hash). */
export async function openSession(db: Kysely<Database>, editorId: number, now: Date, expires: Date): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.insertInto('desk_sessions').values({ id_hash: sha256(id), editor_id: editorId, created_at: now.toISOString(), expires_at: expires.toISOString() }).execute();
  return id;
}

/** The editor a live session belongs to, or undefined (unknown, expired or signed out). */
export async function findSessionEditor(db: Kysely<Database>, id: string, now: Date): Promise<Editor | undefined> {
  const row = await db
    .selectFrom('desk_sessions')
    .innerJoin('editors', 'editors.id', 'desk_sessions.editor_id')
    .select(['editors.id as id', 'editors.name as name'])
    .where('desk_sessions.id_hash', '=', sha256(id))
    .where('desk_sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ? { id: Number(row.id), name: row.name } : undefined;
}

export async function closeSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('desk_sessions').where('id_hash', '=', sha256(id)).execute();
}

/** Deletes sessions that expired before `now`; how many. */
export async function pruneSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('desk_sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
