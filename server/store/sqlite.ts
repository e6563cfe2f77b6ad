// The embedded store: one SQLite file through better-sqlite3. synchronous=FULL so a batch
// the server has acknowledged is on disk, even in WAL mode; pushes get the same promise from
// an fsync of the WAL off the event loop (walFlush.ts). On a file, pushes are applied by the
// push writer on a thread of its own (pushWriter.ts) and checkpoints by another (checkpointer.ts);
// everything else runs on the server's own connection.
import type { Kysely } from 'kysely';
import { kyselyStore } from './kysely.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';
import { startCheckpointer } from './checkpointer.ts';
import { sqliteStatements } from './pushReads.ts';
import { startPushWriter } from './pushWriter.ts';
import { openSqliteConnection } from './sqliteConnection.ts';

export interface SqliteStore extends Store {
  /** The Kysely instance, for tests and maintenance scripts that inspect the file. */
  readonly db: Kysely<Database>;
}

/** `startPushWriter`: start the push writer's thread at once (the server), not at the first push. */
export function openSqliteStore(file: string, options: { startPushWriter?: boolean } = {}): SqliteStore {
  const { database, db } = openSqliteConnection(file);
  const onDisk = database.pragma('journal_mode', { simple: true }) === 'wal';
  // In memory (tests): one connection, pushes grouped on this thread, nothing to flush.
  if (!onDisk) return { ...kyselyStore(db, 'sqlite', undefined, sqliteStatements(database)), db };
  // Checkpoints in a worker thread, not inside a commit on the event loop (checkpointer.ts).
  database.pragma('wal_autocheckpoint = 0');
  const checkpointer = startCheckpointer(database.name);
  const writer = startPushWriter(database.name);
  if (options.startPushWriter) writer.start();
  const store = kyselyStore(db, 'sqlite');
  return {
    ...store,
    db,
    push: (input) => writer.push(input),
    pull: async (input) => {
      const response = await store.pull(input);
      // Nothing goes out to a phone before it is on disk (walFlush.ts): its cursor would pass it.
      await writer.flush();
      return response;
    },
    async close() {
      await writer.stop();
      await checkpointer.stop();
      await store.close();
    },
  };
}
