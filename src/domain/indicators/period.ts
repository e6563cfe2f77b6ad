// The period an indicator is computed for: a quarter or a whole year, in Vietnam's calendar.
// A record's `date` is already the Vietnamese calendar day, so membership is a string compare.
import { quarterDates, type LocalDate, type Quarter } from '../dates.ts';

export type Period = { year: number; quarter: Quarter } | { year: number; quarter?: undefined };

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export function periodDates(period: Period): { first: LocalDate; last: LocalDate } {
  if (period.quarter) return quarterDates({ year: period.year, quarter: period.quarter });
  return { first: `${period.year}-01-01`, last: `${period.year}-12-31` };
}

export function inPeriod(date: LocalDate, period: Period): boolean {
  const { first, last } = periodDates(period);
  return date >= first && date <= last;
}

/** A period is over once its last day has passed on `asOf`. */
export function periodOver(period: Period, asOf: LocalDate): boolean {
  return periodDates(period).last < asOf;
}

/** The quarters of a period: itself, or the four of a year. */
export function quartersIn(period: Period): Array<{ year: number; quarter: Quarter }> {
  return period.quarter ? [{ year: period.year, quarter: period.quarter }] : QUARTERS.map((quarter) => ({ year: period.year, quarter }));
}

/** "2026" or "2026-Q3". */
export function periodKey(period: Period): string {
  return period.quarter ? `${period.year}-Q${period.quarter}` : String(period.year);
}

export function parsePeriodKey(key: string): Period | null {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(key);
  if (!match) return null;
  return match[2] ? { year: Number(match[1]), quarter: Number(match[2]) as Quarter } : { year: Number(match[1]) };
}
