// The province view: every commune of the caller's province side by side, its indicators for
// a quarter or the year computed by the database, judged against the commune's own plan, and
// the communes that have not reported. Province accounts only; aggregates only, no record.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { dayInVietnam, type Quarter } from '../../src/domain/index.ts';
import type { Period } from '../../src/domain/indicators/index.ts';
import { DEFAULT_HANDLED_IN_TIME_DAYS, defaultPlan } from '../../src/domain/plan/index.ts';
import { provinceTable, provinceTableAnswer } from '../../src/domain/province/index.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { requireRole } from '../http/requireRole.ts';
import { apiError } from '../http/errors.ts';
import { parseQuery } from '../http/validate.ts';
import type { Store } from '../store/store.ts';
import { apiRoute } from '../http/apiRoute.ts';
import { provincePlanRoutes } from './provincePlan.ts';

export const provinceQuery = z.strictObject({
  year: z.optional(z.pipe(z.pipe(z.string().check(z.regex(/^\d{4}$/)), z.transform(Number)), z.int().check(z.minimum(2000), z.maximum(2100)))),
  quarter: z.optional(
    z.pipe(
      z.string().check(z.regex(/^[1-4]$/)),
      z.transform((q) => Number(q) as Quarter),
    ),
  ),
});

export const provinceApi = {
  indicators: apiRoute({
    method: 'get',
    path: '/province/indicators',
    summary: "Every commune of the caller's province side by side: indicators against their plans (province)",
    query: provinceQuery,
    answer: { description: 'ProvinceTable (src/domain/province/table.ts)', schema: provinceTableAnswer },
  }),
};

export function provinceRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;
  // The province's plan (provincePlan.ts) behind the same requireActor.
  const routes = new Hono<AuthEnv>().use('/province/*', requireActor(store, clock)).route('/', provincePlanRoutes(deps));
  return routes.get('/province/indicators', requireRole('province'), async (c) => {
    const actor = c.get('actor');
    const parsed = parseQuery(c, provinceApi.indicators.query);
    if (!parsed.ok) return parsed.response;
    // requireRole('province') let only an actor with its province through.
    const province = await store.province.load(actor.provinceId!);
    if (!province) return apiError(c, 403, 'forbidden');
    const asOf = dayInVietnam(clock());
    const year = parsed.data.year ?? Number(asOf.slice(0, 4));
    const period: Period = parsed.data.quarter ? { year, quarter: parsed.data.quarter } : { year };
    const [figures, plans] = await Promise.all([
      store.province.figures({ provinceId: province.id, period, asOf, defaultHandledInTimeDays: DEFAULT_HANDLED_IN_TIME_DAYS }),
      store.province.listPlans(province.id, year),
    ]);
    const table = provinceTable({ province, figures, planOf: (id) => plans.get(id) ?? defaultPlan(id, year), period, asOf });
    return c.json(table, 200);
  });
}
