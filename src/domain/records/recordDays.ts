// The calendar days a record carries (the day it happened, a stop, a case's status dates), by
// field path, and those that lie after a given day: what happened cannot be dated tomorrow.
import { localDate, type LocalDate } from '../dates.ts';

const isDay = (value: unknown): value is LocalDate => typeof value === 'string' && localDate.safeParse(value).success;

/** A day field: `date`, a `…On` field (stoppedOn, handledOn), or one of a case's `statusDates`. */
function isDayKey(key: string, parent: string | undefined): boolean {
  return parent === 'statusDates' || (parent === undefined && (key === 'date' || /On$/.test(key)));
}

/** Every day in the record with its path ("date", "statusDates.closed"). */
export function recordDays(record: object): { path: string; day: LocalDate }[] {
  const days: { path: string; day: LocalDate }[] = [];
  const walk = (value: object, parent: string | undefined) => {
    for (const [key, field] of Object.entries(value)) {
      if (parent === undefined && key === 'statusDates' && field && typeof field === 'object') walk(field as object, key);
      else if (isDayKey(key, parent) && isDay(field)) days.push({ path: parent ? `${parent}.${key}` : key, day: field });
    }
  };
  walk(record, undefined);
  return days;
}

/** The paths of the record's days that come after `latest`. */
export function daysAfter(record: object, latest: LocalDate): string[] {
  return recordDays(record)
    .filter(({ day }) => day > latest)
    .map(({ path }) => path);
}
