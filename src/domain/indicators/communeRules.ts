// The indicators of the commune checklist (seed 000): units with a contact point, prevention
// models kept running, inspections, officer trainings, complaints handled. Pure functions of
// the records, like rules.ts; each value carries the ids of the records it was computed from.
import type { LocalDate } from '../dates.ts';
import type { Complaint, ContactPoint, PreventionModel } from '../records/index.ts';
import { runningOn } from '../records/index.ts';
import { periodDates, quartersIn, type Period } from './period.ts';
import type { UnitEntry } from './units.ts';
import type { IndicatorValue } from './values.ts';

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

/**
 * The day a standing arrangement is judged on: the period's last day, or today while the
 * period runs (what is running now, not what was planned to run until 31/12).
 */
export function judgingDay(period: Period, asOf: LocalDate): LocalDate {
  const { last } = periodDates(period);
  return asOf < last ? asOf : last;
}

/** Village units with a contact point running on the judging day, over the units in service. */
export function unitsWithContactPoint(
  units: readonly UnitEntry[],
  contactPointsOf: (unitId: string) => readonly ContactPoint[],
  period: Period,
  asOf: LocalDate,
): IndicatorValue {
  const day = judgingDay(period, asOf);
  let numerator = 0;
  const recordIds: string[] = [];
  for (const unit of units) {
    const running = contactPointsOf(unit.id).filter((c) => runningOn(c, day));
    if (running.length > 0) numerator++;
    recordIds.push(...ids(running));
  }
  return { kind: 'ratio', numerator, denominator: units.length, recordIds };
}

/**
 * Prevention models kept running: those running on the judging day (a model that stopped
 * before it does not count); byQuarter holds those running at each quarter's end (or today).
 */
export function preventionModelsRunning(models: readonly PreventionModel[], period: Period, asOf: LocalDate): IndicatorValue {
  const day = judgingDay(period, asOf);
  const running = models.filter((m) => runningOn(m, day));
  const byQuarter = quartersIn(period).map((q) => {
    const quarterPeriod = { year: q.year, quarter: q.quarter };
    const atEnd = periodDates(quarterPeriod).first > asOf ? [] : models.filter((m) => runningOn(m, judgingDay(quarterPeriod, asOf)));
    return { ...q, count: atEnd.length, recordIds: ids(atEnd) };
  });
  return { kind: 'count', count: running.length, recordIds: ids(running), byQuarter };
}

/**
 * Complaints handled: of those received in the period, the ones handled by today. A complaint
 * received in December and handled in January counts for December's year (never January's),
 * as open until January's day has come, then as handled. Open ones stay in the denominator.
 */
export function complaintsHandled(complaints: readonly Complaint[], asOf: LocalDate): IndicatorValue {
  const handled = complaints.filter((c) => c.handledOn !== undefined && c.handledOn <= asOf);
  return { kind: 'ratio', numerator: handled.length, denominator: complaints.length, recordIds: ids(complaints) };
}
