// Bearer tokens: each signed-in device holds one; the server keeps only its sha256.
import { createMiddleware } from 'hono/factory';
import { sha256Hex } from '../auth/secrets.ts';
import type { Actor, Store } from '../store/store.ts';
import { apiError } from './errors.ts';

export type AuthEnv = { Variables: { actor: Actor } };

export function requireActor(store: Store) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(c.req.header('Authorization') ?? '');
    const actor = match?.[1] ? await store.findActor(sha256Hex(match[1])) : undefined;
    if (!actor) return apiError(c, 401, 'unauthorized');
    c.set('actor', actor);
    await next();
  });
}
