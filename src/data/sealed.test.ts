// A violence case's notes rest in IndexedDB only as ciphertext: in the records table, the
// outbox, drafts and the server's copy kept in a conflict. They open in memory with the key,
// and a closed case's notes leave the phone once the server holds them.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newsPost, violenceCase } from '../../tests/fixtures/records.ts';
import type { ServerRecord } from '../domain/index.ts';
import type { NotebookDb } from './db.ts';
import { throwawayDbs } from '../../tests/support/notebook-db.ts';
import { keepDraft, loadDraft } from './drafts.ts';
import { applyPulled, applyPushResults, changesToSend, outboxBatch } from './outbox.ts';
import { keepTheirs, openedBody, openedTheirs, saveRecord } from './records.ts';
import { VaultLockedError } from './sealed.ts';
import { sealLeftoverNotes } from './sealLeftovers.ts';
import { createVault } from './vault.ts';

const NOTE = 'Người chồng say rượu đánh vợ tối 03/5';
const freshDb = throwawayDbs();
async function unlockedDb(): Promise<NotebookDb> {
  const db = freshDb();
  db.vaultKey = (await createVault('2580', 1000)).key;
  return db;
}

/** Everything in the database as text, binary values included byte by byte. */
async function everythingStored(db: NotebookDb): Promise<string> {
  const tables = await Promise.all(db.tables.map((t) => t.toArray()));
  return JSON.stringify(tables, (_, value: unknown) =>
    value instanceof ArrayBuffer || value instanceof Uint8Array ? Buffer.from(value instanceof ArrayBuffer ? value : value.buffer).toString('latin1') : value,
  );
}

const serverCopy = (record: ReturnType<typeof violenceCase>, rev: number): ServerRecord => ({
  id: record.id,
  kind: record.kind,
  unitId: record.unitId,
  rev,
  deleted: false,
  record,
  receivedAt: '2026-05-06T00:00:00.000Z',
  serverSeq: rev,
});

