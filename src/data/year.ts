// The unit's records of one year, for the progress on the home screen.
import { liveQuery } from 'dexie';
import type { LocalRecord, NotebookDb } from './db.ts';
import type { Subscribable } from './live.ts';

export function watchYear(db: NotebookDb, year: number): Subscribable<LocalRecord[]> {
  const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return liveQuery(async () => (await db.records.where('quarter').anyOf(quarters).toArray()).filter((r) => !r.deleted));
}
