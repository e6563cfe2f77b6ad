// The province's plan for a year (seed 003, Lâm Đồng's plan for 2026): the targets it sets for
// every commune, on the same indicators and with the same Target as a commune's plan, and the
// day its communes report to it. Each commune is judged against its own target and this one.
import * as z from 'zod/mini';
import { localDate } from '../dates.ts';
import { slug } from '../ids.ts';
import { indicatorIds, target, type IndicatorId, type Plan, type Target } from './plan.ts';

/** The kind of target each indicator takes: a count per quarter, per year, or a percentage. */
export const indicatorTargetKinds: Record<IndicatorId, Target['kind']> = {
  newsPostsPerQuarter: 'countPerQuarter',
  conferencesHeld: 'countPerYear',
  unitsReachedByPropaganda: 'percent',
  householdsReached: 'percent',
  casesHandledInTime: 'percent',
  victimsReachedService: 'percent',
  perpetratorsCounselled: 'percent',
  unitsWithContactPoint: 'percent',
  preventionModels: 'countPerYear',
  inspections: 'countPerYear',
  complaintsHandled: 'percent',
  officerTrainings: 'countPerYear',
};

export const provincePlanIndicator = z.strictObject({
  id: z.enum(indicatorIds),
  /** What the province asks of every commune; null when it sets nothing for this indicator. */
  target: z.nullable(target),
});
export type ProvincePlanIndicator = z.infer<typeof provincePlanIndicator>;

export const provincePlan = z.strictObject({
  provinceId: slug,
  year: z.int().check(z.minimum(2000), z.maximum(2100)),
  /** Every indicator exactly once, each target of its indicator's kind. */
  indicators: z.array(provincePlanIndicator).check(
    z.refine((list) => new Set(list.map((i) => i.id)).size === list.length, { message: 'duplicate' }),
    z.refine((list) => indicatorIds.every((id) => list.some((i) => i.id === id)), { message: 'missing' }),
    z.check((ctx) => {
      ctx.value.forEach((indicator, index) => {
        if (indicator.target && indicator.target.kind !== indicatorTargetKinds[indicator.id]) {
          ctx.issues.push({ code: 'custom', input: indicator.target, path: [index, 'target', 'kind'], message: 'kind' });
        }
      });
    }),
  ),
  /** Seed 003, V: communes report to the Department of Home Affairs before this day. */
  deadlines: z.strictObject({ communeToProvince: localDate }),
});
export type ProvincePlan = z.infer<typeof provincePlan>;

/** The answer of GET and PUT /province/plan/:year. */
export const provincePlanResponse = z.object({
  plan: provincePlan,
  /** False while seed 003's defaults apply. */
  saved: z.boolean(),
});
export type ProvincePlanResponse = z.infer<typeof provincePlanResponse>;

/**
 * Seed 003's targets that the app computes, as the plan words them:
 * - 7.3, Chỉ tiêu 1: "88% người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện, được
 *   tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản" → victimsReachedService, at least 88%;
 * - the same line: "85% người gây bạo lực … ở mức chưa bị truy cứu trách nhiệm hình sự được tư
 *   vấn, tham vấn" → perpetratorsCounselled (over those not prosecuted), at least 85%;
 * - 7.6, Chỉ tiêu 3: "100% xã, phường, đặc khu phấn đấu mỗi quý có ít nhất 04 tin, bài về bình
 *   đẳng giới trên hệ thống thông tin cơ sở" → newsPostsPerQuarter, at least 4 in every quarter;
 * - V: "gửi về Sở Nội vụ trước ngày 01/12/2026" → the communes' report deadline.
 * Its other targets measure what no record of the app holds (women leaders, wages, births, schools,
 * "64% người dân được tiếp cận kiến thức cơ bản": residents, where the app counts households), so
 * the province sets none on the app's other indicators until its account does.
 */
export function defaultProvincePlan(provinceId: string, year: number): ProvincePlan {
  const seed: Partial<Record<IndicatorId, Target>> = {
    newsPostsPerQuarter: { kind: 'countPerQuarter', min: 4 },
    victimsReachedService: { kind: 'percent', min: 88 },
    perpetratorsCounselled: { kind: 'percent', min: 85 },
  };
  return {
    provinceId,
    year,
    indicators: indicatorIds.map((id) => ({ id, target: seed[id] ?? null })),
    deadlines: { communeToProvince: `${year}-12-01` },
  };
}

/** The province's target for an indicator, if it sets one. */
export function provinceTargetOf(plan: ProvincePlan, id: IndicatorId): Target | null {
  return plan.indicators.find((i) => i.id === id)?.target ?? null;
}

/**
 * A commune's plan with what its province asks: each indicator's `provinceTarget` is the
 * province's (none where the province sets none), and the report to the province is due on the
 * province's day. The commune's own targets are kept as its officer saved them.
 */
export function applyProvincePlan(plan: Plan, province: ProvincePlan): Plan {
  return {
    ...plan,
    deadlines: { ...plan.deadlines, communeToProvince: province.deadlines.communeToProvince },
    indicators: plan.indicators.map(({ provinceTarget: _previous, ...indicator }) => {
      const asked = provinceTargetOf(province, indicator.id);
      return asked ? { ...indicator, provinceTarget: asked } : indicator;
    }),
  };
}

/** The lowest value a target lets pass, and whether that value itself passes (at least) or not (more than). */
const floor = (t: Target) => ({ min: t.min, inclusive: t.compare !== 'moreThan' });

/**
 * Whether a commune's own target lets pass a value the province's would not: "Ít nhất 03/quý"
 * under "Ít nhất 04/quý", "85%" under "88%", "88%" under "Trên 88%". Counts are whole, so more
 * than 3 is at least 4. No target of the commune's own (the province's then applies): not below.
 */
export function belowProvinceTarget(own: Target | null, province: Target | null): boolean {
  if (!own || !province) return false;
  if (own.kind !== 'percent') {
    const least = (t: Target) => (t.compare === 'moreThan' ? t.min + 1 : t.min);
    return least(own) < least(province);
  }
  const a = floor(own);
  const b = floor(province);
  if (a.min !== b.min) return a.min < b.min;
  return a.inclusive && !b.inclusive;
}

/** GET /province/plan/:year/changes: each save of the plan, newest first, with the names of what it changed. */
export const provincePlanHistory = z.object({
  changes: z.array(z.object({ at: z.string(), displayName: z.string(), fields: z.array(z.string()) })),
});
export type ProvincePlanHistory = z.infer<typeof provincePlanHistory>;
