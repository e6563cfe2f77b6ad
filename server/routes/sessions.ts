// Sign-in on a device (username + PIN → a token for that device) and "who am I".
import { Hono } from 'hono';
import { signInRequest } from '../../src/domain/index.ts';
import type { SignInResponse } from '../../src/domain/index.ts';
import { newToken, sha256Hex, UNUSABLE_PIN_HASH, verifyPin } from '../auth/secrets.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { apiError } from '../http/errors.ts';
import { parseJsonBody } from '../http/validate.ts';
import type { Store } from '../store/store.ts';

export function sessionRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;
  return new Hono<AuthEnv>()
    .post('/sessions', async (c) => {
      const parsed = await parseJsonBody(c, signInRequest);
      if (!parsed.ok) return parsed.response;
      const { username, pin, deviceId } = parsed.data;
      const user = await store.findUserForSignIn(username);
      // An unknown username costs the same scrypt as a wrong PIN, and gets the same answer.
      const pinOk = await verifyPin(pin, user?.pinHash ?? UNUSABLE_PIN_HASH);
      if (!user || !pinOk) return apiError(c, 401, 'bad_credentials');
      const token = newToken();
      await store.bindDevice({ deviceId, userId: user.id, tokenHash: sha256Hex(token), now: clock().toISOString() });
      const profile = await store.loadProfile(user.id);
      if (!profile) return apiError(c, 401, 'bad_credentials');
      const response: SignInResponse = { token, ...profile };
      return c.json(response, 200);
    })
    .get('/me', requireActor(store), async (c) => {
      const profile = await store.loadProfile(c.get('actor').userId);
      if (!profile) return apiError(c, 401, 'unauthorized');
      return c.json(profile, 200);
    });
}
