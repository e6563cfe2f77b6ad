// One sync at a time per phone database, where the browser has no Web Locks: a lease kept in
// the database itself, taken and renewed in a transaction (IndexedDB serialises them across
// tabs), so two tabs or a tab and the service worker never push the same outbox at once. A
// holder that dies (a tab killed) lets its lease run out.
import type { NotebookDb } from './db.ts';

const UNTIL = 'syncLeaseUntil';
const HOLDER = 'syncLeaseHolder';

/** Takes the lease for `ms` from `now` if it is free, expired, or already this holder's. */
export async function takeSyncLease(db: NotebookDb, holder: number, now: number, ms: number): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const [until, current] = await db.meta.bulkGet([UNTIL, HOLDER]);
    if (until && current && current.value !== holder && until.value > now) return false;
    await db.meta.bulkPut([
      { key: UNTIL, value: now + ms },
      { key: HOLDER, value: holder },
    ]);
    return true;
  });
}

/** Gives the lease back, if this holder still has it. */
export async function releaseSyncLease(db: NotebookDb, holder: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await db.meta.get(HOLDER))?.value === holder) await db.meta.bulkDelete([UNTIL, HOLDER]);
  });
}
