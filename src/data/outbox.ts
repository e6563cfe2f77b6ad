// What the sync engine reads and writes: the outbox in device order, the server's answers
// to a push, and the records a pull brings. An entry leaves the outbox only when the server
// has answered that very change (applied, conflict or rejected); nothing expires.
import type { Change, ChangeResult, ChecklistRecord, ServerRecord } from '../domain/index.ts';
import { fromServer } from './records.ts';
import type { LocalRecord, NotebookDb, OutboxEntry } from './db.ts';
import { withReopen } from './reopen.ts';
import { openNotes, sealNotes, type SealedText } from './sealed.ts';

export async function outboxBatch(db: NotebookDb, limit: number): Promise<OutboxEntry[]> {
  return withReopen(db, () => db.outbox.orderBy('seq').limit(limit).toArray());
}

export function toChange(entry: OutboxEntry): Change {
  if (entry.op === 'delete') {
    return { changeId: entry.changeId, seq: entry.seq, op: 'delete', recordId: entry.recordId, kind: entry.kind, baseRev: entry.baseRev };
  }
  if (!entry.record) throw new Error(`outbox entry ${entry.seq} has no record`);
  return { changeId: entry.changeId, seq: entry.seq, op: 'upsert', recordId: entry.recordId, baseRev: entry.baseRev, record: entry.record };
}

/**
 * The changes of these entries as they go on the wire, notes opened in memory. Without the
 * vault's key (the service worker, or a locked app) it stops before the first entry with
 * sealed notes: the rest waits, in order, for the app to be unlocked.
 */
export async function changesToSend(db: NotebookDb, entries: OutboxEntry[]): Promise<{ entries: OutboxEntry[]; changes: Change[] }> {
  const ready: OutboxEntry[] = [];
  const changes: Change[] = [];
  for (const entry of entries) {
    if (entry.sealed && !db.vaultKey) break;
    const change = toChange(entry);
    if (change.op === 'upsert') {
      change.record = (await openNotes(db.vaultKey, entry.recordId, change.record, entry.sealed)) as ChecklistRecord;
      if (entry.notesKept) change.notesKept = true;
    }
    ready.push(entry);
    changes.push(change);
  }
  return { entries: ready, changes };
}

/** A closed case is not needed offline any more: once the server holds it, its notes leave the phone. */
const notesLeaveThePhone = (record: ChecklistRecord | null | undefined) => record?.kind === 'violenceCase' && record.status === 'closed';

interface SealedServerRecord {
  record: ChecklistRecord;
  sealed?: SealedText;
  /** The server holds notes this phone does not keep. */
  notesOnServer?: boolean;
}

/** A record from the server as it may rest on the phone: notes sealed, or not kept at all. */
async function sealFromServer(db: NotebookDb, record: ChecklistRecord): Promise<SealedServerRecord> {
  const hasNotes = record.kind === 'violenceCase' && Boolean(record.notes);
  if (!hasNotes) return { record };
  const { notes: _notes, ...rest } = record as ChecklistRecord & { notes?: string };
  const bare = rest as ChecklistRecord;
  // Without the key (a locked app) the notes cannot be sealed: they stay on the server.
  if (notesLeaveThePhone(record) || !db.vaultKey) return { record: bare, notesOnServer: true };
  const { sealed } = await sealNotes(db.vaultKey, record.id, record);
  return { record: bare, sealed };
}

function placeSealed(local: LocalRecord, sealed: SealedServerRecord): LocalRecord {
  const row: LocalRecord = { ...local, body: sealed.record, sealed: sealed.sealed, notesOnServer: sealed.notesOnServer };
  if (!row.sealed) delete row.sealed;
  if (!row.notesOnServer) delete row.notesOnServer;
  return row;
}

async function sealServerCopy(db: NotebookDb, server: ServerRecord): Promise<{ theirs: ServerRecord; theirsSealed?: SealedText; notesOnServer?: boolean }> {
  if (!server.record) return { theirs: server };
  const sealed = await sealFromServer(db, server.record);
  return {
    theirs: { ...server, record: sealed.record },
    ...(sealed.sealed ? { theirsSealed: sealed.sealed } : {}),
    ...(sealed.notesOnServer ? { notesOnServer: true } : {}),
  };
}

