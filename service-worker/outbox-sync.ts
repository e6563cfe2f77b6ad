// Background Sync (Chromium): when the connection returns and the app is not open, the
// browser wakes this worker, which sends the signed-in account's outbox with the same engine
// the page uses, carried by the session cookie. The worker cannot know the PIN: it sends in
// order up to the first change with sealed case notes, and leaves that one and the rest for
// the app, which sends them once unlocked. It never pulls (it could not seal what comes).
// It syncs alone: never while an open tab of the same account does (`syncExclusive`).
// If changes it could send are left, the event fails so that the browser tries again later.
import { idbPhoneStore, notebookDb, outboxSize } from '../src/data/index.ts';
import { createSyncApi, SyncEngine, syncExclusive } from '../src/sync/index.ts';

export async function syncFromWorker(): Promise<void> {
  const phone = idbPhoneStore();
  const profile = await phone.session();
  if (!profile) return;
  const account = await phone.account(profile.user.id);
  if (!account) return;
  const db = notebookDb(account.dbName);
  const device = phone.device(account.userId);
  const engine = new SyncEngine({
    db,
    api: createSyncApi({ baseUrl: '' }),
    device,
    pushOnly: true,
    exclusive: syncExclusive(db),
    setTimer: () => undefined,
    clearTimer: () => undefined,
  });
  await engine.syncNow();
  const status = engine.status.get();
  if (status.phase !== 'signedOut' && status.phase !== 'wiped' && !status.heldForUnlock && (await outboxSize(db)) > 0) {
    throw new Error('changes are still waiting: the browser will retry');
  }
}
