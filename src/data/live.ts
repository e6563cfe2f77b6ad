// Live queries for the UI: each returns a subscribable that re-runs when its tables change.
import { liveQuery } from 'dexie';
import type { RecordKind } from '../domain/index.ts';
import type { LocalRecord, NotebookDb } from './db.ts';

export interface Subscribable<T> {
  subscribe(observer: { next: (value: T) => void; error?: (error: unknown) => void }): { unsubscribe(): void };
}

export function watchQuarter(db: NotebookDb, quarter: string, kind: RecordKind): Subscribable<LocalRecord[]> {
  return liveQuery(async () => {
    const rows = await db.records.where('[kind+quarter]').equals([kind, quarter]).toArray();
    return rows.filter((r) => !r.deleted).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  });
}

export function watchRecord(db: NotebookDb, id: string): Subscribable<LocalRecord | undefined> {
  return liveQuery(() => db.records.get(id));
}

/** Records with a change waiting to be sent: a record edited three times offline counts once. */
export function watchRecordsWaiting(db: NotebookDb): Subscribable<number> {
  return liveQuery(async () => (await db.outbox.orderBy('recordId').uniqueKeys()).length);
}

export function watchNeedsAttention(db: NotebookDb): Subscribable<LocalRecord[]> {
  return liveQuery(() => db.records.where('syncState').anyOf('rejected', 'conflict').toArray());
}
