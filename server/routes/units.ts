// The commune's village units, set up by its officer: list, add, change (name, type,
// households), retire, merge into another. A unit's type comes from the commune's list
// (routes/unitTypes.ts). Deny by default: only the commune officer.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { communeUnitId, newUnit, unitChange, unitList, unitMerge, type SetupUnit } from '../../src/domain/setup/units.ts';
import { dayInVietnam } from '../../src/domain/dates.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { requireRole } from '../http/requireRole.ts';
import { apiError } from '../http/errors.ts';
import { parseJsonBody } from '../http/validate.ts';
import type { Store } from '../store/store.ts';
import { auditInput } from '../http/auditInput.ts';
import { apiRoute } from '../http/apiRoute.ts';

/** Every change answers with the commune's units as they are after it. */
const unitsAnswer = { description: "The commune's units", schema: unitList };

export const unitApi = {
  list: apiRoute({ method: 'get', path: '/units', summary: "The commune's units (officer)", answer: unitsAnswer }),
  add: apiRoute({ method: 'post', path: '/units', summary: 'Add a village unit (officer)', body: newUnit, answer: { ...unitsAnswer, status: 201 } }),
  change: apiRoute({
    method: 'patch',
    path: '/units/:id',
    summary: "Change a unit's name, type or households (officer)",
    body: unitChange,
    answer: unitsAnswer,
  }),
  retire: apiRoute({ method: 'post', path: '/units/:id/retire', summary: 'Retire a unit (officer)', answer: unitsAnswer }),
  merge: apiRoute({ method: 'post', path: '/units/:id/merge', summary: 'Merge a unit into another (officer)', body: unitMerge, answer: unitsAnswer }),
};

export function unitRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;

  /** The active village unit named in the path, within the officer's commune. */
  async function target(c: Context<AuthEnv>): Promise<{ unit: SetupUnit; units: SetupUnit[] } | Response> {
    const units = await store.units.list(c.get('actor').communeId);
    const unit = units.find((u) => u.id === c.req.param('id'));
    if (!unit || unit.type === 'commune') return apiError(c, 404, 'not_found');
    if (unit.retired) return apiError(c, 400, 'invalid_body', [{ path: 'id', code: 'retired' }]);
    return { unit, units };
  }

  /** A new or changed unit's type must be in the commune's list and in service. */
  async function typeProblem(c: Context<AuthEnv>, type: string | undefined, current?: string): Promise<Response | undefined> {
    if (type === undefined || type === current) return undefined;
    const found = (await store.unitTypes.list(c.get('actor').communeId)).find((t) => t.id === type);
    if (!found) return apiError(c, 400, 'invalid_body', [{ path: 'type', code: 'invalid_value' }]);
    if (found.retired) return apiError(c, 400, 'invalid_body', [{ path: 'type', code: 'retired' }]);
    return undefined;
  }

  return new Hono<AuthEnv>()
    .use('/units', requireActor(store, clock))
    .use('/units/*', requireActor(store, clock))
    .use('/units', requireRole('communeOfficer'))
    .use('/units/*', requireRole('communeOfficer'))
    .get('/units', async (c) => c.json({ units: await store.units.list(c.get('actor').communeId) }, 200))
    .post('/units', async (c) => {
      const parsed = await parseJsonBody(c, unitApi.add.body);
      if (!parsed.ok) return parsed.response;
      const badType = await typeProblem(c, parsed.data.type);
      if (badType) return badType;
      // In the commune's own namespace: another commune's ids are neither taken nor told (communeUnitId).
      const id = communeUnitId(c.get('actor').communeId, parsed.data.id);
      if (!id) return apiError(c, 400, 'invalid_body', [{ path: 'id', code: 'too_big' }]);
      const added = await store.units.add(
        c.get('actor').communeId,
        { ...parsed.data, id, startedOn: dayInVietnam(clock()) },
        { ...auditInput(c, clock), action: 'unit.create', target: id, fields: Object.keys(parsed.data).sort() },
      );
      if (!added) return apiError(c, 409, 'unit_exists', [{ path: 'id', code: 'taken' }]);
      return c.json({ units: await store.units.list(c.get('actor').communeId) }, 201);
    })
    .patch('/units/:id', async (c) => {
      const found = await target(c);
      if (found instanceof Response) return found;
      const parsed = await parseJsonBody(c, unitApi.change.body);
      if (!parsed.ok) return parsed.response;
      const badType = await typeProblem(c, parsed.data.type, found.unit.type);
      if (badType) return badType;
      // The fields whose value moves, not every field the form sent back; a save that moves nothing leaves no event.
      const fields = Object.keys(parsed.data)
        .filter((key) => parsed.data[key as keyof typeof parsed.data] !== found.unit[key as keyof SetupUnit])
        .sort();
      await store.units.change(
        found.unit.id,
        parsed.data,
        fields.length > 0 ? { ...auditInput(c, clock), action: 'unit.update', target: found.unit.id, fields } : undefined,
      );
      return c.json({ units: await store.units.list(c.get('actor').communeId) }, 200);
    })
    .post('/units/:id/retire', async (c) => {
      const found = await target(c);
      if (found instanceof Response) return found;
      await store.units.retire(found.unit.id, { ...auditInput(c, clock), action: 'unit.retire', target: found.unit.id, fields: ['retired'] });
      return c.json({ units: await store.units.list(c.get('actor').communeId) }, 200);
    })
    .post('/units/:id/merge', async (c) => {
      const found = await target(c);
      if (found instanceof Response) return found;
      const parsed = await parseJsonBody(c, unitApi.merge.body);
      if (!parsed.ok) return parsed.response;
      // Checked again inside the write: a cycle, a retired or merged unit, another commune's unit.
      const refusal = await store.units.merge(c.get('actor').communeId, found.unit.id, parsed.data.into, {
        ...auditInput(c, clock),
        action: 'unit.merge',
        target: found.unit.id,
        fields: ['retired', 'mergedInto'],
      });
      if (refusal) return apiError(c, 400, 'invalid_body', [refusal]);
      return c.json({ units: await store.units.list(c.get('actor').communeId) }, 200);
    });
}
