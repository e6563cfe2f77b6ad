// A revoked device (a lost phone) removes everything the app holds on it: records, the outbox,
// drafts, the office's copy of the plan and units, and counters, then the session, cursor and device id, so that nothing of the commune's
// data stays readable and a later sign-in starts as a new device.
import type { NotebookDb } from './db.ts';
import type { DeviceStore } from './device.ts';

export async function wipeLocalData(db: NotebookDb, device: DeviceStore): Promise<void> {
  await db.transaction('rw', [db.records, db.outbox, db.meta, db.drafts, db.office], async () => {
    await Promise.all([db.records.clear(), db.outbox.clear(), db.meta.clear(), db.drafts.clear(), db.office.clear()]);
  });
  await device.wipe();
}
