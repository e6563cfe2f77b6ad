// One sync at a time across the tabs of one account, where the browser has no Web Locks: the
// lease in the database keeps two connections (two tabs) from running at once, and a lease
// left by a tab that died runs out.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookDb, takeSyncLease } from '../data/index.ts';
import { leaseExclusive, SYNC_LEASE_MS, syncExclusive } from './exclusive.ts';

const open: NotebookDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
});

function tabs(n: number): NotebookDb[] {
  const name = `lease-${randomUUID()}`;
  const dbs = Array.from({ length: n }, () => new NotebookDb(name));
  open.push(...dbs);
  return dbs;
}

describe('the sync lease (no Web Locks)', () => {
  it('never lets two tabs sync at once', async () => {
    const exclusives = tabs(3).map((db) => leaseExclusive(db, { pollMs: 5 }));
    let running = 0;
    let most = 0;
    const work = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 15));
      running -= 1;
    };
    await Promise.all(exclusives.flatMap((exclusive) => [exclusive(work), exclusive(work)]));
    expect(most).toBe(1);
  });

  it('lets the lease of a tab that died run out', async () => {
    const [dead, alive] = tabs(2);
    const now = Date.now();
    expect(await takeSyncLease(dead!, 1, now, SYNC_LEASE_MS)).toBe(true);
    expect(await takeSyncLease(alive!, 2, now + 1_000, SYNC_LEASE_MS)).toBe(false);
    expect(await takeSyncLease(alive!, 2, now + SYNC_LEASE_MS + 1, SYNC_LEASE_MS)).toBe(true);
  });

  it('gives the lease back when the work fails', async () => {
    const [a, b] = tabs(2);
    await expect(leaseExclusive(a!)(() => Promise.reject(new Error('push failed')))).rejects.toThrow('push failed');
    expect(await takeSyncLease(b!, 9, Date.now(), SYNC_LEASE_MS)).toBe(true);
  });

  it('uses Web Locks where the browser has them', async () => {
    const [db] = tabs(1);
    const names: string[] = [];
    const locks = { request: <T>(name: string, work: () => Promise<T>) => (names.push(name), work()) };
    await syncExclusive(db!, locks)(async () => undefined);
    expect(names).toEqual([`so-tay-sync:${db!.name}`]);
  });
});
