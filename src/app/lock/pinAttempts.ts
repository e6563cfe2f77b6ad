// How the phone answers wrong PINs: the first few cost nothing, then each one waits longer,
// and after too many the PIN no longer opens the app here: the user signs in again online
// (the server checks the PIN and throttles its own way). Unsent records are never touched.

export const FREE_ATTEMPTS = 3;
/** After this many wrong PINs in a row, only an online sign-in opens the app. */
export const MAX_PIN_FAILURES = 8;
const WAITS_SECONDS = [30, 60, 120, 300, 900];

export type PinGate = { state: 'open' } | { state: 'wait'; until: number } | { state: 'signInNeeded' };

/** Seconds to wait after this many wrong PINs in a row. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return WAITS_SECONDS[Math.min(failures - FREE_ATTEMPTS, WAITS_SECONDS.length - 1)]!;
}

/** Whether a PIN may be tried now. A clock set back does not shorten the wait. */
export function pinGate(attempts: { failures: number; lastFailureAt: number }, now: number): PinGate {
  if (attempts.failures >= MAX_PIN_FAILURES) return { state: 'signInNeeded' };
  const wait = waitAfter(attempts.failures) * 1000;
  if (wait === 0) return { state: 'open' };
  const until = attempts.lastFailureAt + wait;
  if (now < attempts.lastFailureAt) return { state: 'wait', until: now + wait };
  return now < until ? { state: 'wait', until } : { state: 'open' };
}
