// The commune officer's hand on the accounts of the commune: lift a sign-in lock-out.
// Deny by default: only the officer, and only for a user of the officer's own commune.
import { Hono } from 'hono';
import { accountKey } from '../auth/signInThrottle.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { apiError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';

export function accountRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;
  return new Hono<AuthEnv>()
    .use('/accounts/*', requireActor(store, clock))
    .use('/accounts/*', async (c, next) => (c.get('actor').role === 'communeOfficer' ? next() : apiError(c, 403, 'forbidden')))
    .post('/accounts/:id/unlock', async (c) => {
      const user = await store.findCommuneUser(c.get('actor').communeId, c.req.param('id'));
      if (!user) return apiError(c, 404, 'not_found');
      const unlocked = await store.clearSignInFailures(accountKey(user.username));
      return c.json({ userId: user.id, unlocked }, 200);
    });
}
