// A device id belongs to the first account that used it. On a shared phone the sign-in screen
// may send an id another account holds (the phone picks one for a user name it does not know
// yet); the server answers with a fresh id and the phone keeps that one for the new account,
// while the first account keeps its own. The sign-in path the app runs (src/sync/session.ts
// signIn, then completeSignIn), over fake-indexeddb and the real server in-process.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { createStore } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { completeSignIn } from '../../src/app/lock/vaultSession.ts';
import { idbPhoneStore, notebookDb } from '../../src/data/index.ts';
import { signIn } from '../../src/sync/session.ts';
import { startServer, type TestServer } from '../server/harness.ts';
import { DEMO_PIN } from '../../server/store/demo.ts';

let server: TestServer;
afterEach(async () => {
  await server?.close();
});

describe('the device id a phone signs in with', () => {
  it("is replaced by the server's fresh one when it is another account's, and the owner keeps its own", async () => {
    server = await startServer();
    const fetchFn = ((input: RequestInfo | URL, init?: RequestInit) => server.app.request(String(input), init)) as typeof fetch;
    const phone = idbPhoneStore(createStore(`device-${randomUUID()}`, 'values'));

    // tdp1 enrolled on this phone (no user name typed) with the phone's first device id.
    const first = await phone.deviceIdForSignIn('tdp1');
    const owner = await signIn('', { username: 'tdp1', pin: DEMO_PIN, deviceId: first }, fetchFn);
    if (!owner.ok) throw new Error(`tdp1 did not sign in: ${owner.status}`);
    expect(owner.value.deviceId).toBe(first);
    const opened = await completeSignIn(phone, { answer: owner.value, pin: DEMO_PIN, deviceId: first });
    opened.db.close();
    expect(await phone.device('tdp1').deviceId()).toBe(first);

    // tdp2 signs in on the same phone; the phone offers the id it knows, tdp1's.
    const offered = await phone.deviceIdForSignIn('tdp2');
    expect(offered).toBe(first);
    const second = await signIn('', { username: 'tdp2', pin: DEMO_PIN, deviceId: offered }, fetchFn);
    if (!second.ok) throw new Error(`tdp2 did not sign in: ${second.status}`);
    const issued = second.value.deviceId;
    expect(issued).toBeDefined();
    expect(issued).not.toBe(first);
    const openedSecond = await completeSignIn(phone, { answer: second.value, username: 'tdp2', pin: DEMO_PIN, deviceId: offered });
    openedSecond.db.close();

    expect(await phone.device('tdp2').deviceId()).toBe(issued);
    expect(await phone.device('tdp1').deviceId()).toBe(first);
    const rows = await server.store.db.selectFrom('devices').select(['id', 'user_id']).orderBy('user_id').execute();
    expect(rows).toEqual([
      { id: first, user_id: 'tdp1' },
      { id: issued, user_id: 'tdp2' },
    ]);
    for (const account of await phone.accounts()) await notebookDb(account.dbName).delete();
  });
});
