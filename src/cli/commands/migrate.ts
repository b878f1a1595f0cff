import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../usage.ts';
import { configWithDb } from '../context.ts';
import { migrate, openStore } from '../../store/store.ts';

export async function runMigrate(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('migrate', args, { db: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`migrate: unexpected argument "${positionals[0]}"`);
  const config = configWithDb(values.db);
  const store = openStore(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'sqlite', path: config.dbPath });
  try {
    const applied = await migrate(store);
    console.log(applied.length > 0 ? `applied ${applied.join(', ')}` : 'database is up to date');
    return 0;
  } finally {
    await store.close();
  }
}
