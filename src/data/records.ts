// Writing checklist records. A save validates with the shared schema, then writes the
// record and its outbox entry in one transaction: both are on disk, or neither is.
import {
  checklistRecord,
  deviceChangeId,
  mergeRecords,
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

/** What a form was opened on: the record's revision on this phone and its values as shown (notes opened). */
export interface FormBase {
  rev: number;
  /** Undefined for a new record. */
  record?: ChecklistRecord;
}

export interface SaveOptions {
  now?: Date;
  /** The form's draft: dropped in the transaction that saves the record. */
  draftKey?: string;
  /**
   * Given by a form: if the record changed on the phone since the form opened (a pull brought
   * another device's edit, another tab saved), the form's edit is merged onto it field by field,
   * or refused as an EditConflict naming the fields both changed. Without it (tests, tools) the
   * candidate is saved as it is, on the phone's latest revision.
   */
  base?: FormBase;
  /** The person chose her version of the fields both changed; the other fields still merge. */
  preferMine?: boolean;
}

/** The record changed under an open form, in a field the form changed too: the person chooses. */
export class EditConflict extends Error {
  constructor(
    /** The fields both changed; ["deleted"] when it was deleted under the form. */
    readonly fields: string[],
    /** The phone's version now, notes opened (memory only); undefined when deleted. */
    readonly current: ChecklistRecord | undefined,
  ) {
    super(`the record changed under the form: ${fields.join(', ')}`);
    this.name = 'EditConflict';
  }
}

/** A checked record with its notes sealed, ready to be written in a transaction. */
interface PreparedSave {
  record: ChecklistRecord;
  sealed?: SealedText;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const ivText = (sealed: SealedText | undefined) => (sealed ? Array.from(sealed.iv).join(',') : '');

/** The row is as it was when the save read it (nothing wrote it in between). */
function unchanged(now: LocalRecord | undefined, seen: LocalRecord | undefined): boolean {
  if (!now || !seen) return now === seen;
  return (
    now.rev === seen.rev &&
    now.deleted === seen.deleted &&
    now.syncState === seen.syncState &&
    now.updatedAt === seen.updatedAt &&
    now.theirs?.rev === seen.theirs?.rev &&
    ivText(now.sealed) === ivText(seen.sealed) &&
    sameJson(now.body, seen.body)
  );
}

/** The form's edit placed on the record as the phone holds it now. */
async function ontoCurrent(db: NotebookDb, seen: LocalRecord | undefined, mine: ChecklistRecord, options: SaveOptions): Promise<ChecklistRecord> {
  const base = options.base?.record;
  if (!seen) return mine;
  if (seen.deleted) {
    if (options.preferMine) return mine;
    throw new EditConflict(['deleted'], undefined);
  }
  const current = await openedBody(db, seen);
  if (base && sameJson(current, base)) return mine;
  const outcome = mergeRecords(base, mine, current, { preferMine: options.preferMine });
  if (outcome.ok) return outcome.merged;
  throw new EditConflict(outcome.fields, current);
}

/** Writes a prepared save and its outbox entry inside the caller's transaction, on the row as it is now. */
async function writeSave(db: NotebookDb, prepared: PreparedSave, now: Date, existing: LocalRecord | undefined): Promise<LocalRecord> {
  const { record, sealed } = prepared;
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

/**
 * The one save of a record, for the forms and for everything else: validated by the shared
 * schema, placed on the phone's current version (see `SaveOptions.base`), notes sealed, then
 * the record, its outbox entry and the end of its draft in one transaction. Merging and
 * sealing happen before the transaction (IndexedDB ends one that waits on WebCrypto), so the
 * transaction checks that nothing wrote the row meanwhile, and the save starts again if so.
 * A connection closed under the app (iOS) is reopened and the save tried again.
 */
export async function saveRecord(db: NotebookDb, candidate: unknown, options: SaveOptions = {}): Promise<LocalRecord> {
  const now = options.now ?? new Date();
  const checked = validateRecord(candidate);
  if (!checked.ok) throw new ValidationError(checked.issues);
  const mine = checked.record;
  for (let attempt = 1; ; attempt++) {
    // Only a form's save looks at the row first (to merge onto it); any other save writes on the latest revision.
    const seen = options.base ? await withReopen(db, () => db.records.get(mine.id)) : undefined;
    const record = options.base ? await ontoCurrent(db, seen, mine, options) : mine;
    const { value, sealed } = await sealNotes(db.vaultKey, record.id, record);
    const prepared: PreparedSave = { record: value as ChecklistRecord, sealed };
    const saved = await withReopen(db, () =>
      db.transaction('rw', [db.records, db.outbox, db.meta, db.drafts], async () => {
        const existing = await db.records.get(mine.id);
        if (options.base && !unchanged(existing, seen)) return undefined;
        const local = await writeSave(db, prepared, now, existing);
        if (options.draftKey) await db.drafts.delete(options.draftKey);
        return local;
      }),
    );
    if (saved) return saved;
    if (attempt >= 5) throw new Error('the record kept changing while it was saved');
  }
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
  await withReopen(db, () => db.transaction('rw', db.records, db.outbox, db.meta, async () => {
    const local = await db.records.get(id);
    if (!local?.theirs) return;
    const baseRev = local.theirs.rev;
    const op = local.deleted ? 'delete' : 'upsert';
    const sealedParts = { ...(local.sealed ? { sealed: local.sealed } : {}), ...(local.notesOnServer ? { notesKept: true } : {}) };
    await enqueueChange(db, { recordId: id, kind: local.kind, op, baseRev, ...(op === 'upsert' ? { record: local.body, ...sealedParts } : {}) }, now);
    await db.records.put({ ...local, rev: baseRev, theirs: undefined, theirsSealed: undefined, theirsNotesOnServer: undefined, syncState: 'pending', updatedAt: now.toISOString() });
  }));
}

/** Conflict: take the server's version and drop this phone's edit. */
export async function keepTheirs(db: NotebookDb, id: string): Promise<void> {
  await withReopen(db, () => db.transaction('rw', db.records, db.outbox, async () => {
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
  }));
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
