// What the sync engine keeps for one account on this phone (its device id, sync cursor, last
// sync time, how far its clock is off), in a small idb-keyval store that the service worker can read as well. Accounts
// sharing a phone share the store under their own key prefix.
import { clear, createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { newId } from '../domain/ids.ts';

export interface DeviceStore {
  deviceId(): Promise<string>;
  cursor(): Promise<number>;
  setCursor(cursor: number): Promise<void>;
  /** When the last sync finished, by this phone's clock: shown to the user, never used for ordering. */
  lastSyncAt(): Promise<number | undefined>;
  setLastSyncAt(at: number): Promise<void>;
  /** How far this phone's clock is behind the server's (ms, negative: ahead), as learnt at the last sync. */
  clockOffset(): Promise<number | undefined>;
  setClockOffset(offsetMs: number): Promise<void>;
  /** Forgets everything of this account here: cursor, device id (a revoked device). */
  wipe(): Promise<void>;
}

export const DEVICE_STORE_NAME = 'so-tay-device';

export function phoneKeyValueStore(): UseStore {
  return createStore(DEVICE_STORE_NAME, 'values');
}

/** `prefix` ("<userId>:") keeps one account's values apart from the others' on a shared phone. */
export function idbDeviceStore(store: UseStore = phoneKeyValueStore(), prefix = ''): DeviceStore {
  const key = (name: string) => `${prefix}${name}`;
  return {
    async deviceId() {
      const existing = await get<string>(key('deviceId'), store);
      if (existing) return existing;
      const id = newId();
      await set(key('deviceId'), id, store);
      return id;
    },
    cursor: async () => (await get<number>(key('cursor'), store)) ?? 0,
    setCursor: (cursor) => set(key('cursor'), cursor, store),
    lastSyncAt: () => get<number>(key('lastSyncAt'), store),
    setLastSyncAt: (at) => set(key('lastSyncAt'), at, store),
    clockOffset: () => get<number>(key('clockOffset'), store),
    setClockOffset: (offsetMs) => set(key('clockOffset'), offsetMs, store),
    async wipe() {
      if (!prefix) return clear(store);
      const mine = (await keys(store)).filter((k) => typeof k === 'string' && k.startsWith(prefix));
      await Promise.all(mine.map((k) => del(k, store)));
    },
  };
}
