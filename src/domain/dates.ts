// Dates and periods in Vietnam's time zone. A record's date is the calendar day the user
// chose ("YYYY-MM-DD"), never a phone timestamp, so a wrong phone clock cannot move it.
import * as z from 'zod/mini';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const localDate = z.iso.date();
export type LocalDate = z.infer<typeof localDate>;

export type Quarter = 1 | 2 | 3 | 4;
export interface QuarterPeriod {
  year: number;
  quarter: Quarter;
}

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Vietnam at the instant `now`, whatever the machine's zone. */
export function dayInVietnam(now: Date): LocalDate {
  const parts = dayFormatter.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function quarterOf(date: LocalDate): QuarterPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter };
}

/** "2026-Q3": sortable, used as an index key on the phone. */
export function quarterKey(period: QuarterPeriod): string {
  return `${period.year}-Q${period.quarter}`;
}

export function parseQuarterKey(key: string): QuarterPeriod | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(key);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) as Quarter } : null;
}

export function quarterDates(period: QuarterPeriod): { first: LocalDate; last: LocalDate } {
  const firstMonth = (period.quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(period.year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    first: `${period.year}-${pad(firstMonth)}-01`,
    last: `${period.year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

export function shiftQuarter(period: QuarterPeriod, by: number): QuarterPeriod {
  const index = period.year * 4 + (period.quarter - 1) + by;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter };
}

/** The calendar day `days` after `day` (before it when negative). */
export function addDays(day: LocalDate, days: number): LocalDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}
