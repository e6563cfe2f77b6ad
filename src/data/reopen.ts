// iOS may close the IndexedDB connection under memory pressure (Enketo saw saves fail
// for it). A write that finds the database closed reopens it and tries once more.
import type { NotebookDb } from './db.ts';

const CLOSED = new Set(['DatabaseClosedError', 'InvalidStateError']);

export async function withReopen<T>(db: NotebookDb, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof Error) || !CLOSED.has(error.name)) throw error;
    if (!db.isOpen()) await db.open();
    return work();
  }
}
