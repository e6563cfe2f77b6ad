// The embedded store: one SQLite file through better-sqlite3. synchronous=FULL so a batch
// the server has acknowledged is on disk, even in WAL mode; pushes get the same promise from
// an fsync of the WAL off the event loop (walFlush.ts). Pushes are applied by the push writer
// on a thread of its own (pushWriter.ts), the one SQLite push path, and checkpoints by another
// (checkpointer.ts); everything else runs on the server's own connection.
import type { Kysely } from 'kysely';
import { kyselyStore } from '../kysely.ts';
import type { Database } from '../schema/tables.ts';
import type { Store } from '../store.ts';
import { startCheckpointer } from './checkpointer.ts';
import type { FlushGate } from './flushGate.ts';
import { startPushWriter } from './pushWriter.ts';
import { openSqliteConnection } from './connection.ts';

export interface SqliteStore extends Store {
  /** The Kysely instance, for tests and maintenance scripts that inspect the file. */
  readonly db: Kysely<Database>;
}

export interface SqliteStoreOptions {
  /** Start the push writer's thread at once (the server), not at the first push. */
  startPushWriter?: boolean;
  /** A test's hold on the push writer's WAL flushes (flushGate.ts). */
  flushGate?: FlushGate;
}

export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  const { database, db } = openSqliteConnection(file);
  if (database.pragma('journal_mode', { simple: true }) !== 'wal') throw new Error(`the SQLite store needs a file that takes WAL: ${file}`);
  // Checkpoints in a worker thread, not inside a commit on the event loop (checkpointer.ts).
  database.pragma('wal_autocheckpoint = 0');
  const checkpointer = startCheckpointer(database.name);
  const writer = startPushWriter(database.name, options.flushGate);
  if (options.startPushWriter) writer.start();
  const store = kyselyStore(db, 'sqlite', () => ({ push: (input) => writer.push(input), durable: () => writer.flush() }));
  return {
    ...store,
    db,
    async close() {
      await writer.stop();
      await checkpointer.stop();
      await store.close();
    },
  };
}
