// Time the phone can trust: its own clock may be days off (a cheap phone after a flat battery
// starts in 2000 or a year ahead), so it learns the server's time at each sync (the answers'
// `Date` header) and keeps the difference. Dates a person records are checked against the
// day by that corrected clock; the server checks them against its own, with a day to spare.
import { addDays, dayInVietnam, type LocalDate } from './dates.ts';

export const DAY_MS = 86_400_000;

/** How far the phone's clock is behind the server's (negative: ahead), from one answer. */
export function clockOffsetOf(serverTime: number, phoneTime: number): number {
  return serverTime - phoneTime;
}

/** The server's time now, by the phone's clock and the offset last learnt (none: the phone's own). */
export function correctedNow(phoneNow: number, offsetMs: number | undefined): Date {
  return new Date(phoneNow + (offsetMs ?? 0));
}

/** Whole days the phone's clock is off when that is more than a day, otherwise 0 (no warning). */
export function clockDriftDays(offsetMs: number | undefined): number {
  if (offsetMs === undefined || Math.abs(offsetMs) <= DAY_MS) return 0;
  return Math.round(Math.abs(offsetMs) / DAY_MS);
}

/**
 * The last day a record may carry on the server: today in Vietnam and one day more, for a phone
 * whose day has turned before the server's (another time zone, a clock a few hours fast).
 */
export function latestRecordDay(serverNow: Date): LocalDate {
  return addDays(dayInVietnam(serverNow), 1);
}
