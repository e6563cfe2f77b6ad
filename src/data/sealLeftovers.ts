// Case notes written before the phone sealed them (a database kept from an earlier version)
// are sealed the first time the vault is open: records, outbox entries, drafts, and the
// server's copy kept in a conflict. Sealing happens before the write transaction.
import type { LocalRecord, NotebookDb, OutboxEntry } from './db.ts';
import type { DraftRow } from './drafts.ts';
import { sealNotes } from './sealed.ts';

const hasNotes = (value: unknown) => typeof (value as { notes?: unknown } | undefined)?.notes === 'string';

export async function sealLeftoverNotes(db: NotebookDb): Promise<number> {
  if (!db.vaultKey) return 0;
  const key = db.vaultKey;
  const [records, outbox, drafts] = await Promise.all([
    db.records.where('[kind+quarter]').between(['violenceCase', ''], ['violenceCase', '\uffff']).toArray(),
    db.outbox.toArray(),
    db.drafts.toArray(),
  ]);
  const sealedRecords: LocalRecord[] = [];
  for (const local of records.filter((r) => hasNotes(r.body) || hasNotes(r.theirs?.record))) {
    const mine = await sealNotes(key, local.id, local.body);
    const row: LocalRecord = { ...local, body: mine.value as LocalRecord['body'], ...(mine.sealed ? { sealed: mine.sealed } : {}) };
    if (local.theirs?.record && hasNotes(local.theirs.record)) {
      const theirs = await sealNotes(key, local.id, local.theirs.record);
      row.theirs = { ...local.theirs, record: theirs.value as LocalRecord['body'] };
      if (theirs.sealed) row.theirsSealed = theirs.sealed;
    }
    sealedRecords.push(row);
  }
  const sealedOutbox: OutboxEntry[] = [];
  for (const entry of outbox.filter((e) => hasNotes(e.record))) {
    const { value, sealed } = await sealNotes(key, entry.recordId, entry.record!);
    sealedOutbox.push({ ...entry, record: value as OutboxEntry['record'], ...(sealed ? { sealed } : {}) });
  }
  const sealedDrafts: DraftRow[] = [];
  for (const row of drafts.filter((d) => hasNotes(d.draft))) {
    const { value, sealed } = await sealNotes(key, typeof row.draft.id === 'string' ? row.draft.id : row.key, row.draft);
    sealedDrafts.push({ ...row, draft: value, ...(sealed ? { sealed } : {}) });
  }
  const count = sealedRecords.length + sealedOutbox.length + sealedDrafts.length;
  if (count === 0) return 0;
  await db.transaction('rw', [db.records, db.outbox, db.drafts], async () => {
    await db.records.bulkPut(sealedRecords);
    await db.outbox.bulkPut(sealedOutbox);
    await db.drafts.bulkPut(sealedDrafts);
  });
  return count;
}
