// The commune's list of village unit types, kept by its officer: read it, or replace it with
// a list where every type stored before is still present (renamed or retired, never removed,
// so no unit loses its type). Deny by default: only the commune officer.
import { Hono } from 'hono';
import { COMMUNE_UNIT_TYPE, removedTypeIds, unitTypeList } from '../../src/domain/setup/unitTypes.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { requireRole } from '../http/requireRole.ts';
import { apiError } from '../http/errors.ts';
import { parseJsonBody } from '../http/validate.ts';
import type { Store } from '../store/store.ts';
import { apiRoute } from '../http/apiRoute.ts';

export const unitTypeApi = {
  list: apiRoute({
    method: 'get',
    path: '/unit-types',
    summary: "The commune's list of village unit types (officer)",
    answer: { description: 'The list', schema: unitTypeList },
  }),
  save: apiRoute({
    method: 'put',
    path: '/unit-types',
    summary: 'Replace the list; every type stored before stays, renamed or retired (officer)',
    body: unitTypeList,
    answer: { description: 'The list as stored', schema: unitTypeList },
  }),
};

export function unitTypeRoutes(deps: { store: Store; clock: () => Date }) {
  const { store } = deps;
  return new Hono<AuthEnv>()
    .use('/unit-types', requireActor(store, deps.clock))
    .use('/unit-types', requireRole('communeOfficer'))
    .get('/unit-types', async (c) => c.json({ types: await store.unitTypes.list(c.get('actor').communeId) }, 200))
    .put('/unit-types', async (c) => {
      const parsed = await parseJsonBody(c, unitTypeApi.save.body);
      if (!parsed.ok) return parsed.response;
      const communeId = c.get('actor').communeId;
      // The types stored before, and those the units have (a unit may carry a type the list never had).
      const before = await store.unitTypes.list(communeId);
      const used = (await store.units.list(communeId)).map((u) => u.type).filter((id) => id !== COMMUNE_UNIT_TYPE);
      const kept = [...before, ...used.map((id) => ({ id, name: id, retired: false }))];
      if (removedTypeIds(kept, parsed.data.types).length > 0) return apiError(c, 400, 'invalid_body', [{ path: 'types', code: 'removed' }]);
      await store.unitTypes.save(communeId, parsed.data.types);
      return c.json({ types: await store.unitTypes.list(communeId) }, 200);
    });
}
