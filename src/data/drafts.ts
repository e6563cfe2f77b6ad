// Half-filled forms, kept on the phone as the user types so that leaving the form, or the
// phone killing the tab, loses nothing. A draft is not a record: it never enters the outbox
// and is dropped when the record is saved.
import type { NotebookDb } from './db.ts';
import { prepareSave, writeSave } from './records.ts';
import { openNotes, sealNotes, type SealedText } from './sealed.ts';

export interface DraftRow {
  /** "new:newsPost" for a form not yet saved, "record:<id>" for an edit. */
  key: string;
  /** Without its notes, which rest in `sealed`. */
  draft: Record<string, unknown>;
  sealed?: SealedText;
  /** Phone time, for display only. */
  savedAt: string;
}

export const draftKey = {
  forNew: (kind: string) => `new:${kind}`,
  forRecord: (id: string) => `record:${id}`,
};

/** Seals by the draft's record id when it has one, else by its key. */
const sealingId = (key: string, draft: Record<string, unknown>) => (typeof draft.id === 'string' ? draft.id : key);

export async function keepDraft(db: NotebookDb, key: string, draft: Record<string, unknown>, now = new Date()): Promise<void> {
  const { value, sealed } = await sealNotes(db.vaultKey, sealingId(key, draft), structuredClone(draft));
  await db.drafts.put({ key, draft: value, ...(sealed ? { sealed } : {}), savedAt: now.toISOString() });
}

/** The draft with its notes opened (in memory only). */
export async function loadDraft(db: NotebookDb, key: string): Promise<DraftRow | undefined> {
  const row = await db.drafts.get(key);
  if (!row) return undefined;
  const { sealed, ...rest } = row;
  return { ...rest, draft: await openNotes(db.vaultKey, sealingId(key, row.draft), row.draft, sealed) };
}

export async function dropDraft(db: NotebookDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}

/** Saves the record (with its outbox entry) and drops its draft in one transaction. */
export async function saveRecordFromDraft(db: NotebookDb, candidate: unknown, key: string, now = new Date()) {
  const prepared = await prepareSave(db, candidate);
  return db.transaction('rw', [db.records, db.outbox, db.meta, db.drafts], async () => {
    const saved = await writeSave(db, prepared, now);
    await db.drafts.delete(key);
    return saved;
  });
}
