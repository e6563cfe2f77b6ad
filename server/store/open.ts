// The store the environment names: PostgreSQL when DATABASE_URL is set, else the SQLite file
// notebook.sqlite in DATA_DIR (./data). The server (main.ts) and the operator's command line
// (server/admin) open the same database this way.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openPostgresStore } from './postgres.ts';
import type { Database } from './schema/tables.ts';
import { openSqliteStore } from './sqlite/store.ts';
import type { Store } from './store.ts';

export type OpenedStore = Store & { readonly db: Kysely<Database> };

export interface StoreLocation {
  databaseUrl?: string;
  dataDir: string;
}

export function storeLocation(env: NodeJS.ProcessEnv): StoreLocation {
  const dataDir = env.DATA_DIR ?? './data';
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, dataDir } : { dataDir };
}

/** `server`: opened by the server, which starts at once what a script would start only when needed. */
export function openStoreAt(location: StoreLocation, options: { server?: boolean } = {}): OpenedStore {
  if (location.databaseUrl) return openPostgresStore(location.databaseUrl);
  mkdirSync(location.dataDir, { recursive: true });
  return openSqliteStore(join(location.dataDir, 'notebook.sqlite'), { startPushWriter: options.server === true });
}
