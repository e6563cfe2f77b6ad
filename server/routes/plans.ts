// The commune's plan of a year: anyone of the commune reads it (the defaults of the seeds
// until the officer saves one); only the commune officer changes it.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { defaultPlan, plan as planSchema, planChanges, planResponse, type PlanResponse } from '../../src/domain/plan/index.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { requireRole } from '../http/requireRole.ts';
import { apiError } from '../http/errors.ts';
import type { FieldError } from '../http/errors.ts';
import { parseJsonBody } from '../http/validate.ts';
import type { Store } from '../store/store.ts';
import { auditInput } from '../http/auditInput.ts';
import { apiRoute } from '../http/apiRoute.ts';

function yearOf(c: Context): number | undefined {
  const raw = c.req.param('year') ?? '';
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return year >= 2000 && year <= 2100 ? year : undefined;
}

export const planApi = {
  read: apiRoute({
    method: 'get',
    path: '/plans/:year',
    summary: "The commune's plan of a year (the seeds' defaults until one is saved)",
    answer: { description: 'The plan', schema: planResponse },
  }),
  save: apiRoute({
    method: 'put',
    path: '/plans/:year',
    summary: "Save the commune's plan of a year (officer)",
    body: planSchema,
    answer: { description: 'The saved plan', schema: planResponse },
  }),
};

export function planRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;
  return new Hono<AuthEnv>()
    .use('/plans/*', requireActor(store, clock))
    .get('/plans/:year', requireRole('communeOfficer', 'communeReporter', 'villageHead'), async (c) => {
      const year = yearOf(c);
      if (year === undefined) return apiError(c, 400, 'invalid_query', [{ path: 'year', code: 'invalid_format' }]);
      const actor = c.get('actor');
      const stored = await store.plans.load(actor.communeId, year);
      const response: PlanResponse = { plan: stored ?? defaultPlan(actor.communeId, year), saved: stored !== undefined };
      return c.json(response, 200);
    })
    .put('/plans/:year', requireRole('communeOfficer'), async (c) => {
      const actor = c.get('actor');
      const year = yearOf(c);
      if (year === undefined) return apiError(c, 400, 'invalid_query', [{ path: 'year', code: 'invalid_format' }]);
      const parsed = await parseJsonBody(c, planApi.save.body);
      if (!parsed.ok) return parsed.response;
      const mismatches: FieldError[] = [];
      if (parsed.data.year !== year) mismatches.push({ path: 'year', code: 'mismatch' });
      if (parsed.data.communeId !== actor.communeId) mismatches.push({ path: 'communeId', code: 'mismatch' });
      if (mismatches.length > 0) return apiError(c, 400, 'invalid_body', mismatches);
      const previous = await store.plans.load(actor.communeId, year);
      // Compared with what applied before: the saved plan, or the seeds' defaults.
      const fields = planChanges(previous ?? defaultPlan(actor.communeId, year), parsed.data);
      const audit = auditInput(c, clock);
      await store.plans.save({
        plan: parsed.data,
        userId: actor.userId,
        now: audit.at,
        audit: { ...audit, action: 'plan.update', target: String(year), fields },
      });
      const response: PlanResponse = { plan: parsed.data, saved: true };
      return c.json(response, 200);
    });
}
