// The dates an officer plans around: the report deadlines of the plan and the days the
// seeds name every year (Family Day 28/6, Women's Day 20/10, the Action Month 15/11 – 15/12).
import type { LocalDate } from '../dates.ts';
import type { Plan } from './plan.ts';

export const keyDateIds = ['unitsToCommune', 'communeToProvince', 'familyDay', 'womensDay', 'actionMonth'] as const;
export type KeyDateId = (typeof keyDateIds)[number];

export interface KeyDate {
  id: KeyDateId;
  start: LocalDate;
  /** Last day of a span (the Action Month); equal to start for a single day. */
  end: LocalDate;
}

export function keyDates(plan: Plan): KeyDate[] {
  const y = plan.year;
  const day = (id: KeyDateId, date: LocalDate): KeyDate => ({ id, start: date, end: date });
  const dates: KeyDate[] = [
    day('familyDay', `${y}-06-28`),
    day('womensDay', `${y}-10-20`),
    { id: 'actionMonth', start: `${y}-11-15`, end: `${y}-12-15` } satisfies KeyDate,
    day('unitsToCommune', plan.deadlines.unitsToCommune),
    day('communeToProvince', plan.deadlines.communeToProvince),
  ];
  return dates.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Dates not over yet on `today` (a span counts until its last day), soonest first. */
export function comingDates(plan: Plan, today: LocalDate): KeyDate[] {
  return keyDates(plan).filter((d) => d.end >= today);
}

/** Whole days from `from` to `to` (both calendar days, no time zone involved). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The plan's report deadlines already past on `today`, the oldest first. */
export function overdueDeadlines(plan: Plan, today: LocalDate): KeyDate[] {
  return keyDates(plan).filter((d) => (d.id === 'unitsToCommune' || d.id === 'communeToProvince') && d.end < today);
}

/**
 * The occasions the seeds hold propaganda around, every year: seed 001, lines 58–60 ("Ngày Gia
 * đình Việt Nam (28/6); Ngày Phụ nữ Việt Nam (20/10); Tháng hành động vì bình đẳng giới … (15/11 -
 * 15/12)") and seed 002, line 42 (the Action Month).
 */
export const occasionIds = ['familyDay', 'womensDay', 'actionMonth'] as const;
export type OccasionId = (typeof occasionIds)[number];

/** The occasion a day falls on or in, if any. */
export function occasionOn(date: LocalDate): OccasionId | null {
  const monthDay = date.slice(5);
  if (monthDay === '06-28') return 'familyDay';
  if (monthDay === '10-20') return 'womensDay';
  if (monthDay >= '11-15' && monthDay <= '12-15') return 'actionMonth';
  return null;
}
