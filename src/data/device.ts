// Device-level values outside the record tables (device id, session, sync cursor), in a
// small idb-keyval store that the service worker can read as well.
import { clear, createStore, get, set, del, type UseStore } from 'idb-keyval';
import { newId, type SignInResponse } from '../domain/index.ts';

export interface DeviceStore {
  deviceId(): Promise<string>;
  session(): Promise<SignInResponse | undefined>;
  setSession(session: SignInResponse): Promise<void>;
  clearSession(): Promise<void>;
  cursor(): Promise<number>;
  setCursor(cursor: number): Promise<void>;
  /** When the last sync finished, by this phone's clock: shown to the user, never used for ordering. */
  lastSyncAt(): Promise<number | undefined>;
  setLastSyncAt(at: number): Promise<void>;
  /** Forgets everything: session, cursor, device id (a revoked device). */
  wipe(): Promise<void>;
}

export function idbDeviceStore(store: UseStore = createStore('so-tay-device', 'values')): DeviceStore {
  return {
    async deviceId() {
      const existing = await get<string>('deviceId', store);
      if (existing) return existing;
      const id = newId();
      await set('deviceId', id, store);
      return id;
    },
    session: () => get<SignInResponse>('session', store),
    setSession: (session) => set('session', session, store),
    clearSession: () => del('session', store),
    cursor: async () => (await get<number>('cursor', store)) ?? 0,
    setCursor: (cursor) => set('cursor', cursor, store),
    lastSyncAt: () => get<number>('lastSyncAt', store),
    setLastSyncAt: (at) => set('lastSyncAt', at, store),
    wipe: () => clear(store),
  };
}
