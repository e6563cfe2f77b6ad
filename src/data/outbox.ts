// What the sync engine reads and writes: the outbox in device order, the server's answers
// to a push, and the records a pull brings. An entry leaves the outbox only when the server
// has answered that very change (applied, conflict or rejected); nothing expires.
import type { Change, ChangeResult, ServerRecord } from '../domain/index.ts';
import { fromServer } from './records.ts';
import type { LocalRecord, NotebookDb, OutboxEntry } from './db.ts';
import { withReopen } from './reopen.ts';

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

export async function applyPushResults(db: NotebookDb, entries: OutboxEntry[], results: ChangeResult[]): Promise<void> {
  const byChange = new Map(results.map((r) => [r.changeId, r]));
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
          locals.set(local.id, { ...fromServer(result.merged, result.rev, local.updatedAt), theirs: undefined });
        } else {
          locals.set(local.id, { ...local, rev: result.rev, syncState: 'sent', rejection: undefined });
        }
      } else if (result.status === 'conflict') {
        locals.set(local.id, { ...local, syncState: 'conflict', theirs: result.server });
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
export async function applyPulled(db: NotebookDb, records: ServerRecord[], now = new Date()): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, async () => {
    for (const server of records) {
      const local = await db.records.get(server.id);
      const queued = (await db.outbox.where('recordId').equals(server.id).count()) > 0;
      if (local && local.syncState === 'conflict') {
        if (server.rev > (local.theirs?.rev ?? 0)) await db.records.put({ ...local, theirs: server });
        continue;
      }
      if (queued || local?.syncState === 'rejected') continue;
      if (local && local.rev >= server.rev) continue;
      if (server.deleted || !server.record) {
        if (local) await db.records.delete(server.id);
        continue;
      }
      await db.records.put(fromServer(server.record, server.rev, local?.updatedAt ?? now.toISOString()));
    }
  });
}

export async function outboxSize(db: NotebookDb): Promise<number> {
  return db.outbox.count();
}
