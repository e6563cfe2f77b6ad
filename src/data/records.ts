// Writing checklist records. A save validates with the shared schema, then writes the
// record and its outbox entry in one transaction: both are on disk, or neither is.
import {
  checklistRecord,
  deviceChangeId,
  quarterKey,
  quarterOf,
  type ChecklistRecord,
} from '../domain/index.ts';
import type { NotebookDb, LocalRecord, MetaRow, OutboxEntry } from './db.ts';
import { withReopen } from './reopen.ts';
import { openNotes, sealNotes, type SealedText } from './sealed.ts';

export interface FieldIssue {
  path: string;
  code: string;
}

export class ValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(`invalid record: ${issues.map((i) => i.path).join(', ')}`);
    this.name = 'ValidationError';
  }
}

export function validateRecord(candidate: unknown): { ok: true; record: ChecklistRecord } | { ok: false; issues: FieldIssue[] } {
  const parsed = checklistRecord.safeParse(candidate);
  if (parsed.success) return { ok: true, record: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      code: issueCode(issue, valueAt(candidate, issue.path)),
    })),
  };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), root);
}

/** A code the UI can say plainly: missing, not chosen, not a number, or the schema's own. */
function issueCode(issue: { code: string; message: string; origin?: string }, value: unknown): string {
  if (issue.code === 'custom') return issue.message;
  if (value === undefined || value === '') return issue.code === 'invalid_value' ? 'notChosen' : 'required';
  if (typeof value === 'number' && Number.isNaN(value)) return 'notNumber';
  if (Array.isArray(value) && value.length === 0) return 'chooseAtLeastOne';
  return issue.code;
}

/**
 * The device's next change number, and its change id (`deviceChangeId`): random bits drawn once
 * per database (kept in meta with the seq counter, so both go if the database is wiped) and the
 * seq. One read of meta for the three values.
 */
async function nextChange(db: NotebookDb): Promise<{ seq: number; changeId: string }> {
  const [next, high, low] = await db.meta.bulkGet(['nextSeq', 'changeIdHigh', 'changeIdLow']);
  const seq = next?.value ?? 1;
  const random48 = () => globalThis.crypto.getRandomValues(new Uint32Array(2)).reduce((a, b) => (a % 2 ** 16) * 2 ** 32 + b);
  const rows: MetaRow[] = [{ key: 'nextSeq', value: seq + 1 }];
  const prefix = { high: high?.value, low: low?.value };
  if (prefix.high === undefined || prefix.low === undefined) {
    prefix.high = random48();
    prefix.low = random48();
    rows.push({ key: 'changeIdHigh', value: prefix.high }, { key: 'changeIdLow', value: prefix.low });
  }
  await db.meta.bulkPut(rows);
  return { seq, changeId: deviceChangeId(prefix.high, prefix.low, seq) };
}

/** Adds an outbox entry inside the caller's transaction. */
export async function enqueueChange(
  db: NotebookDb,
  change: Omit<OutboxEntry, 'seq' | 'changeId' | 'createdAt'>,
  now: Date,
): Promise<OutboxEntry> {
  const entry: OutboxEntry = { ...change, ...(await nextChange(db)), createdAt: now.toISOString() };
  await db.outbox.add(entry);
  return entry;
}

/** A checked record with its notes sealed, ready to be written in a transaction. */
export interface PreparedSave {
  record: ChecklistRecord;
  sealed?: SealedText;
}

/** Validation and sealing happen before the transaction: IndexedDB ends a transaction that waits on WebCrypto. */
export async function prepareSave(db: NotebookDb, candidate: unknown): Promise<PreparedSave> {
  const checked = validateRecord(candidate);
  if (!checked.ok) throw new ValidationError(checked.issues);
  const { value, sealed } = await sealNotes(db.vaultKey, checked.record.id, checked.record);
  return { record: value as ChecklistRecord, sealed };
}

