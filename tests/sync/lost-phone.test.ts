// A lost phone: the officer revokes it; on its next contact the server answers device_revoked
// and the phone deletes everything the app holds (records, outbox, drafts, session, cursor,
// device id). The phone's engine over fake-indexeddb, the real server code in-process.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { idbPhoneStore, keepDraft, saveRecord } from '../../src/data/index.ts';
import { propagandaSession, violenceCase } from '../fixtures/records.ts';
import type { TestServer } from '../server/harness.ts';
import { syncTestbed } from '../support/sync-phone.ts';

const testbed = syncTestbed();

/** A phone that keeps its accounts as the app does (idbPhoneStore): tdp1's device, vault and session. */
async function signedInPhone(s: TestServer) {
  const phone = idbPhoneStore(createStore(`device-${randomUUID()}`, 'values'));
  const signedIn = await testbed.phone(s, { device: phone.device('tdp1'), vault: true });
  await phone.setVault('tdp1', signedIn.vault!);
  await phone.setSession({
    user: {
      id: 'tdp1',
      displayName: 'Tổ trưởng Tổ dân phố 1',
      role: 'villageHead' as const,
      communeId: 'nam-gia-nghia',
      communeName: 'Phường Nam Gia Nghĩa',
      unitId: 'tdp-1',
    },
    units: [],
  });
  return { ...signedIn, phone };
}

describe('a revoked phone', () => {
  it('wipes its records, outbox, drafts and session on its next contact, and sends nothing', async () => {
    const s = await testbed.server();
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
    const s = await testbed.server();
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
