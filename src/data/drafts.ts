// Half-filled forms, kept on the phone as the user types so that leaving the form, or the
// phone killing the tab, loses nothing. A draft is not a record: it never enters the outbox
// and is dropped when the record is saved. Each opened form has its own draft (two tabs never
// share one): a form that opens finds the unfinished drafts of the same target and offers them,
// and takes one only when the person says so.
import type { ChecklistRecord } from '../domain/index.ts';
import type { NotebookDb } from './db.ts';
import type { FormBase } from './records.ts';
import { openNotes, sealNotes, type SealedText } from './sealed.ts';

export interface DraftRow {
  /** "form:<instance>" for one opened form; phones from before: "new:<kind>" or "record:<id>". */
  key: string;
  /** What the form is for: "new:<kind>" or "record:<id>" (rows from before: their key). */
  target?: string;
  /** Without its notes, which rest in `sealed`. */
  draft: Record<string, unknown>;
  sealed?: SealedText;
  /** What an edit form was opened on, its notes sealed apart: a restored draft keeps its base. */
  base?: { rev: number; record?: Record<string, unknown>; sealed?: SealedText };
  /** Phone time, for display only. */
  savedAt: string;
}

/** A draft as a form uses it, notes opened (memory only). */
export interface OpenedDraft {
  key: string;
  target: string;
  draft: Record<string, unknown>;
  base?: FormBase;
  savedAt: string;
}

export const draftKey = {
  forForm: (instance: string) => `form:${instance}`,
  /** Targets. */
  forNew: (kind: string) => `new:${kind}`,
  forRecord: (id: string) => `record:${id}`,
};

const targetOf = (row: DraftRow) => row.target ?? row.key;

/** Seals by the draft's record id when it has one, else by its key. */
const sealingId = (key: string, draft: Record<string, unknown>) => (typeof draft.id === 'string' ? draft.id : key);

export async function keepDraft(
  db: NotebookDb,
  key: string,
  draft: Record<string, unknown>,
  options: { target?: string; base?: FormBase; now?: Date } = {},
): Promise<void> {
  const id = sealingId(key, draft);
  const { value, sealed } = await sealNotes(db.vaultKey, id, structuredClone(draft));
  let base: DraftRow['base'];
  if (options.base) {
    const record = options.base.record ? await sealNotes(db.vaultKey, id, structuredClone(options.base.record)) : undefined;
    base = { rev: options.base.rev, ...(record ? { record: record.value, ...(record.sealed ? { sealed: record.sealed } : {}) } : {}) };
  }
  await db.drafts.put({
    key,
    ...(options.target ? { target: options.target } : {}),
    draft: value,
    ...(sealed ? { sealed } : {}),
    ...(base ? { base } : {}),
    savedAt: (options.now ?? new Date()).toISOString(),
  });
}

/** The draft with its notes opened (in memory only). */
export async function loadDraft(db: NotebookDb, key: string): Promise<OpenedDraft | undefined> {
  const row = await db.drafts.get(key);
  if (!row) return undefined;
  const id = sealingId(key, row.draft);
  const draft = await openNotes(db.vaultKey, id, row.draft, row.sealed);
  const base = row.base && {
    rev: row.base.rev,
    ...(row.base.record ? { record: (await openNotes(db.vaultKey, id, row.base.record, row.base.sealed)) as unknown as ChecklistRecord } : {}),
  };
  return { key: row.key, target: targetOf(row), draft, ...(base ? { base } : {}), savedAt: row.savedAt };
}

/** Unfinished drafts of one target, newest first, leaving out those open in a form now (`held`). */
export async function unfinishedDrafts(db: NotebookDb, target: string, held: ReadonlySet<string>): Promise<{ key: string; savedAt: string }[]> {
  const rows = await db.drafts.toArray();
  return rows
    .filter((row) => targetOf(row) === target && !held.has(row.key))
    .map((row) => ({ key: row.key, savedAt: row.savedAt }))
    .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
}

export async function dropDraft(db: NotebookDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}
