// Case notes against the real server code: sent with the notes opened from the phone's vault,
// removed from the phone once a closed case is on the server, and a later edit from that phone
// (which no longer holds them) never wipes the server's notes. A locked phone (the service
// worker) sends what comes before the first sealed change and leaves the rest.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openedBody, saveRecord } from '../../src/data/index.ts';
import { newsPost, violenceCase } from '../fixtures/records.ts';
import type { TestServer } from '../server/harness.ts';
import { syncTestbed } from '../support/sync-phone.ts';

const testbed = syncTestbed();
const NOTE = 'Hoà giải lần hai tại nhà văn hoá';
const phone = (s: TestServer, engine: { pushOnly?: boolean } = {}) => testbed.phone(s, { vault: true, engine });

async function serverBody(s: TestServer, id: string) {
  const row = await s.store.db.selectFrom('records').select('body').where('id', '=', id).executeTakeFirstOrThrow();
  return JSON.parse(row.body!) as Record<string, unknown>;
}

const closedDates = { received: '2026-05-04', verified: '2026-05-05', intervening: '2026-05-06', closed: '2026-05-20' };

describe('case notes between the phone and the server', () => {
  it('reach the server opened, leave the phone once the case is closed and sent, and survive a later edit', async () => {
    const s = await testbed.server();
    const { db, engine } = await phone(s);
    const kase = violenceCase({ notes: NOTE });
    await saveRecord(db, kase);
    await engine.syncNow();
    expect((await serverBody(s, kase.id)).notes).toBe(NOTE);
    // Still open: the notes stay on the phone (sealed) for the village head to read offline.
    expect(await openedBody(db, (await db.records.get(kase.id))!)).toEqual(kase);

    const closed = { ...kase, status: 'closed' as const, statusDates: closedDates };
    await saveRecord(db, closed);
    await engine.syncNow();
    const local = (await db.records.get(kase.id))!;
    expect(local).toMatchObject({ syncState: 'sent', notesOnServer: true });
    expect(local.sealed).toBeUndefined();
    expect((await openedBody(db, local)).kind === 'violenceCase' && ((await openedBody(db, local)) as { notes?: string }).notes).toBeFalsy();

    // An edit from the form, which no longer has the notes: the server keeps them.
    await saveRecord(db, { ...(await openedBody(db, local)), perpetratorCounselled: true });
    await engine.syncNow();
    const after = await serverBody(s, kase.id);
    expect(after.perpetratorCounselled).toBe(true);
    expect(after.notes).toBe(NOTE);

    // New notes written on the phone do replace them.
    await saveRecord(db, { ...(await openedBody(db, (await db.records.get(kase.id))!)), notes: 'Đã kết thúc, nạn nhân an toàn' });
    await engine.syncNow();
    expect((await serverBody(s, kase.id)).notes).toBe('Đã kết thúc, nạn nhân an toàn');
  });

  it('wait on a locked phone: it sends what comes before the first sealed change and nothing after', async () => {
    const s = await testbed.server();
    const { db, engine } = await phone(s, { pushOnly: true });
    const first = newsPost({ unitId: 'tdp-1', reporterId: 'tdp1' });
    const kase = violenceCase({ notes: NOTE });
    const last = newsPost({ unitId: 'tdp-1', reporterId: 'tdp1' });
    for (const record of [first, kase, last]) await saveRecord(db, record);
    db.vaultKey = undefined;
    await engine.syncNow();
    expect(engine.status.get()).toMatchObject({ phase: 'idle', heldForUnlock: true });
    const onServer = await s.store.db.selectFrom('records').select('id').execute();
    expect(onServer.map((r) => r.id)).toEqual([first.id]);
    expect(await db.outbox.count()).toBe(2);
  });
});
