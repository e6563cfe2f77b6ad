// Guessing PINs is throttled per account and per address. An account locks after a few
// failures (a village head mistyping is slow; a guesser is fast); an address gets more room,
// since many phones can share one carrier address, but a guesser going through accounts
// from one address still stops there.
import type { Store } from '../store/store.ts';
import type { ThrottleRule } from '../store/accounts/signInThrottle.ts';

export interface SignInThrottle {
  account: ThrottleRule;
  address: ThrottleRule;
}

const FIFTEEN_MINUTES = 15 * 60_000;

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottle = {
  account: { maxFailures: 5, lockMs: FIFTEEN_MINUTES },
  address: { maxFailures: 20, lockMs: FIFTEEN_MINUTES },
};

export const accountKey = (username: string) => `account:${username}`;
export const addressKey = (address: string) => `address:${address}`;

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

/**
 * Reserves one attempt on every key before a secret is checked; when one key refuses, the
 * attempts already reserved on the others are given back, and the lock's end is returned
 * (none when the key is full of attempts still in flight, not locked yet).
 */
export async function reserveAttempts(
  store: Store,
  keys: readonly ThrottleKey[],
  now: Date,
): Promise<{ ok: true } | { ok: false; lockedUntil: string | undefined }> {
  const reserved: ThrottleKey[] = [];
  for (const entry of keys) {
    const reservation = await store.signInThrottle.reserveAttempt(entry.key, now, entry.rule);
    if (!reservation.ok) {
      for (const done of reserved) await store.signInThrottle.refundAttempt(done.key, done.rule);
      return reservation;
    }
    reserved.push(entry);
  }
  return { ok: true };
}

/** After a failed check: the attempt stays counted, a full key locks; the lock's end when one is locked now. */
export async function settleFailure(store: Store, keys: readonly ThrottleKey[], now: Date): Promise<string | undefined> {
  for (const { key, rule } of keys) await store.signInThrottle.settleFailure(key, now, rule);
  await store.signInThrottle.forgetOldFailures(now);
  return store.signInThrottle.lockedUntil(
    keys.map((k) => k.key),
    now.toISOString(),
  );
}

/** After a success: each key gets its attempt back, except those the caller clears. */
export async function refundAttempts(store: Store, keys: readonly ThrottleKey[]): Promise<void> {
  for (const { key, rule } of keys) await store.signInThrottle.refundAttempt(key, rule);
}