describe('case notes at rest', () => {
  it('are ciphertext in the records table and the outbox, and open with the key', async () => {
    const db = await unlockedDb();
    const kase = violenceCase({ notes: NOTE });
    await saveRecord(db, kase);
    expect(await everythingStored(db)).not.toContain('say rượu');
    const local = (await db.records.get(kase.id))!;
    expect(local.body).not.toHaveProperty('notes');
    expect(local.sealed?.iv).toHaveLength(12);
    expect(await openedBody(db, local)).toEqual(kase);
    // Sent with the notes opened, in memory.
    const { changes } = await changesToSend(db, await outboxBatch(db, 10));
    expect(changes[0]).toMatchObject({ op: 'upsert', record: kase });
  });

  it('are refused with the vault locked, and nothing is stored', async () => {
    const db = await unlockedDb();
    db.vaultKey = undefined;
    await expect(saveRecord(db, violenceCase({ notes: NOTE }))).rejects.toBeInstanceOf(VaultLockedError);
    expect(await db.records.count()).toBe(0);
    // A record without sensitive text needs no key.
    await saveRecord(db, newsPost());
    expect(await db.records.count()).toBe(1);
  });

  it('are ciphertext in a half-filled form', async () => {
    const db = await unlockedDb();
    await keepDraft(db, 'new:violenceCase', { kind: 'violenceCase', id: randomUUID(), notes: NOTE });
    expect(await everythingStored(db)).not.toContain('say rượu');
    expect((await loadDraft(db, 'new:violenceCase'))!.draft.notes).toBe(NOTE);
  });

  it("are ciphertext in the server's copy kept in a conflict, and taking it keeps them sealed", async () => {
    const db = await unlockedDb();
    const mine = violenceCase({ notes: 'Ghi chú của tôi' });
    await saveRecord(db, mine);
    const [entry] = await outboxBatch(db, 1);
    const theirs = { ...mine, notes: 'Ghi chú của xã về vụ say rượu' };
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'conflict', server: serverCopy(theirs, 2) }]);
    expect(await everythingStored(db)).not.toContain('say rượu');
    const local = (await db.records.get(mine.id))!;
    expect(await openedTheirs(db, local)).toEqual(theirs);
    await keepTheirs(db, mine.id);
    expect(await openedBody(db, (await db.records.get(mine.id))!)).toEqual(theirs);
    expect(await everythingStored(db)).not.toContain('say rượu');
  });

  it('are ciphertext when pulled for an open case', async () => {
    const db = await unlockedDb();
    const kase = violenceCase({ notes: NOTE });
    await applyPulled(db, [serverCopy(kase, 1)]);
    expect(await everythingStored(db)).not.toContain('say rượu');
    expect(await openedBody(db, (await db.records.get(kase.id))!)).toEqual(kase);
  });

  it('leave the phone once a closed case is sent, and a later edit says the server keeps them', async () => {
    const db = await unlockedDb();
    const closed = violenceCase({
      notes: NOTE,
      status: 'closed',
      statusDates: { received: '2026-05-04', verified: '2026-05-05', intervening: '2026-05-06', closed: '2026-05-20' },
    });
    await saveRecord(db, closed);
    const [entry] = await outboxBatch(db, 1);
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'applied', rev: 1, serverSeq: 1 }]);
    const local = (await db.records.get(closed.id))!;
    expect(local.sealed).toBeUndefined();
    expect(local.notesOnServer).toBe(true);
    // An edit made afterwards comes without notes and asks the server to keep its own.
    const { notes: _gone, ...withoutNotes } = closed;
    await saveRecord(db, { ...withoutNotes, perpetratorCounselled: true });
    const { changes } = await changesToSend(db, await outboxBatch(db, 10));
    expect(changes[0]).toMatchObject({ op: 'upsert', notesKept: true });
    expect(changes[0]!.op === 'upsert' && changes[0]!.record).not.toHaveProperty('notes');
  });

  it('are not kept when a closed case is pulled', async () => {
    const db = await unlockedDb();
    const closed = violenceCase({
      notes: NOTE,
      status: 'closed',
      statusDates: { received: '2026-05-04', verified: '2026-05-05', intervening: '2026-05-06', closed: '2026-05-20' },
    });
    await applyPulled(db, [serverCopy(closed, 3)]);
    const local = (await db.records.get(closed.id))!;
    expect(local).toMatchObject({ notesOnServer: true, rev: 3 });
    expect(local.sealed).toBeUndefined();
    expect(await everythingStored(db)).not.toContain('say rượu');
  });

  it('hold back a locked phone\'s push at the first sealed change, in order', async () => {
    const db = await unlockedDb();
    const before = newsPost();
    const kase = violenceCase({ notes: NOTE });
    const after = newsPost();
    await saveRecord(db, before);
    await saveRecord(db, kase);
    await saveRecord(db, after);
    db.vaultKey = undefined;
    const ready = await changesToSend(db, await outboxBatch(db, 10));
    expect(ready.entries.map((e) => e.recordId)).toEqual([before.id]);
  });
});

describe('notes from before the phone sealed them', () => {
  it('are sealed in records, outbox and drafts the first time the vault is open', async () => {
    const db = await unlockedDb();
    const key = db.vaultKey;
    db.vaultKey = undefined;
    const kase = violenceCase({ notes: NOTE });
    // As an earlier version stored them: in plaintext.
    await db.records.put({ id: kase.id, kind: kase.kind, unitId: kase.unitId, date: kase.date, quarter: '2026-Q2', body: kase, rev: 0, deleted: false, syncState: 'pending', updatedAt: '' });
    await db.outbox.put({ seq: 1, changeId: randomUUID(), recordId: kase.id, kind: kase.kind, op: 'upsert', baseRev: 0, record: kase, createdAt: '' });
    await db.drafts.put({ key: `record:${kase.id}`, draft: { ...kase }, savedAt: '' });
    expect(await everythingStored(db)).toContain('say rượu');
    db.vaultKey = key;
    expect(await sealLeftoverNotes(db)).toBe(3);
    expect(await everythingStored(db)).not.toContain('say rượu');
    expect(await openedBody(db, (await db.records.get(kase.id))!)).toEqual(kase);
    const { changes } = await changesToSend(db, await outboxBatch(db, 10));
    expect(changes[0]).toMatchObject({ record: kase });
    expect((await loadDraft(db, `record:${kase.id}`))!.draft.notes).toBe(NOTE);
  });
});
