import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newsPost, propagandaSession, violenceCase } from '../../tests/fixtures/records.ts';
import { throwawayDbs } from '../../tests/support/notebook-db.ts';
import { deleteRecord, keepMine, keepTheirs, saveRecord, validateRecord, ValidationError } from './records.ts';
import { applyPushResults, applyPulled, outboxBatch } from './outbox.ts';
import type { ServerRecord } from '../domain/index.ts';

const freshDb = throwawayDbs();

describe('saving a record', () => {
  it('writes the record and its outbox entry together', async () => {
    const db = freshDb();
    const session = propagandaSession();
    await saveRecord(db, session);
    const stored = await db.records.get(session.id);
    expect(stored?.body).toEqual(session);
    expect(stored?.syncState).toBe('pending');
    expect(stored?.quarter).toBe('2026-Q1');
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ seq: 1, op: 'upsert', recordId: session.id, baseRev: 0, record: session });
  });

  it('stores neither the record nor the entry when the outbox write fails', async () => {
    const db = freshDb();
    // A stale sequence counter makes the outbox insert collide with an existing entry.
    await db.outbox.add({ seq: 7, changeId: randomUUID(), recordId: randomUUID(), kind: 'newsPost', op: 'delete', baseRev: 0, createdAt: '' });
    await db.meta.put({ key: 'nextSeq', value: 7 });
    const post = newsPost();
    await expect(saveRecord(db, post)).rejects.toThrow();
    expect(await db.records.get(post.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
    expect((await db.meta.get('nextSeq'))?.value).toBe(7);
  });

  it('refuses an invalid record, names the field, and stores nothing', async () => {
    const db = freshDb();
    const bad = { ...newsPost(), title: '' };
    const error = await saveRecord(db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'title', code: 'required' }]);
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('says plainly what is wrong with each field', () => {
    const { form: _form, ...withoutForm } = propagandaSession();
    const checked = validateRecord({ ...withoutForm, topics: [], menCount: Number.NaN, womenCount: -3 });
    expect(checked.ok).toBe(false);
    const codes = Object.fromEntries((checked.ok ? [] : checked.issues).map((i) => [i.path, i.code]));
    expect(codes).toEqual({ form: 'notChosen', topics: 'chooseAtLeastOne', menCount: 'notNumber', womenCount: 'too_small' });
  });

  it('names a case’s dates out of order together with its other mistakes, in one pass', () => {
    const { reportedBy: _reportedBy, ...withoutReporter } = violenceCase();
    const checked = validateRecord({
      ...withoutReporter,
      acts: [],
      status: 'intervening',
      statusDates: { received: '2026-05-03', verified: '2026-05-02' },
    });
    const codes = Object.fromEntries((checked.ok ? [] : checked.issues).map((i) => [i.path, i.code]));
    expect(codes).toEqual({
      reportedBy: 'notChosen',
      acts: 'chooseAtLeastOne',
      'statusDates.received': 'beforeDetected',
      'statusDates.verified': 'outOfOrder',
      'statusDates.intervening': 'required',
    });
  });

  it('names too few participants together with a form not chosen', () => {
    const { form: _form, ...withoutForm } = propagandaSession();
    const checked = validateRecord({ ...withoutForm, menCount: 0, womenCount: 0 });
    const codes = Object.fromEntries((checked.ok ? [] : checked.issues).map((i) => [i.path, i.code]));
    expect(codes).toEqual({ form: 'notChosen', womenCount: 'noParticipants' });
  });

  it('refuses an identity field on a violence case', async () => {
    const db = freshDb();
    const error = await saveRecord(db, { ...violenceCase(), victimName: 'Nguyễn Thị A' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(await db.records.count()).toBe(0);
  });

  it('numbers changes 1, 2, 3 on this device, even after the outbox drains', async () => {
    const db = freshDb();
    const first = newsPost();
    await saveRecord(db, first);
    const [entry] = await outboxBatch(db, 10);
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'applied', rev: 1, serverSeq: 1 }]);
    await saveRecord(db, { ...first, title: 'Tiêu đề đã sửa' });
    await saveRecord(db, propagandaSession());
    expect((await outboxBatch(db, 10)).map((e) => e.seq)).toEqual([2, 3]);
  });

  it('makes an edit on the revision the phone knows', async () => {
    const db = freshDb();
    const post = newsPost();
    await saveRecord(db, post);
    const [entry] = await outboxBatch(db, 10);
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'applied', rev: 3, serverSeq: 9 }]);
    expect((await db.records.get(post.id))?.syncState).toBe('sent');
    await saveRecord(db, { ...post, title: 'Bản sửa' });
    const [edit] = await outboxBatch(db, 10);
    expect(edit).toMatchObject({ op: 'upsert', baseRev: 3 });
  });
});

describe('a closed connection', () => {
  it('is reopened and the save goes through', async () => {
    const db = freshDb();
    await saveRecord(db, newsPost());
    db.close({ disableAutoOpen: true }); // closed under the app, as iOS does under memory pressure
    const post = newsPost();
    await saveRecord(db, post);
    expect((await db.records.get(post.id))?.body).toEqual(post);
    expect(await db.outbox.count()).toBe(2);
  });
});

