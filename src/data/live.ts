// Live queries for the UI: each returns a subscribable that re-runs when its tables change.
import { Dexie, liveQuery } from 'dexie';
import { activeBetween, lastingKinds, parseQuarterKey, quarterDates, type RecordKind } from '../domain/index.ts';
import type { LocalRecord, NotebookDb } from './db.ts';

export interface Subscribable<T> {
  subscribe(observer: { next: (value: T) => void; error?: (error: unknown) => void }): { unsubscribe(): void };
}

/**
 * The records of a checklist in a quarter, newest first: those dated in it, and for a lasting
 * kind (contact points, models, open cases) those of earlier quarters still active in it.
 */
export function watchQuarter(db: NotebookDb, quarter: string, kind: RecordKind): Subscribable<LocalRecord[]> {
  const period = parseQuarterKey(quarter);
  const lasting = period !== null && (lastingKinds as readonly RecordKind[]).includes(kind);
  return liveQuery(async () => {
    const index = db.records.where('[kind+quarter]');
    const rows = lasting ? await index.between([kind, Dexie.minKey], [kind, quarter], true, true).toArray() : await index.equals([kind, quarter]).toArray();
    const { first, last } = period ? quarterDates(period) : { first: '', last: '' };
    return rows
      .filter((r) => !r.deleted && (!lasting || r.quarter === quarter || activeBetween(r.body, first, last)))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
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
