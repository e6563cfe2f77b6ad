// The embedded store: one SQLite file through better-sqlite3. synchronous=FULL so a batch
// the server has acknowledged is on disk, even in WAL mode.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { kyselyStore } from './kysely.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export interface SqliteStore extends Store {
  /** The Kysely instance, for tests and maintenance scripts that inspect the file. */
  readonly db: Kysely<Database>;
}

export function openSqliteStore(file: string): SqliteStore {
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { ...kyselyStore(db, 'sqlite'), db };
}