export async function applyPushResults(db: NotebookDb, entries: OutboxEntry[], results: ChangeResult[]): Promise<void> {
  const byChange = new Map(results.map((r) => [r.changeId, r]));
  // Sealing first: IndexedDB ends a transaction that waits on WebCrypto.
  const merged = new Map<string, SealedServerRecord>();
  const theirs = new Map<string, { theirs: ServerRecord; theirsSealed?: SealedText; theirsNotesOnServer?: boolean }>();
  for (const result of results) {
    if (result.status === 'applied' && result.merged) merged.set(result.changeId, await sealFromServer(db, result.merged));
    if (result.status === 'conflict') {
      const { notesOnServer, ...copy } = await sealServerCopy(db, result.server);
      theirs.set(result.changeId, { ...copy, ...(notesOnServer ? { theirsNotesOnServer: true } : {}) });
    }
  }
  const recordIds = [...new Set(entries.map((entry) => entry.recordId))];
  await db.transaction('rw', db.records, db.outbox, async () => {
    // Read once, decide in memory in the batch's order, write once: a batch of 500 answers
    // costs a few IndexedDB requests instead of four per change.
    const locals = new Map<string, LocalRecord | undefined>();
    (await db.records.bulkGet(recordIds)).forEach((local, i) => locals.set(recordIds[i]!, local));
    const queued = new Map<string, Set<number>>();
    for (const entry of await db.outbox.where('recordId').anyOf(recordIds).toArray()) {
      if (!queued.has(entry.recordId)) queued.set(entry.recordId, new Set());
      queued.get(entry.recordId)!.add(entry.seq);
    }
    const answered: number[] = [];
    const changed = new Set<string>();
    for (const entry of entries) {
      const result = byChange.get(entry.changeId);
      if (!result) continue; // not answered: stays in the outbox for the next push
      answered.push(entry.seq);
      queued.get(entry.recordId)?.delete(entry.seq);
      const local = locals.get(entry.recordId);
      if (!local) continue;
      const stillQueued = (queued.get(entry.recordId)?.size ?? 0) > 0;
      changed.add(entry.recordId);
      if (result.status === 'applied') {
        if (stillQueued) {
          locals.set(local.id, { ...local, rev: result.rev });
        } else if (local.deleted) {
          locals.set(local.id, undefined);
        } else if (result.merged) {
          // The server kept this edit and a newer one from elsewhere: show the merged record.
          const sealed = merged.get(entry.changeId)!;
          locals.set(local.id, placeSealed({ ...fromServer(sealed.record, result.rev, local.updatedAt), theirs: undefined }, sealed));
        } else if (notesLeaveThePhone(local.body) && (local.sealed || local.notesOnServer)) {
          // A closed case the server now holds: its notes leave the phone.
          locals.set(local.id, placeSealed({ ...local, rev: result.rev, syncState: 'sent', rejection: undefined }, { record: local.body, notesOnServer: true }));
        } else {
          locals.set(local.id, { ...local, rev: result.rev, syncState: 'sent', rejection: undefined });
        }
      } else if (result.status === 'conflict') {
        locals.set(local.id, { ...local, syncState: 'conflict', ...theirs.get(entry.changeId)! });
      } else {
        locals.set(local.id, { ...local, syncState: 'rejected', rejection: { reason: result.reason, fields: result.fields } });
      }
    }
    await db.outbox.bulkDelete(answered);
    const kept = [...changed].map((id) => locals.get(id)).filter((local): local is LocalRecord => local !== undefined);
    await db.records.bulkPut(kept);
    await db.records.bulkDelete([...changed].filter((id) => locals.get(id) === undefined));
  });
}

/** Records the server sent. A record with local work not yet answered keeps the local version. */
export async function applyPulled(db: NotebookDb, pulled: ServerRecord[], now = new Date()): Promise<void> {
  // Sealing first: IndexedDB ends a transaction that waits on WebCrypto.
  const records = await Promise.all(pulled.map((server) => sealServerCopy(db, server)));
  await db.transaction('rw', db.records, db.outbox, async () => {
    for (const { theirs: server, theirsSealed, notesOnServer } of records) {
      const local = await db.records.get(server.id);
      const queued = (await db.outbox.where('recordId').equals(server.id).count()) > 0;
      if (local && local.syncState === 'conflict') {
        if (server.rev > (local.theirs?.rev ?? 0)) await db.records.put({ ...local, theirs: server, theirsSealed, theirsNotesOnServer: notesOnServer });
        continue;
      }
      if (queued || local?.syncState === 'rejected') continue;
      if (local && local.rev >= server.rev) continue;
      if (server.deleted || !server.record) {
        if (local) await db.records.delete(server.id);
        continue;
      }
      await db.records.put(placeSealed(fromServer(server.record, server.rev, local?.updatedAt ?? now.toISOString()), { record: server.record, sealed: theirsSealed, notesOnServer }));
    }
  });
}

export async function outboxSize(db: NotebookDb): Promise<number> {
  return db.outbox.count();
}
