// Sign-in on a device (username + PIN → a session for that device), sign-out, and "who am I". Failed
// sign-ins are counted per account and per address; a locked key answers 429 before any PIN
// is checked, so guessing stops there.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { profileResponse, signInRequest, signInResponse } from '../../src/domain/index.ts';
import { apiRoute } from '../http/apiRoute.ts';
import { UNUSABLE_PIN_HASH, verifyPin } from '../auth/secrets.ts';
import { accountKey, addressKey, DEFAULT_SIGN_IN_THROTTLE } from '../auth/signInThrottle.ts';
import type { SignInThrottle } from '../auth/signInThrottle.ts';
import { clientAddress } from '../http/address.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { apiError } from '../http/errors.ts';
import { clearSessionCookie, startSession } from '../http/session.ts';
import { parseJsonBody } from '../http/validate.ts';
import type { Store } from '../store/store.ts';

export interface SessionSettings {
  trustProxy?: boolean;
  signInThrottle?: SignInThrottle;
}

function locked(c: Context, until: string, now: Date): Response {
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
  c.header('Retry-After', String(seconds));
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
  signOut: apiRoute({ method: 'delete', path: '/sessions/current', summary: "End this device's session and clear its cookie", answer: { status: 204, description: 'Signed out' } }),
  me: apiRoute({ method: 'get', path: '/me', summary: 'The signed-in account and its commune\'s units as they are now', answer: { description: 'The profile', schema: profileResponse } }),
};

export function sessionRoutes(deps: { store: Store; clock: () => Date; settings?: SessionSettings }) {
  const { store, clock } = deps;
  const throttle = deps.settings?.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE;
  return new Hono<AuthEnv>()
    .post('/sessions', async (c) => {
      const parsed = await parseJsonBody(c, sessionApi.signIn.body);
      if (!parsed.ok) return parsed.response;
      const { username, pin, deviceId } = parsed.data;
      const now = clock();
      const address = clientAddress(c, deps.settings?.trustProxy ?? false);
      const keys = [{ key: accountKey(username), rule: throttle.account }];
      if (address) keys.push({ key: addressKey(address), rule: throttle.address });
      const lockedUntil = await store.signInLockedUntil(keys.map((k) => k.key), now.toISOString());
      if (lockedUntil) return locked(c, lockedUntil, now);

      const user = await store.findUserForSignIn(username);
      // An unknown username costs the same scrypt as a wrong PIN, and gets the same answer.
      const pinOk = await verifyPin(pin, user?.pinHash ?? UNUSABLE_PIN_HASH);
      if (!user || !pinOk) {
        let reachedLimit = false;
        for (const { key, rule } of keys) {
          if ((await store.noteSignInFailure(key, now, rule)) >= rule.maxFailures) reachedLimit = true;
        }
        if (reachedLimit) {
          const until = await store.signInLockedUntil(keys.map((k) => k.key), now.toISOString());
          if (until) return locked(c, until, now);
        }
        return apiError(c, 401, 'bad_credentials');
      }
      await store.clearSignInFailures(accountKey(username));
      return startSession(c, store, { deviceId, userId: user.id, now });
    })
    // Sign-out: this device's session ends on the server and its cookie is cleared.
    .delete('/sessions/current', requireActor(store, clock), async (c) => {
      await store.setSessionExpiry(c.get('actor').deviceId, clock().toISOString());
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .get('/me', requireActor(store, clock), async (c) => {
      const profile = await store.loadProfile(c.get('actor').userId);
      if (!profile) return apiError(c, 401, 'unauthorized');
      return c.json(profile, 200);
    });
}
