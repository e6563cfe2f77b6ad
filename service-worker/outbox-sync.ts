// Background Sync (Chromium): when the connection returns and the app is not open, the
// browser wakes this worker, which sends the outbox with the same engine the page uses.
// If changes are left, the event fails so that the browser tries again later.
import { idbDeviceStore, notebookDb, outboxSize } from '../src/data/index.ts';
import { createSyncApi, SyncEngine } from '../src/sync/index.ts';

export async function syncFromWorker(): Promise<void> {
  const device = idbDeviceStore();
  if (!(await device.session())) return;
  const db = notebookDb();
  const api = createSyncApi({ baseUrl: '', token: async () => (await device.session())?.token });
  const engine = new SyncEngine({ db, api, device, setTimer: () => undefined, clearTimer: () => undefined });
  await engine.syncNow();
  if (engine.status.get().phase !== 'signedOut' && (await outboxSize(db)) > 0) {
    throw new Error('changes are still waiting: the browser will retry');
  }
}
