// What the phone keeps outside the accounts' databases: who is signed in now (their profile,
// never a token: the session is an HttpOnly cookie), the accounts that have a database here,
// and per account its vault and its count of wrong PINs. In the idb-keyval store the service
// worker reads too.
import { del, get, set, type UseStore } from 'idb-keyval';
import { newId } from '../domain/ids.ts';
import type { ProfileResponse } from '../domain/index.ts';
import { dbNameFor, DEFAULT_DB_NAME } from './dbName.ts';
import { idbDeviceStore, phoneKeyValueStore, type DeviceStore } from './device.ts';
import type { VaultRecord } from './vault.ts';

/** An account with a database on this phone. */
export interface PhoneAccount {
  userId: string;
  /** As typed at sign-in (lower case); unknown for an account kept from before accounts had their own database. */
  username?: string;
  displayName: string;
  dbName: string;
}

/** Wrong PINs typed on this phone for one account, by the phone's clock. */
export interface PinAttempts {
  failures: number;
  lastFailureAt: number;
}

export interface PhoneStore {
  /** The signed-in account's profile, or undefined when nobody is signed in. */
  session(): Promise<ProfileResponse | undefined>;
  setSession(profile: ProfileResponse): Promise<void>;
  clearSession(): Promise<void>;
  accounts(): Promise<PhoneAccount[]>;
  account(userId: string): Promise<PhoneAccount | undefined>;
  rememberAccount(account: PhoneAccount): Promise<void>;
  forgetAccount(userId: string): Promise<void>;
  /** The device id to sign in with: the one this username used on this phone before, or a new one. */
  deviceIdForSignIn(username: string): Promise<string>;
  /** The engine's values of one account (device id, cursor). */
  device(userId: string): DeviceStore;
  /** The device id an account signed in with (a new one starts its cursor again). */
  setDeviceId(userId: string, deviceId: string): Promise<void>;
  vault(userId: string): Promise<VaultRecord | undefined>;
  setVault(userId: string, vault: VaultRecord): Promise<void>;
  pinAttempts(userId: string): Promise<PinAttempts>;
  setPinAttempts(userId: string, attempts: PinAttempts): Promise<void>;
}

const NO_ATTEMPTS: PinAttempts = { failures: 0, lastFailureAt: 0 };

export function idbPhoneStore(store: UseStore = phoneKeyValueStore()): PhoneStore {
  const accounts = async () => (await get<PhoneAccount[]>('accounts', store)) ?? [];
  const phone: PhoneStore = {
    async session() {
      const stored = await get<ProfileResponse & { token?: string }>('session', store);
      if (stored?.token !== undefined) {
        await upgradeLegacySession(store, stored);
        return undefined;
      }
      return stored;
    },
    // Only the profile is kept: a token never rests on the phone.
    setSession: ({ user, units }) => set('session', { user, units }, store),
    clearSession: () => del('session', store),
    accounts,
    account: async (userId) => (await accounts()).find((a) => a.userId === userId),
    async rememberAccount(account) {
      const others = (await accounts()).filter((a) => a.userId !== account.userId);
      await set('accounts', [...others, account], store);
    },
    async forgetAccount(userId) {
      await set('accounts', (await accounts()).filter((a) => a.userId !== userId), store);
      await Promise.all([del(`${userId}:vault`, store), del(`${userId}:pinAttempts`, store), phone.device(userId).wipe()]);
      if ((await get<ProfileResponse>('session', store))?.user.id === userId) await del('session', store);
    },
    async deviceIdForSignIn(username) {
      const known = (await accounts()).find((a) => a.username === username) ?? (await accounts()).find((a) => a.username === undefined);
      return known ? phone.device(known.userId).deviceId() : newId();
    },
    device: (userId) => idbDeviceStore(store, `${userId}:`),
    async setDeviceId(userId, deviceId) {
      await phone.device(userId).wipe();
      await set(`${userId}:deviceId`, deviceId, store);
    },
    vault: (userId) => get<VaultRecord>(`${userId}:vault`, store),
    setVault: (userId, vault) => set(`${userId}:vault`, vault, store),
    pinAttempts: async (userId) => (await get<PinAttempts>(`${userId}:pinAttempts`, store)) ?? NO_ATTEMPTS,
    setPinAttempts: (userId, attempts) => set(`${userId}:pinAttempts`, attempts, store),
  };
  return phone;
}

/**
 * A phone from before sessions were cookies kept a token and one database for its one user.
 * The token is dropped (that user signs in again, online); the database stays theirs, with its
 * unsent records, device id and cursor, and goes on from where it was.
 */
async function upgradeLegacySession(store: UseStore, legacy: ProfileResponse): Promise<void> {
  const userId = legacy.user.id;
  const [deviceId, cursor] = await Promise.all([get<string>('deviceId', store), get<number>('cursor', store)]);
  const account: PhoneAccount = { userId, displayName: legacy.user.displayName, dbName: DEFAULT_DB_NAME };
  const list = (await get<PhoneAccount[]>('accounts', store)) ?? [];
  await set('accounts', [...list.filter((a) => a.userId !== userId), account], store);
  if (deviceId) await set(`${userId}:deviceId`, deviceId, store);
  if (cursor !== undefined) await set(`${userId}:cursor`, cursor, store);
  await Promise.all([del('session', store), del('deviceId', store), del('cursor', store), del('lastSyncAt', store)]);
}

/** The database a newly signed-in account uses: its own, or the one it kept from before. */
export function newAccount(profile: ProfileResponse, username: string | undefined, existing?: PhoneAccount): PhoneAccount {
  return { userId: profile.user.id, ...(username === undefined ? {} : { username }), displayName: profile.user.displayName, dbName: existing?.dbName ?? dbNameFor(profile.user.id) };
}
