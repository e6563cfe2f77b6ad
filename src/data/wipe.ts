// A revoked device (a lost phone) removes everything the app holds of the revoked account:
// records, the outbox, drafts, the office's copy of the plan and units, and counters, then its cursor, device id and vault, so that
// nothing of it stays readable and a later sign-in starts as a new device. Other accounts'
// databases on a shared phone are not the revoked device's and stay.
import type { NotebookDb } from './db.ts';
import type { DeviceStore } from './device.ts';

export async function wipeLocalData(db: NotebookDb, device: DeviceStore): Promise<void> {
  await db.transaction('rw', [db.records, db.outbox, db.meta, db.drafts, db.office], async () => {
    await Promise.all([db.records.clear(), db.outbox.clear(), db.meta.clear(), db.drafts.clear(), db.office.clear()]);
  });
  db.vaultKey = undefined;
  await device.wipe();
}
