// The embedded store: one SQLite file through better-sqlite3. synchronous=FULL so a batch
// the server has acknowledged is on disk, even in WAL mode; pushes get the same promise from
// an fsync of the WAL off the event loop (walFlush.ts).
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { kyselyStore } from './kysely.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';
import { startCheckpointer } from './checkpointer.ts';
import { sqliteStatements } from './pushReads.ts';
import { walFlush } from './walFlush.ts';

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
  cacheStatements(database);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  // Pushes commit without the fsync on the event loop and wait for the WAL's fsync off it (walFlush.ts).
  const onDisk = database.pragma('journal_mode', { simple: true }) === 'wal';
  if (!onDisk) return { ...kyselyStore(db, 'sqlite', undefined, sqliteStatements(database)), db };
  // Checkpoints in a worker thread, not inside a commit on the event loop (checkpointer.ts).
  database.pragma('wal_autocheckpoint = 0');
  const checkpointer = startCheckpointer(database.name);
  const store = kyselyStore(db, 'sqlite', walFlush(db, `${database.name}-wal`), sqliteStatements(database));
  return {
    ...store,
    db,
    async close() {
      await checkpointer.stop();
      await store.close();
    },
  };
}

/**
 * Kysely prepares every query anew; a push runs the same few statements for each change, so
 * prepared statements are kept by their SQL text (a bounded number: the app has a few hundred).
 * Safe because Kysely runs one query at a time on this one connection.
 */
function cacheStatements(database: BetterSqlite3.Database, max = 1000): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, BetterSqlite3.Statement>();
  database.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  }) as typeof database.prepare;
}
