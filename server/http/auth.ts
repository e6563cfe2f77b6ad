// Bearer tokens: each signed-in device holds one; the server keeps only its sha256. A token of
// a revoked device gets its own code, so that the phone knows to wipe what it holds.
import { createMiddleware } from 'hono/factory';
import { sha256Hex } from '../auth/secrets.ts';
import type { Actor, Store } from '../store/store.ts';
import { apiError } from './errors.ts';

export type AuthEnv = { Variables: { actor: Actor } };

export function requireActor(store: Store) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(c.req.header('Authorization') ?? '');
    const tokenHash = match?.[1] ? sha256Hex(match[1]) : undefined;
    const actor = tokenHash ? await store.findActor(tokenHash) : undefined;
    if (!actor) {
      const refusal = tokenHash ? await store.tokenRefusal(tokenHash) : undefined;
      if (refusal) return apiError(c, 401, refusal);
      return apiError(c, 401, 'unauthorized');
    }
    c.set('actor', actor);
    await next();
  });
}
