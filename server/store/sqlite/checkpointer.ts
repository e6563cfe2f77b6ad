// SQLite copies the WAL back into the database file at a checkpoint, with an fsync of each;
// left to itself it does so inside the commit that takes the WAL past 1,000 pages, on the
// event loop's thread, and every request waits. Here a worker thread with its own connection
// checkpoints instead, every second, PASSIVE (it never holds up a writer), and the server's
// own connection no longer checkpoints on commit. Durability is SQLite's: a checkpoint syncs
// the WAL before it copies, and the database file after. The thread: checkpointerThread.ts.
import type { CheckpointerData } from './checkpointerThread.ts';
import { startWorkerThread } from './threads.ts';

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, everyMs = 1000): Checkpointer {
  const worker = startWorkerThread('checkpointerThread', import.meta.url, { file, everyMs } satisfies CheckpointerData);
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Unreferenced, the worker would not keep the process alive while it finishes: a script
      // awaiting this (the operator's command line) would end with its promise unsettled.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
