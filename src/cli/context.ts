import { loadConfig, type Config } from '../config/config.ts';
import { migrate, openStore, type Store } from '../store/store.ts';

/** Config with the command's --db flag applied; DATABASE_URL still selects PostgreSQL. */
export function configWithDb(db: string | undefined): Config {
  const config = loadConfig();
  return db ? { ...config, dbPath: db } : config;
}

export async function openMigratedStore(config: Config): Promise<Store> {
  const store = openStore(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'sqlite', path: config.dbPath });
  await migrate(store);
  return store;
}
