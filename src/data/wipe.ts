// A revoked device (a lost phone) removes everything the app holds of the revoked account:
// records, the outbox, drafts, the copy of the commune's plan and units, and counters, then its cursor, device id and vault, so that
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
  await clearApiCaches();
}

/**
 * Cache Storage of this origin: the service worker keeps only its precache of the app shell
 * (workbox-precache-*), which holds no API answer and is what opens the app offline, so it
 * stays. Any other cache is the app's too and could hold an answer: it goes at sign-out and at
 * a wipe. (The browser's HTTP cache holds no answer either: the server says no-store, and its
 * sign-out and revoked answers say Clear-Site-Data: "cache".)
 */
export async function clearApiCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PRECACHE_PREFIX)) await caches.delete(name);
  }
}

const PRECACHE_PREFIX = 'workbox-precache';
