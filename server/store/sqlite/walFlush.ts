// SQLite's commit with synchronous=FULL calls fsync on the event loop's thread (better-sqlite3
// is synchronous): 4–7 ms on this disk during which the server parses no request. A group of
// pushes commits instead with synchronous=NORMAL (the WAL frames reach the page cache, not the
// disk), and its answers wait for an fsync of the WAL file run on libuv's thread pool. One
// fsync at a time covers every commit made before it started; the commits that come while it
// runs share the next one. WAL frames are replayed in order after a crash, so a later commit
// never survives without an earlier one. A pull's answer also waits for the flush covering what
// it read, so no phone's cursor passes a change that a power cut could still undo.
import { open } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { FlushGate } from './flushGate.ts';
import type { Database } from '../schema/tables.ts';

export interface CommitFlush {
  /** Runs `work` on the one connection with commits that do not wait for the disk. */
  relaxed<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Resolves once every commit made so far is on disk. */
  flush(): Promise<void>;
}

/** `gate`: a test's hold on each flush asked for (flushGate.ts). */
export function walFlush(db: Kysely<Database>, walFile: string, gate?: FlushGate): CommitFlush {
  let committed = 0;
  let durable = 0;
  let running: Promise<void> | undefined;

  const syncWal = async (): Promise<void> => {
    // Opened each time: the file SQLite writes now, whatever happened to it before.
    const handle = await open(walFile, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };

  const flushUpTo = async (target: number): Promise<void> => {
    while (durable < target) {
      if (!running) {
        const covers = committed;
        running = syncWal().then(
          () => {
            durable = Math.max(durable, covers);
            running = undefined;
          },
          (error: unknown) => {
            running = undefined;
            throw error;
          },
        );
      }
      await running;
    }
  };

  return {
    relaxed: (work) =>
      db.connection().execute(async (connection) => {
        await sql`pragma synchronous = NORMAL`.execute(connection);
        try {
          return await work(connection);
        } finally {
          // Counted whether the work committed or not: a flush too many costs one fsync.
          committed += 1;
          await sql`pragma synchronous = FULL`.execute(connection);
        }
      }),
    flush: async () => {
      const target = committed;
      await gate?.pass();
      await flushUpTo(target);
    },
  };
}