/** Writes a prepared save and its outbox entry inside the caller's transaction. */
export async function writeSave(db: NotebookDb, prepared: PreparedSave, now: Date): Promise<LocalRecord> {
  const { record, sealed } = prepared;
  const existing = await db.records.get(record.id);
  if (existing && existing.kind !== record.kind) throw new ValidationError([{ path: 'kind', code: 'immutable' }]);
  // Editing a record in conflict resolves it: the edit is made on top of the server's version.
  const baseRev = existing?.theirs ? existing.theirs.rev : (existing?.rev ?? 0);
  // Notes removed from the phone stay on the server unless the user wrote new ones.
  const notesKept = Boolean(existing?.notesOnServer) && !sealed;
  const local: LocalRecord = { ...localRecordOf(record, baseRev, 'pending', now.toISOString()), ...(sealed ? { sealed } : {}), ...(notesKept ? { notesOnServer: true } : {}) };
  await db.records.put(local);
  await enqueueChange(db, { recordId: record.id, kind: record.kind, op: 'upsert', baseRev, record, ...(sealed ? { sealed } : {}), ...(notesKept ? { notesKept } : {}) }, now);
  return local;
}

export async function saveRecord(db: NotebookDb, candidate: unknown, now = new Date()): Promise<LocalRecord> {
  const prepared = await prepareSave(db, candidate);
  return withReopen(db, () => db.transaction('rw', db.records, db.outbox, db.meta, () => writeSave(db, prepared, now)));
}

/** Deletes on the phone at once; the server learns it as a tombstone. */
export async function deleteRecord(db: NotebookDb, id: string, now = new Date()): Promise<void> {
  await withReopen(db, () => db.transaction('rw', db.records, db.outbox, db.meta, async () => {
    const existing = await db.records.get(id);
    if (!existing || existing.deleted) return;
    await db.records.put({ ...existing, deleted: true, syncState: 'pending', updatedAt: now.toISOString() });
    await enqueueChange(db, { recordId: id, kind: existing.kind, op: 'delete', baseRev: existing.rev }, now);
  }));
}

/** Conflict: keep this phone's version, sent again on top of the server's revision. */
export async function keepMine(db: NotebookDb, id: string, now = new Date()): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, db.meta, async () => {
    const local = await db.records.get(id);
    if (!local?.theirs) return;
    const baseRev = local.theirs.rev;
    const op = local.deleted ? 'delete' : 'upsert';
    const sealedParts = { ...(local.sealed ? { sealed: local.sealed } : {}), ...(local.notesOnServer ? { notesKept: true } : {}) };
    await enqueueChange(db, { recordId: id, kind: local.kind, op, baseRev, ...(op === 'upsert' ? { record: local.body, ...sealedParts } : {}) }, now);
    await db.records.put({ ...local, rev: baseRev, theirs: undefined, theirsSealed: undefined, theirsNotesOnServer: undefined, syncState: 'pending', updatedAt: now.toISOString() });
  });
}

/** Conflict: take the server's version and drop this phone's edit. */
export async function keepTheirs(db: NotebookDb, id: string): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, async () => {
    const local = await db.records.get(id);
    const theirs = local?.theirs;
    if (!local || !theirs) return;
    if (theirs.deleted || !theirs.record) {
      await db.records.delete(id);
      return;
    }
    await db.records.put({
      ...fromServer(theirs.record, theirs.rev, local.updatedAt),
      ...(local.theirsSealed ? { sealed: local.theirsSealed } : {}),
      ...(local.theirsNotesOnServer ? { notesOnServer: true } : {}),
    });
  });
}

/** A record as the user sees it: its notes opened, in memory only. */
export async function openedBody(db: NotebookDb, local: LocalRecord): Promise<ChecklistRecord> {
  return (await openNotes(db.vaultKey, local.id, local.body, local.sealed)) as ChecklistRecord;
}

/** The server's version of a record in conflict, its notes opened. */
export async function openedTheirs(db: NotebookDb, local: LocalRecord): Promise<ChecklistRecord | undefined> {
  const theirs = local.theirs?.record;
  return theirs ? ((await openNotes(db.vaultKey, local.id, theirs, local.theirsSealed)) as ChecklistRecord) : undefined;
}

export function fromServer(record: ChecklistRecord, rev: number, updatedAt: string): LocalRecord {
  return localRecordOf(record, rev, 'sent', updatedAt);
}

/** The phone's row for a record: the body with the fields its indexes need. */
function localRecordOf(record: ChecklistRecord, rev: number, syncState: LocalRecord['syncState'], updatedAt: string): LocalRecord {
  return {
    id: record.id,
    kind: record.kind,
    unitId: record.unitId,
    date: record.date,
    quarter: quarterKey(quarterOf(record.date)),
    body: record,
    rev,
    deleted: false,
    syncState,
    updatedAt,
  };
}
