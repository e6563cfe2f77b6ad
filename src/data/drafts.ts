// Half-filled forms, kept on the phone as the user types so that leaving the form, or the
// phone killing the tab, loses nothing. A draft is not a record: it never enters the outbox
// and is dropped when the record is saved.
import type { NotebookDb } from './db.ts';
import { saveRecord } from './records.ts';

export interface DraftRow {
  /** "new:newsPost" for a form not yet saved, "record:<id>" for an edit. */
  key: string;
  draft: Record<string, unknown>;
  /** Phone time, for display only. */
  savedAt: string;
}

export const draftKey = {
  forNew: (kind: string) => `new:${kind}`,
  forRecord: (id: string) => `record:${id}`,
};

export async function keepDraft(db: NotebookDb, key: string, draft: Record<string, unknown>, now = new Date()): Promise<void> {
  await db.drafts.put({ key, draft: structuredClone(draft), savedAt: now.toISOString() });
}

export async function loadDraft(db: NotebookDb, key: string): Promise<DraftRow | undefined> {
  return db.drafts.get(key);
}

export async function dropDraft(db: NotebookDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}

/** Saves the record (with its outbox entry) and drops its draft in one transaction. */
export async function saveRecordFromDraft(db: NotebookDb, candidate: unknown, key: string, now = new Date()) {
  return db.transaction('rw', [db.records, db.outbox, db.meta, db.drafts], async () => {
    const saved = await saveRecord(db, candidate, now);
    await db.drafts.delete(key);
    return saved;
  });
}
