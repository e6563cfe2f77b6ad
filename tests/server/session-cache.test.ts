// The session cache (server/auth/sessionCache.ts) over the real store: a token's session is
// answered from memory for a moment, yet a device revoked, an account disabled or a session
// ended through this process is refused at the next lookup; a change made behind its back
// (another process on the same database) lasts at most SESSION_CACHE_MS.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/auth/secrets.ts';
import { SESSION_CACHE_MS, withSessionCache } from '../../server/auth/sessionCache.ts';
import { DEMO_COMMUNE_ID, demoCommuneSeed } from '../../server/store/demo.ts';
import { storeGroups, type GroupName } from '../../server/store/groups.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore, type TestStore } from './harness.ts';

const NOW = '2026-06-01T00:00:00.000Z';
const TOKEN = sha256Hex('token-of-phone-1');

let store: TestStore;
let discard: () => Promise<void>;
let cached: Store;
let time: number;
let userId: string;

beforeEach(async () => {
  ({ store, discard } = await openTestStore());
  await store.migrate();
  await store.seedCommune(await demoCommuneSeed());
  userId = (await store.sessions.findUserForSignIn('tdp1'))!.id;
  await store.devices.bind({ deviceId: 'phone-1', userId, tokenHash: TOKEN, now: NOW, expiresAt: '2026-09-01T00:00:00.000Z' });
  time = 1_000_000;
  cached = withSessionCache(store, () => time);
});
afterEach(async () => discard());

/** Revoked behind the cache's back, as another server process would. */
const revokeInTheDatabase = () => store.db.updateTable('devices').set({ revoked_at: NOW }).where('id', '=', 'phone-1').execute();

describe('the session cache', () => {
  it('answers from memory for at most SESSION_CACHE_MS after a change made elsewhere', async () => {
    expect((await cached.sessions.find(TOKEN, NOW))?.actor.deviceId).toBe('phone-1');
    await revokeInTheDatabase();
    time += SESSION_CACHE_MS - 1;
    expect((await cached.sessions.find(TOKEN, NOW))?.actor.deviceId).toBe('phone-1');
    time += 1;
    expect(await cached.sessions.find(TOKEN, NOW)).toBeUndefined();
  });

  it('refuses at once a device revoked, an account disabled or a session ended through this process', async () => {
    const ends: Array<[string, () => Promise<unknown>]> = [
      ['revoked', () => cached.devices.revoke({ communeId: DEMO_COMMUNE_ID, deviceId: 'phone-1', now: NOW })],
      ['disabled', () => cached.accounts.setDisabled({ userId, disabled: true, audit: { communeId: DEMO_COMMUNE_ID, at: NOW, userId, deviceId: null } })],
      ['signed out', () => cached.devices.setSessionExpiry('phone-1', NOW, NOW)],
      ['signed in again', () => cached.devices.bind({ deviceId: 'phone-1', userId, tokenHash: sha256Hex('a new token'), now: NOW })],
    ];
    for (const [what, end] of ends) {
      await store.db.updateTable('devices').set({ revoked_at: null, session_expires_at: '2026-09-01T00:00:00.000Z' }).where('id', '=', 'phone-1').execute();
      await store.db.updateTable('users').set({ disabled_at: null }).where('id', '=', userId).execute();
      await cached.devices.bind({ deviceId: 'phone-1', userId, tokenHash: TOKEN, now: NOW, expiresAt: '2026-09-01T00:00:00.000Z' });
      expect((await cached.sessions.find(TOKEN, NOW))?.actor.deviceId, what).toBe('phone-1');
      await end();
      expect(await cached.sessions.find(TOKEN, NOW), what).toBeUndefined();
    }
  });

  it('never answers a session past its end by the app clock', async () => {
    expect(await cached.sessions.find(TOKEN, NOW)).toBeDefined();
    expect(await cached.sessions.find(TOKEN, '2026-09-01T00:00:00.000Z')).toBeUndefined();
  });
});

describe('the cache rule of the store groups', () => {
  it('clears the cached sessions on every call of a group that writes accounts or devices', () => {
    const writesAccountsOrDevices: GroupName[] = ['devices', 'accounts', 'enrolments'];
    for (const name of writesAccountsOrDevices) expect(storeGroups[name].sessions, name).toBe('clears');
  });

  it('passes every call of every group through, each to the store', () => {
    for (const name of Object.keys(storeGroups) as GroupName[]) expect(Object.keys(cached[name]), name).toEqual(Object.keys(store[name]));
  });
});
