// The unit's records of one year, for the progress on the home screen; and for the office,
// the same with the contact points and models set up in earlier years (they may still run).
import { Dexie, liveQuery } from 'dexie';
import { standingKinds } from '../domain/index.ts';
import type { LocalRecord, NotebookDb } from './db.ts';
import type { Subscribable } from './live.ts';

export function watchYear(db: NotebookDb, year: number): Subscribable<LocalRecord[]> {
  const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return liveQuery(async () => (await db.records.where('quarter').anyOf(quarters).toArray()).filter((r) => !r.deleted));
}

export function watchIndicatorRecords(db: NotebookDb, year: number): Subscribable<LocalRecord[]> {
  const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return liveQuery(async () => {
    const ofYear = await db.records.where('quarter').anyOf(quarters).toArray();
    const earlier = await Promise.all(
      standingKinds.map((kind) => db.records.where('[kind+quarter]').between([kind, Dexie.minKey], [kind, `${year}-Q1`], true, false).toArray()),
    );
    return [...ofYear, ...earlier.flat()].filter((r) => !r.deleted);
  });
}