describe('deleting a record', () => {
  it('queues a tombstone on the known revision and drops the row once the server has it', async () => {
    const db = freshDb();
    const post = newsPost();
    await saveRecord(db, post);
    let [entry] = await outboxBatch(db, 10);
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'applied', rev: 1, serverSeq: 1 }]);
    await deleteRecord(db, post.id);
    [entry] = await outboxBatch(db, 10);
    expect(entry).toMatchObject({ op: 'delete', recordId: post.id, kind: 'newsPost', baseRev: 1 });
    expect(entry?.record).toBeUndefined();
    expect((await db.records.get(post.id))?.deleted).toBe(true);
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'applied', rev: 2, serverSeq: 2 }]);
    expect(await db.records.get(post.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("the server's answers", () => {
  const serverVersion = (record: ReturnType<typeof newsPost>, rev: number): ServerRecord => ({
    id: record.id,
    kind: record.kind,
    unitId: record.unitId,
    rev,
    deleted: false,
    record,
    receivedAt: '2026-11-20T03:00:00.000Z',
    serverSeq: 40,
  });

  it('keeps both versions on a conflict, and the entry leaves the outbox', async () => {
    const db = freshDb();
    const mine = newsPost({ title: 'Bản của tổ trưởng' });
    await saveRecord(db, mine);
    const [entry] = await outboxBatch(db, 10);
    const theirs = serverVersion({ ...mine, title: 'Bản của cán bộ' }, 2);
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'conflict', server: theirs }]);
    const local = await db.records.get(mine.id);
    expect(local?.syncState).toBe('conflict');
    expect(local?.body.kind === 'newsPost' && local.body.title).toBe('Bản của tổ trưởng');
    expect(local?.theirs?.record).toEqual(theirs.record);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keep mine sends this version again on top of the server revision', async () => {
    const db = freshDb();
    const mine = newsPost({ title: 'Bản của tổ trưởng' });
    await saveRecord(db, mine);
    const [entry] = await outboxBatch(db, 10);
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'conflict', server: serverVersion({ ...mine, title: 'Khác' }, 4) }]);
    await keepMine(db, mine.id);
    const [again] = await outboxBatch(db, 10);
    expect(again).toMatchObject({ op: 'upsert', baseRev: 4, record: mine });
    expect((await db.records.get(mine.id))?.syncState).toBe('pending');
  });

  it('an edit of a record in conflict resolves it on top of the server revision', async () => {
    const db = freshDb();
    const mine = newsPost({ title: 'Bản của tổ trưởng' });
    await saveRecord(db, mine);
    const [entry] = await outboxBatch(db, 10);
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'conflict', server: serverVersion({ ...mine, title: 'Khác' }, 6) }]);
    const edited = { ...mine, title: 'Bản đã thống nhất' };
    await saveRecord(db, edited);
    const [again] = await outboxBatch(db, 10);
    expect(again).toMatchObject({ op: 'upsert', baseRev: 6, record: edited });
    const local = await db.records.get(mine.id);
    expect(local?.syncState).toBe('pending');
    expect(local?.theirs).toBeUndefined();
  });

  it('keep theirs replaces the local version with the server one', async () => {
    const db = freshDb();
    const mine = newsPost({ title: 'Bản của tổ trưởng' });
    await saveRecord(db, mine);
    const [entry] = await outboxBatch(db, 10);
    const theirs = { ...mine, title: 'Bản của cán bộ' };
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'conflict', server: serverVersion(theirs, 4) }]);
    await keepTheirs(db, mine.id);
    const local = await db.records.get(mine.id);
    expect(local).toMatchObject({ syncState: 'sent', rev: 4, body: theirs });
  });

  it('marks a rejected change with its reason and keeps the record on the phone', async () => {
    const db = freshDb();
    const post = newsPost();
    await saveRecord(db, post);
    const [entry] = await outboxBatch(db, 10);
    await applyPushResults(db, [entry!], [{ changeId: entry!.changeId, status: 'rejected', reason: 'forbidden_unit', fields: ['unitId'] }]);
    const local = await db.records.get(post.id);
    expect(local).toMatchObject({ syncState: 'rejected', rejection: { reason: 'forbidden_unit', fields: ['unitId'] }, body: post });
  });

  it('leaves an unanswered change in the outbox', async () => {
    const db = freshDb();
    await saveRecord(db, newsPost());
    await saveRecord(db, newsPost());
    const entries = await outboxBatch(db, 10);
    await applyPushResults(db, entries, [{ changeId: entries[0]!.changeId, status: 'applied', rev: 1, serverSeq: 1 }]);
    expect((await outboxBatch(db, 10)).map((e) => e.seq)).toEqual([2]);
  });

  it('a pull never overwrites a local edit that is still queued', async () => {
    const db = freshDb();
    const post = newsPost({ title: 'Sửa trên điện thoại' });
    await saveRecord(db, post);
    await applyPulled(db, [serverVersion({ ...post, title: 'Trên máy chủ' }, 5)]);
    const local = await db.records.get(post.id);
    expect(local?.body.kind === 'newsPost' && local.body.title).toBe('Sửa trên điện thoại');
    expect(await db.outbox.count()).toBe(1);
  });

  it('a pull adds records from elsewhere and removes tombstoned ones', async () => {
    const db = freshDb();
    const other = newsPost();
    await applyPulled(db, [serverVersion(other, 1)]);
    expect(await db.records.get(other.id)).toMatchObject({ syncState: 'sent', rev: 1, body: other });
    await applyPulled(db, [{ ...serverVersion(other, 2), deleted: true }]);
    expect(await db.records.get(other.id)).toBeUndefined();
  });
});
