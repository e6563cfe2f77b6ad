// A commune's plan for a year: the indicators it measures, their targets, and the settings
// the indicators need (how fast a violence case must be handled, the report deadlines).
// Defaults come from the seeds: 000 (the ward's own plan) and 003 (what the province asks).
import * as z from 'zod/mini';
import { localDate } from '../dates.ts';
import { slug } from '../ids.ts';

export const indicatorIds = [
  'newsPostsPerQuarter',
  'conferencesHeld',
  'unitsReachedByPropaganda',
  'householdsReached',
  'casesHandledInTime',
  'victimsReachedService',
  'perpetratorsCounselled',
  'unitsWithContactPoint',
  'preventionModels',
  'inspections',
  'complaintsHandled',
  'officerTrainings',
] as const;
export type IndicatorId = (typeof indicatorIds)[number];

/** Indicators whose records the app does not collect yet: they show "no data", never a guess. None left. */
export const indicatorsWithoutData: readonly IndicatorId[] = [];

/**
 * How a plan words its minimum: "ít nhất 04 tin, bài" (seed 000, line 81) is at least 4;
 * "Trên 90% hộ gia đình" (seed 001, line 68) is more than 90. Absent: at least (plans saved
 * before the choice existed).
 */
export const comparisons = ['atLeast', 'moreThan'] as const;
export type Comparison = (typeof comparisons)[number];
const compare = z.optional(z.enum(comparisons));

export const target = z.discriminatedUnion('kind', [
  /** `min` (or more than `min`) in every quarter (news posts). */
  z.strictObject({ kind: z.literal('countPerQuarter'), min: z.int().check(z.minimum(0), z.maximum(10_000)), compare }),
  /** `min` (or more than `min`) in the year (conferences, inspections, trainings, models). */
  z.strictObject({ kind: z.literal('countPerYear'), min: z.int().check(z.minimum(0), z.maximum(10_000)), compare }),
  /** `min` percent, or more than `min` (units reached, cases handled in time, victims supported …). */
  z.strictObject({ kind: z.literal('percent'), min: z.number().check(z.minimum(0), z.maximum(100)), compare }),
]);
export type Target = z.infer<typeof target>;

/** Whether `have` reaches `need` as the target words it: at least, or more than. */
export function passes(target: Target, have: number, need: number): boolean {
  return target.compare === 'moreThan' ? have > need : have >= need;
}

export const planIndicator = z.strictObject({
  id: z.enum(indicatorIds),
  /** The commune's own target; null when the plan sets none (the value is still shown). */
  target: z.nullable(target),
  /** What the province asks, when it differs or the commune sets none (seed 003). */
  provinceTarget: z.optional(target),
});
export type PlanIndicator = z.infer<typeof planIndicator>;

export const plan = z.strictObject({
  communeId: slug,
  year: z.int().check(z.minimum(2000), z.maximum(2100)),
  /** Every indicator exactly once, so a saved plan judges all of them. */
  indicators: z.array(planIndicator).check(
    z.refine((list) => new Set(list.map((i) => i.id)).size === list.length, { message: 'duplicate' }),
    z.refine((list) => indicatorIds.every((id) => list.some((i) => i.id === id)), { message: 'missing' }),
  ),
  /** A case is handled in time when it reaches "intervening" or "closed" within this many days of detection. */
  handledInTimeDays: z.int().check(z.minimum(0), z.maximum(365)),
  deadlines: z.strictObject({ unitsToCommune: localDate, communeToProvince: localDate }),
});
export type Plan = z.infer<typeof plan>;

/** The answer of GET and PUT /plans/:year. */
export const planResponse = z.object({
  plan,
  /** False while the seeds' defaults apply. */
  saved: z.boolean(),
});
export type PlanResponse = z.infer<typeof planResponse>;

/** Days allowed from detection to intervention unless the commune's plan says otherwise. */
export const DEFAULT_HANDLED_IN_TIME_DAYS = 7;

export function defaultPlan(communeId: string, year: number): Plan {
  const count = (kind: 'countPerQuarter' | 'countPerYear', min: number): Target => ({ kind, min });
  const percent = (min: number): Target => ({ kind: 'percent', min });
  return {
    communeId,
    year,
    handledInTimeDays: DEFAULT_HANDLED_IN_TIME_DAYS,
    // Seed 000: units report to the ward before 25/11; seed 003: the ward to the province before 01/12.
    deadlines: { unitsToCommune: `${year}-11-25`, communeToProvince: `${year}-12-01` },
    indicators: [
      { id: 'newsPostsPerQuarter', target: count('countPerQuarter', 4), provinceTarget: count('countPerQuarter', 4) },
      { id: 'conferencesHeld', target: count('countPerYear', 2) },
      { id: 'unitsReachedByPropaganda', target: percent(100) },
      { id: 'householdsReached', target: null },
      { id: 'casesHandledInTime', target: percent(100) },
      { id: 'victimsReachedService', target: percent(100), provinceTarget: percent(88) },
      { id: 'perpetratorsCounselled', target: null, provinceTarget: percent(85) },
      { id: 'unitsWithContactPoint', target: percent(100) },
      { id: 'preventionModels', target: count('countPerYear', 1) },
      { id: 'inspections', target: count('countPerYear', 1) },
      { id: 'complaintsHandled', target: percent(100) },
      { id: 'officerTrainings', target: count('countPerYear', 1) },
    ],
  };
}

/** The target an indicator is judged against: the commune's, else the province's. */
export function effectiveTarget(indicator: PlanIndicator): Target | null {
  return indicator.target ?? indicator.provinceTarget ?? null;
}
