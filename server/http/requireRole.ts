// Which roles may call a route: one middleware after requireActor (auth.ts), deny by default.
// The whole matrix of roles and routes is tested in tests/server/authorization-matrix.test.ts.
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../src/domain/index.ts';
import type { AuthEnv } from './auth.ts';
import { apiError } from './errors.ts';

/** 403 forbidden unless the signed-in actor has one of `allowed`; a province actor also needs its province. */
export function requireRole(...allowed: Role[]) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const actor = c.get('actor');
    if (!allowed.includes(actor.role) || (actor.role === 'province' && !actor.provinceId)) return apiError(c, 403, 'forbidden');
    await next();
  });
}
