// Live queries for the commune officer's progress view, which reads the whole commune's
// records pulled to this device.
import { liveQuery } from 'dexie';
import type { LocalRecord, NotebookDb } from './db.ts';
import type { Subscribable } from './live.ts';

/** Every record of a year (deleted ones too: the indicators skip them), by the quarter index. */
export function watchYear(db: NotebookDb, year: number): Subscribable<LocalRecord[]> {
  return liveQuery(() => db.records.where('quarter').between(`${year}-Q1`, `${year}-Q4`, true, true).toArray());
}
