// Sign-in on a device (username + PIN → a session for that device), sign-out, and "who am I".
// Attempts are counted per account and per address before the PIN is checked (a success gives
// its attempt back); a locked or full key answers 429 before any PIN is checked, so guessing
// stops there, also for a burst.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { profileResponse, signInRequest, signInResponse } from '../../src/domain/index.ts';
import { apiRoute } from '../http/apiRoute.ts';
import { UNUSABLE_PIN_HASH, verifyPin } from '../auth/secrets.ts';
import { accountKey, addressKey, DEFAULT_SIGN_IN_THROTTLE, refundAttempts, reserveAttempts, settleFailure } from '../auth/signInThrottle.ts';
import type { SignInThrottle, ThrottleKey } from '../auth/signInThrottle.ts';
import { clientAddress } from '../http/address.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { apiError } from '../http/errors.ts';
import { clearHttpCache, clearSessionCookie, startSession } from '../http/session.ts';
import { parseJsonBody } from '../http/validate.ts';
import type { Store } from '../store/store.ts';

export interface SessionSettings {
  trustProxy?: boolean;
  signInThrottle?: SignInThrottle;
}

function locked(c: Context, until: string | undefined, now: Date): Response {
  if (!until) {
    // Full of attempts still in flight, none failed yet: no lock to name; try again in a moment.
    c.header('Retry-After', '1');
    return apiError(c, 429, 'rate_limited');
  }
  c.header('Retry-After', String(Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000))));
  return apiError(c, 429, 'sign_in_locked');
}

export const sessionApi = {
  signIn: apiRoute({
    method: 'post',
    path: '/sessions',
    summary: 'Sign in on a device with user name and PIN: sets the session cookie',
    public: true,
    body: signInRequest,
    answer: { description: 'The profile (and the token, for a client that sends X-Session-Token: body)', schema: signInResponse },
  }),
  signOut: apiRoute({
    method: 'delete',
    path: '/sessions/current',
    summary: "End this device's session and clear its cookie",
    answer: { status: 204, description: 'Signed out' },
  }),
  me: apiRoute({
    method: 'get',
    path: '/me',
    summary: "The signed-in account and its commune's units as they are now",
    answer: { description: 'The profile', schema: profileResponse },
  }),
};

export function sessionRoutes(deps: { store: Store; clock: () => Date; settings?: SessionSettings }) {
  const { store, clock } = deps;
  const throttle = deps.settings?.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE;
  return (
    new Hono<AuthEnv>()
      .post('/sessions', async (c) => {
        const parsed = await parseJsonBody(c, sessionApi.signIn.body);
        if (!parsed.ok) return parsed.response;
        const { username, pin, deviceId } = parsed.data;
        const now = clock();
        const address = clientAddress(c, deps.settings?.trustProxy ?? false);
        const account: ThrottleKey = { key: accountKey(username), rule: throttle.account };
        const keys = [account];
        if (address) keys.push({ key: addressKey(address), rule: throttle.address });
        // The attempt is counted before the PIN is checked, so a burst cannot outrun the count.
        const reservation = await reserveAttempts(store, keys, now);
        if (!reservation.ok) return locked(c, reservation.lockedUntil, now);

        const user = await store.sessions.findUserForSignIn(username);
        // An unknown username costs the same scrypt as a wrong PIN, and gets the same answer.
        const pinOk = await verifyPin(pin, user?.pinHash ?? UNUSABLE_PIN_HASH);
        if (!user || !pinOk) {
          const until = await settleFailure(store, keys, now);
          if (until) return locked(c, until, now);
          return apiError(c, 401, 'bad_credentials');
        }
        // A success clears the account's count and gives the address its attempt back.
        await store.signInThrottle.clearFailures(account.key);
        await refundAttempts(
          store,
          keys.filter((k) => k !== account),
        );
        return startSession(c, store, { deviceId, userId: user.id, now });
      })
      // Sign-out: this device's session ends on the server and its cookie is cleared.
      .delete('/sessions/current', requireActor(store, clock), async (c) => {
        const now = clock().toISOString();
        await store.devices.setSessionExpiry(c.get('actor').deviceId, now, now);
        clearSessionCookie(c);
        clearHttpCache(c);
        return c.body(null, 204);
      })
      .get('/me', requireActor(store, clock), async (c) => {
        const profile = await store.sessions.loadProfile(c.get('actor').userId);
        if (!profile) return apiError(c, 401, 'unauthorized');
        return c.json(profile, 200);
      })
  );
}
