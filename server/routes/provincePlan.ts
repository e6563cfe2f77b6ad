// The province's plan of a year (seed 003's targets and the communes' report deadline): the
// province's account reads, saves (audited, the names of what changed) and reads the trail of
// its changes; a commune officer reads the plan of their own commune's province, to be warned
// when their own targets fall below it. Mounted by provinceRoutes, behind its requireActor.
import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  defaultProvincePlan,
  planChanges,
  provincePlan as provincePlanSchema,
  provincePlanHistory,
  provincePlanResponse,
  type ProvincePlan,
  type ProvincePlanHistory,
  type ProvincePlanResponse,
} from '../../src/domain/plan/index.ts';
import { apiRoute } from '../http/apiRoute.ts';
import { auditInput } from '../http/auditInput.ts';
import type { AuthEnv } from '../http/auth.ts';
import { apiError, type FieldError } from '../http/errors.ts';
import { requireRole } from '../http/requireRole.ts';
import { parseJsonBody } from '../http/validate.ts';
import { NO_COMMUNE } from '../store/office/audit.ts';
import { provincePlanTarget } from '../store/province/provincePlans.ts';
import type { Store } from '../store/store.ts';

export const provincePlanApi = {
  read: apiRoute({
    method: 'get',
    path: '/province/plan/:year',
    summary:
      "The province's plan of a year: its targets for every commune and the communes' report deadline (province; a commune officer reads their own province's)",
    answer: { description: "The plan (seed 003's defaults until saved)", schema: provincePlanResponse },
  }),
  save: apiRoute({
    method: 'put',
    path: '/province/plan/:year',
    summary: "Save the province's plan of a year (province; audited)",
    body: provincePlanSchema,
    answer: { description: 'The saved plan', schema: provincePlanResponse },
  }),
  changes: apiRoute({
    method: 'get',
    path: '/province/plan/:year/changes',
    summary: "Who changed the province's plan of a year, when, and which targets or deadline (province)",
    answer: { description: 'The saves, newest first', schema: provincePlanHistory },
  }),
};

function yearOf(c: Context): number | undefined {
  const raw = c.req.param('year') ?? '';
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return year >= 2000 && year <= 2100 ? year : undefined;
}

/** The plan a province's communes are judged against in a year: the saved one, else seed 003's. */
export async function provincePlanOf(store: Store, provinceId: string, year: number): Promise<ProvincePlanResponse> {
  const saved = await store.provincePlans.load(provinceId, year);
  return saved ? { plan: saved, saved: true } : { plan: defaultProvincePlan(provinceId, year), saved: false };
}

export function provincePlanRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;
  const invalidYear = (c: Context) => apiError(c, 400, 'invalid_query', [{ path: 'year', code: 'invalid_format' }]);
  return new Hono<AuthEnv>()
    .get('/province/plan/:year', requireRole('province', 'communeOfficer'), async (c) => {
      const year = yearOf(c);
      if (year === undefined) return invalidYear(c);
      const actor = c.get('actor');
      // The province comes from the account (or the officer's commune), never from the request.
      const provinceId = actor.role === 'province' ? actor.provinceId : await store.provincePlans.provinceOfCommune(actor.communeId);
      if (!provinceId) return apiError(c, 404, 'not_found');
      return c.json(await provincePlanOf(store, provinceId, year), 200);
    })
    .put('/province/plan/:year', requireRole('province'), async (c) => {
      const year = yearOf(c);
      if (year === undefined) return invalidYear(c);
      const parsed = await parseJsonBody(c, provincePlanApi.save.body);
      if (!parsed.ok) return parsed.response;
      const provinceId = c.get('actor').provinceId!;
      const mismatches: FieldError[] = [];
      if (parsed.data.year !== year) mismatches.push({ path: 'year', code: 'mismatch' });
      if (parsed.data.provinceId !== provinceId) mismatches.push({ path: 'provinceId', code: 'mismatch' });
      if (mismatches.length > 0) return apiError(c, 400, 'invalid_body', mismatches);
      const plan: ProvincePlan = parsed.data;
      // Compared with what applied before: the saved plan, or seed 003's defaults.
      const fields = planChanges((await provincePlanOf(store, provinceId, year)).plan, plan);
      const audit = auditInput(c, clock);
      await store.provincePlans.save({
        plan,
        userId: audit.userId,
        now: audit.at,
        audit: { ...audit, communeId: NO_COMMUNE, action: 'provincePlan.update', target: provincePlanTarget(provinceId, year), fields },
      });
      const response: ProvincePlanResponse = { plan, saved: true };
      return c.json(response, 200);
    })
    .get('/province/plan/:year/changes', requireRole('province'), async (c) => {
      const year = yearOf(c);
      if (year === undefined) return invalidYear(c);
      const changes = await store.provincePlans.changes(c.get('actor').provinceId!, year);
      const response: ProvincePlanHistory = { changes: changes.map(({ at, displayName, fields }) => ({ at, displayName, fields })) };
      return c.json(response, 200);
    });
}
