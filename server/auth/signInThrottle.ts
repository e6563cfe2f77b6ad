// Guessing PINs is throttled per account and per address. An account locks after a few
// failures (a village head mistyping is slow; a guesser is fast); an address gets more room,
// since many phones can share one carrier address, but a guesser going through accounts
// from one address still stops there.
import type { ThrottleRule } from '../store/throttle.ts';

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
