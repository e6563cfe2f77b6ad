// Throwaway phone databases for the data layer's tests (fake-indexeddb): each one a fresh name,
// closed and deleted after every test of the file that asked for it.
import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import { NotebookDb } from '../../src/data/db.ts';

/** Registers the clean-up in the calling file; returns a maker of fresh databases. */
export function throwawayDbs(): () => NotebookDb {
  const open: NotebookDb[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  return () => {
    const db = new NotebookDb(`test-${randomUUID()}`);
    open.push(db);
    return db;
  };
}
