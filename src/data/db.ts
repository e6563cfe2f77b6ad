// The phone's database: checklist records and the outbox of changes not yet acknowledged
// by the server. Every transaction asks for strict durability, so a save reports
// complete only once it is on disk (Chrome's default is relaxed).
import { Dexie, type Table } from 'dexie';
import type { ChecklistRecord, RecordKind, ServerRecord } from '../domain/index.ts';
import { DEFAULT_DB_NAME, dbNameFor } from './dbName.ts';
import type { DraftRow } from './drafts.ts';
import type { SealedText } from './sealed.ts';

/** Where a record stands, as stored. "Sending" is not stored: it is the sync engine's live state. */
export type StoredSyncState = 'pending' | 'sent' | 'rejected' | 'conflict';

export interface LocalRecord {
  id: string;
  kind: RecordKind;
  unitId: string;
  date: string;
  /** "2026-Q3", the record's quarter in Vietnam's calendar; indexed for the lists. */
  quarter: string;
  /** The record without its sensitive free text (a case's notes), which rests in `sealed`. */
  body: ChecklistRecord;
  sealed?: SealedText;
  /** A sent, closed case whose notes were removed from the phone: the server keeps them. */
  notesOnServer?: boolean;
  /** The last server revision this phone knows of; 0 for a record never acknowledged. */
  rev: number;
  deleted: boolean;
  syncState: StoredSyncState;
  rejection?: { reason: string; fields: string[] };
  /** The server's version when a push came back as a conflict. */
  theirs?: ServerRecord;
  /** The server's version's notes, sealed like ours (`theirs.record` holds none). */
  theirsSealed?: SealedText;
  /** The server's version has notes this phone does not keep. */
  theirsNotesOnServer?: boolean;
  /** Phone time of the last local change: for display only, never for ordering. */
  updatedAt: string;
}

export interface OutboxEntry {
  /** This device's change number: 1, 2, 3 … so the server can see a gap. */
  seq: number;
  changeId: string;
  recordId: string;
  kind: RecordKind;
  op: 'upsert' | 'delete';
  baseRev: number;
  /** Without its notes, which rest in `sealed`. */
  record?: ChecklistRecord;
  sealed?: SealedText;
  /** The phone no longer holds the case's notes: the server keeps its own. */
  notesKept?: boolean;
  createdAt: string;
}

/** What the screens keep to work offline: the commune's plan of a year (the officer's and the village head's card), the units, the unit types. */
export interface OfficeRow {
  /** "plan:<commune>:<year>", "units:<commune>", "unitTypes:<commune>". */
  key: string;
  value: unknown;
  /** Phone time it was stored: for display only. */
  storedAt: string;
}

export interface MetaRow {
  key: string;
  value: number;
}

export class NotebookDb extends Dexie {
  records!: Table<LocalRecord, string>;
  outbox!: Table<OutboxEntry, number>;
  meta!: Table<MetaRow, string>;
  drafts!: Table<DraftRow, string>;
  /** The vault's data key while the app is unlocked; never stored. */
  vaultKey: CryptoKey | undefined;
  office!: Table<OfficeRow, string>;

  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      records: 'id, quarter, [kind+quarter], syncState',
      outbox: 'seq, recordId, &changeId',
      meta: 'key',
    });
    // Version 2 adds the half-filled forms; the tables of version 1 stay as they are.
    this.version(2).stores({ drafts: 'key' });
    // Version 3 adds the officer's copy of the plan, the units and the unit types (offline office).
    this.version(3).stores({ office: 'key' });
  }
}

/**
 * Another tab opened a newer version of the app, whose database upgrade needs this connection
 * closed: close it at once (so that the upgrade is never blocked) and tell this page to reload.
 */
export function onReplacedByNewerVersion(db: NotebookDb, callback: () => void): () => void {
  const handler = () => {
    db.close();
    callback();
  };
  db.on('versionchange', handler);
  return () => db.on('versionchange').unsubscribe(handler);
}

export { DEFAULT_DB_NAME, dbNameFor };

const shared = new Map<string, NotebookDb>();

/** The one connection of this page (or worker) to a database. */
export function notebookDb(name = DEFAULT_DB_NAME): NotebookDb {
  let db = shared.get(name);
  if (!db) {
    db = new NotebookDb(name);
    shared.set(name, db);
  }
  return db;
}

/** Deletes an account's database from the phone (nothing left in it to keep). */
export async function deleteNotebookDb(name: string): Promise<void> {
  const db = notebookDb(name);
  shared.delete(name);
  db.close();
  await db.delete();
}
