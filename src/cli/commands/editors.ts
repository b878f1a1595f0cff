// `editors add NAME`: an editor who may sign in to the desk (/desk); prints their sign-in
// token once (only its hash is kept). `editors list`; `editors remove NAME` (signs them out).
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../usage.ts';
import { configWithDb, openMigratedStore } from '../context.ts';
import { addEditor, EditorExistsError, listEditors, removeEditor } from '../../store/desk-repository.ts';

// Names appear on labels and in the desk: letters of any script, digits, spaces and . ' -
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} .'-]{0,59}$/u;

export async function runEditors(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('editors', args, { db: { type: 'string' } });
  const [action, name, ...extra] = positionals;
  if (action !== 'add' && action !== 'list' && action !== 'remove') throw new UsageError(`editors: expected "add", "list" or "remove", got "${action ?? ''}"`);
  if (action === 'list' ? name !== undefined : !name || extra.length > 0) throw new UsageError(action === 'list' ? 'editors list: takes no name' : `editors ${action}: give one name`);
  if (name !== undefined && !NAME.test(name)) throw new UsageError(`editors: a name is 1-60 letters, digits, spaces, dots, apostrophes or hyphens, got "${name}"`);
  const store = await openMigratedStore(configWithDb(values.db));
  try {
    if (action === 'list') {
      const editors = await listEditors(store.db);
      if (editors.length === 0) console.log('no editors yet: `editors add NAME` makes one');
      for (const e of editors) console.log(`${e.name}\tsince ${e.createdAt.slice(0, 10)}`);
      return 0;
    }
    if (action === 'remove') {
      if (!(await removeEditor(store.db, name ?? ''))) {
        console.error(`editors remove: no editor named "${name ?? ''}"`);
        return 1;
      }
      console.log(`editor ${name ?? ''} removed and signed out`);
      return 0;
    }
    try {
      const token = await addEditor(store.db, name ?? '', new Date());
      console.log(`editor ${name ?? ''} added; sign in at /desk/login with this token (shown once, not stored):`);
      console.log(token);
      return 0;
    } catch (err) {
      if (!(err instanceof EditorExistsError)) throw err;
      console.error(`editors add: ${err.message}`);
      return 1;
    }
  } finally {
    await store.close();
  }
}
