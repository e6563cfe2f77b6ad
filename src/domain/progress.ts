// What the plan still expects of one unit, from the records on the phone: news posts this
// quarter and propaganda this year against the commune's targets (seeds file 000), and the
// deadlines that come near. A stand-in until src/domain/indicators computes the full plan:
// the home screen should then read these counts from the indicator module.
import { quarterDates, quarterOf, type LocalDate, type QuarterPeriod } from './dates.ts';
import type { RecordKind } from './records/index.ts';

/** At least 4 news posts (tin, bài) per quarter. */
export const NEWS_POSTS_PER_QUARTER = 4;
/** Every unit reached by propaganda at least once a year. */
export const PROPAGANDA_SESSIONS_PER_YEAR = 1;
/** Units report to the commune before 25/11. */
export const REPORT_DEADLINE = { month: 11, day: 25 } as const;
/** How early each reminder shows, in days. */
export const REPORT_REMINDER_DAYS = 30;
export const QUARTER_REMINDER_DAYS = 14;

export interface DatedRecord {
  kind: RecordKind;
  date: LocalDate;
}

export interface Tally {
  done: number;
  target: number;
}

export type Reminder =
  | { kind: 'report'; deadline: LocalDate; daysLeft: number }
  | { kind: 'quarterNews'; deadline: LocalDate; daysLeft: number; missing: number };

export interface UnitProgress {
  quarter: QuarterPeriod;
  newsThisQuarter: Tally;
  propagandaThisYear: Tally;
  reminders: Reminder[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is past. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const utc = (d: LocalDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export function unitProgress(records: readonly DatedRecord[], today: LocalDate): UnitProgress {
  const quarter = quarterOf(today);
  const { first, last } = quarterDates(quarter);
  const year = today.slice(0, 4);
  const news = records.filter((r) => r.kind === 'newsPost' && r.date >= first && r.date <= last).length;
  const propaganda = records.filter((r) => r.kind === 'propagandaSession' && r.date.slice(0, 4) === year).length;

  const reminders: Reminder[] = [];
  const reportDeadline = `${year}-${pad(REPORT_DEADLINE.month)}-${pad(REPORT_DEADLINE.day)}`;
  const reportDays = daysBetween(today, reportDeadline);
  if (reportDays >= 0 && reportDays <= REPORT_REMINDER_DAYS) reminders.push({ kind: 'report', deadline: reportDeadline, daysLeft: reportDays });
  const quarterDays = daysBetween(today, last);
  if (news < NEWS_POSTS_PER_QUARTER && quarterDays <= QUARTER_REMINDER_DAYS) {
    reminders.push({ kind: 'quarterNews', deadline: last, daysLeft: quarterDays, missing: NEWS_POSTS_PER_QUARTER - news });
  }

  return {
    quarter,
    newsThisQuarter: { done: news, target: NEWS_POSTS_PER_QUARTER },
    propagandaThisYear: { done: propaganda, target: PROPAGANDA_SESSIONS_PER_YEAR },
    reminders,
  };
}
