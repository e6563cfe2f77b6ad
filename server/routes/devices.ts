// What the commune officer sees of the commune's phones: those whose changes have a hole.
import { Hono } from 'hono';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { apiError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';

export function deviceRoutes(deps: { store: Store }) {
  return new Hono<AuthEnv>().use('/devices/*', requireActor(deps.store)).get('/devices/gaps', async (c) => {
    const actor = c.get('actor');
    if (actor.role !== 'communeOfficer') return apiError(c, 403, 'forbidden');
    return c.json({ devices: await deps.store.devicesWithGaps(actor.communeId) }, 200);
  });
}
