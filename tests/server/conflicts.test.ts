import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteOf, propagandaSession, upsertOf, violenceCase } from '../fixtures/records.ts';
import { startServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const storedBody = async (id: string) => {
  const row = await server.store.db.selectFrom('records').select(['body', 'rev']).where('id', '=', id).executeTakeFirstOrThrow();
  return { rev: row.rev, record: row.body === null ? null : JSON.parse(row.body) };
};

describe('revisions and conflicts', () => {
  it('returns a conflict carrying the server version to another device editing a stale revision', async () => {
    const phone = await server.device('tdp1');
    const office = await server.device('canbo');
    const created = propagandaSession();
    await phone.push([upsertOf(created, 1)]);
    const officerEdit = { ...created, menCount: 25 };
    const officerPush = await office.push([upsertOf(officerEdit, 1, 1)]);
    expect(officerPush.body.results[0]).toMatchObject({ status: 'applied', rev: 2, serverSeq: 2 });

    // The phone still edits revision 1, and the same field.
    const staleEdit = upsertOf({ ...created, menCount: 30 }, 2, 1);
    const response = await phone.push([staleEdit]);
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      {
        changeId: staleEdit.changeId,
        status: 'conflict',
        server: {
          id: created.id,
          kind: 'propagandaSession',
          unitId: 'tdp-1',
          rev: 2,
          deleted: false,
          record: officerEdit,
          receivedAt: '2026-06-01T02:30:00.000Z',
          serverSeq: 2,
        },
      },
    ]);
    expect(await storedBody(created.id)).toEqual({ rev: 2, record: officerEdit });
    // The conflict is remembered: a resend gets the same answer.
    const resend = await phone.push([staleEdit]);
    expect(resend.body).toEqual(response.body);
  });

  it('applies an edit from the device that made the current revision, even on its older base', async () => {
    const phone = await server.device('tdp1');
    const created = violenceCase();
    await phone.push([upsertOf(created, 1)]);
    // Edited again before the phone learnt it had made rev 1: still based on 0.
    const edited = { ...created, perpetratorCounselled: true };
    const response = await phone.push([upsertOf(edited, 2, 0)]);
    expect(response.body.results[0]).toMatchObject({ status: 'applied', rev: 2, serverSeq: 2 });
    expect(await storedBody(created.id)).toEqual({ rev: 2, record: edited });
  });

  it('keeps a deleted record as a tombstone that pulls with deleted=true and its last body', async () => {
    const phone = await server.device('tdp1');
    const created = propagandaSession();
    await phone.push([upsertOf(created, 1)]);
    const removal = deleteOf(created.id, 'propagandaSession', 2, 1);
    const deleted = await phone.push([removal]);
    expect(deleted.body.results).toEqual([{ changeId: removal.changeId, status: 'applied', rev: 2, serverSeq: 2 }]);

    const pulled = await phone.pull('since=1');
    expect(pulled.body.records).toEqual([
      {
        id: created.id,
        kind: 'propagandaSession',
        unitId: 'tdp-1',
        rev: 2,
        deleted: true,
        record: created,
        receivedAt: '2026-06-01T02:30:00.000Z',
        serverSeq: 2,
      },
    ]);
    expect(await server.countRows('records')).toBe(1);
  });

  it('stores a tombstone without a body for a record the server never saw', async () => {
    const phone = await server.device('tdp1');
    const recordId = randomUUID();
    await phone.push([deleteOf(recordId, 'newsPost', 1, 0)]);
    const pulled = await phone.pull();
    expect(pulled.body.records).toEqual([
      {
        id: recordId,
        kind: 'newsPost',
        unitId: 'tdp-1',
        rev: 1,
        deleted: true,
        record: null,
        receivedAt: '2026-06-01T02:30:00.000Z',
        serverSeq: 1,
      },
    ]);
  });

  it('conflicts on a delete from another device made on a stale revision', async () => {
    const phone = await server.device('tdp1');
    const otherPhone = await server.device('tdp1');
    const created = propagandaSession();
    await phone.push([upsertOf(created, 1)]);
    await phone.push([upsertOf({ ...created, householdsReached: 50 }, 2, 1)]);
    const response = await otherPhone.push([deleteOf(created.id, 'propagandaSession', 1, 1)]);
    expect(response.body.results[0].status).toBe('conflict');
    expect(response.body.results[0].server.rev).toBe(2);
    const row = await server.store.db.selectFrom('records').select('deleted').executeTakeFirstOrThrow();
    expect(row.deleted).toBe(0);
  });

  it('merges a stale edit that changed other fields, and keeps every revision in the history', async () => {
    const phone = await server.device('tdp1');
    const office = await server.device('canbo');
    const created = propagandaSession();
    await phone.push([upsertOf(created, 1)]);
    await office.push([upsertOf({ ...created, householdsReached: 60 }, 1, 1)]);
    const staleEdit = upsertOf({ ...created, note: 'Họp tại nhà văn hóa' }, 2, 1);
    const response = await phone.push([staleEdit]);
    const both = { ...created, householdsReached: 60, note: 'Họp tại nhà văn hóa' };
    expect(response.body.results).toEqual([{ changeId: staleEdit.changeId, status: 'applied', rev: 3, serverSeq: 3, merged: both }]);
    expect(await storedBody(created.id)).toEqual({ rev: 3, record: both });
    const history = await server.store.db
      .selectFrom('record_versions')
      .select(['rev', 'device_id', 'body'])
      .where('record_id', '=', created.id)
      .orderBy('rev')
      .execute();
    expect(history.map((v) => [v.rev, v.device_id === phone.deviceId ? 'phone' : 'office', JSON.parse(v.body!).householdsReached])).toEqual([
      [1, 'phone', created.householdsReached],
      [2, 'office', 60],
      [3, 'phone', 60],
    ]);
  });
});
