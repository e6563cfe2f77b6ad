// A lost phone: the officer revokes it; on its next contact the server answers device_revoked
// and the phone deletes everything the app holds (records, outbox, drafts, session, cursor,
// device id). The phone's engine over fake-indexeddb, the real server code in-process.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { createStore } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { createVault, idbPhoneStore, keepDraft, NotebookDb, saveRecord } from '../../src/data/index.ts';
import { createSyncApi, SyncEngine } from '../../src/sync/index.ts';
import { propagandaSession, violenceCase } from '../fixtures/records.ts';
import { startServer, type TestServer } from '../server/harness.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function signedInPhone(s: TestServer) {
  const db = new NotebookDb(`phone-${randomUUID()}`);
  const phone = idbPhoneStore(createStore(`device-${randomUUID()}`, 'values'));
  const device = phone.device('tdp1');
  const deviceId = await device.deviceId();
  const signedIn = await s.device('tdp1', deviceId);
  const vault = await createVault('1234', 1000);
  await phone.setVault('tdp1', vault.record);
  db.vaultKey = vault.key;
  await phone.setSession({ user: { id: 'tdp1', displayName: 'Tổ trưởng Tổ dân phố 1', role: 'villageHead' as const, communeId: 'nam-gia-nghia', communeName: 'Phường Nam Gia Nghĩa', unitId: 'tdp-1' }, units: [] });
  const session = { token: signedIn.token };
  const api = createSyncApi({
    baseUrl: '',
    token: async () => session.token,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => s.app.request(String(input), init)) as typeof fetch,
  });
  const engine = new SyncEngine({ db, api, device, setTimer: () => undefined, clearTimer: () => undefined });
  cleanups.push(async () => {
    engine.stop();
    db.close();
    await db.delete();
  });
  return { db, phone, device, engine, deviceId, session };
}

describe('a revoked phone', () => {
  it('wipes its records, outbox, drafts and session on its next contact, and sends nothing', async () => {
    const s = await startServer();
    cleanups.push(() => s.close());
    const phone = await signedInPhone(s);
    const sent = violenceCase({ notes: 'Ghi chú nhạy cảm' });
    await saveRecord(phone.db, sent);
    await phone.engine.syncNow();
    expect(await phone.db.records.get(sent.id)).toMatchObject({ syncState: 'sent' });

    // Lost: the officer revokes it while it holds an unsent record and a half-filled form.
    const unsent = propagandaSession();
    await saveRecord(phone.db, unsent);
    await keepDraft(phone.db, 'new:violenceCase', { caseCode: 'TDP1-2026-02', notes: 'Nửa chừng' });
    const officer = await s.device('canbo');
    const revoked = await s.app.request(`/api/v1/devices/${phone.deviceId}/revoke`, { method: 'POST', headers: { Authorization: `Bearer ${officer.token}` } });
    expect(revoked.status).toBe(200);

    await phone.engine.syncNow();
    expect(phone.engine.status.get().phase).toBe('wiped');
    expect(await phone.db.records.count()).toBe(0);
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await phone.db.drafts.count()).toBe(0);
    expect(await phone.db.meta.count()).toBe(0);
    // The account's vault goes with it: nothing sealed on the phone could be opened again.
    expect(await phone.phone.vault('tdp1')).toBeUndefined();
    expect(phone.db.vaultKey).toBeUndefined();
    expect(await phone.device.cursor()).toBe(0);
    expect(await phone.device.lastSyncAt()).toBeUndefined();
    // A sign-in on this phone later is a new device.
    expect(await phone.device.deviceId()).not.toBe(phone.deviceId);
    // The unsent record never reached the server.
    expect(await s.store.db.selectFrom('records').select('id').where('id', '=', unsent.id).execute()).toEqual([]);

    // It stays stopped: no timer, no further requests.
    await phone.engine.syncNow();
    expect(phone.engine.status.get().phase).toBe('wiped');
  });

  it('keeps everything when the session merely ended (401 without the revoked code)', async () => {
    const s = await startServer();
    cleanups.push(() => s.close());
    const phone = await signedInPhone(s);
    const unsent = propagandaSession();
    await saveRecord(phone.db, unsent);
    phone.session.token = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await phone.engine.syncNow();
    expect(phone.engine.status.get().phase).toBe('signedOut');
    expect(await phone.db.outbox.count()).toBe(1);
    expect(await phone.db.records.get(unsent.id)).toMatchObject({ syncState: 'pending' });
  });
});
