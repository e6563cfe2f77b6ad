// One sync at a time for one account's database, whatever runs it: several tabs or windows,
// and the service worker's Background Sync. A Web Lock where the browser has them (held until
// the work ends, released if the tab dies); otherwise a lease in the database (`syncLease`).
import { releaseSyncLease, takeSyncLease, type NotebookDb } from '../data/index.ts';

export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The lease's length; renewed at a third of it while the work runs. */
export const SYNC_LEASE_MS = 30_000;

export function syncExclusive(
  db: NotebookDb,
  locks: LockManagerLike | undefined = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks,
): Exclusive {
  const name = `so-tay-sync:${db.name}`;
  if (locks) return (work) => locks.request(name, work);
  return leaseExclusive(db);
}

export function leaseExclusive(db: NotebookDb, options: { now?: () => number; pollMs?: number } = {}): Exclusive {
  const now = options.now ?? Date.now;
  return async (work) => {
    // Each run holds the lease under its own number: two runs never share it.
    const holder = Math.floor(Math.random() * 2 ** 31) + 1;
    while (!(await takeSyncLease(db, holder, now(), SYNC_LEASE_MS))) await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
    const renew = setInterval(() => void takeSyncLease(db, holder, now(), SYNC_LEASE_MS).catch(() => undefined), SYNC_LEASE_MS / 3);
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await releaseSyncLease(db, holder).catch(() => undefined);
    }
  };
}
