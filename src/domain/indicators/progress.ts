// What the plan still expects, for the home card: a village unit's own row of the indicator
// table (what the office's dashboard shows for that unit), the commune's count targets the
// village adds to, and the plan's report deadlines. A commune-level account sees the
// commune's totals instead. Everything comes from computeIndicators and the stored plan.
import { quarterOf, type LocalDate, type QuarterPeriod } from '../dates.ts';
import { daysBetween } from '../plan/calendar.ts';
import { effectiveTarget, type IndicatorId, type Plan, type Target } from '../plan/plan.ts';
import type { Period } from './period.ts';
import { computeIndicators, type IndicatorCells, type RecordEntry } from './table.ts';
import type { UnitEntry } from './units.ts';
import type { IndicatorCell } from './values.ts';

/** Percent indicators a village is judged on by itself, for the year. */
export const villageIndicators = [
  'unitsReachedByPropaganda',
  'householdsReached',
  'unitsWithContactPoint',
  'casesHandledInTime',
] as const satisfies readonly IndicatorId[];
/** Count targets that are the commune's: a village's records add to them, they are never the village's own. */
export const communeCountIndicators = ['newsPostsPerQuarter', 'conferencesHeld', 'preventionModels'] as const satisfies readonly IndicatorId[];
/** More indicators a commune-level account sees on its card (its own records count there). */
const communeOnlyIndicators = ['complaintsHandled', 'inspections', 'officerTrainings'] as const satisfies readonly IndicatorId[];

/** A deadline draws a reminder this many days before it. */
export const DEADLINE_REMINDER_DAYS = 30;

export interface ProgressLine {
  id: IndicatorId;
  period: Period;
  /** The cell of the indicator table: the same value and verdict as the dashboard's. */
  cell: IndicatorCell;
  target: Target | null;
  /** For a percent target: how many more (sessions' units, households, units with a contact point, cases) reach it; 0 when reached. */
  short: number;
}

export interface DeadlineNotice {
  id: 'unitsToCommune' | 'communeToProvince';
  date: LocalDate;
  /** Negative once the day has passed. */
  daysLeft: number;
  state: 'coming' | 'soon' | 'today' | 'overdue';
}

export interface UnitProgress {
  scope: 'village' | 'commune';
  quarter: QuarterPeriod;
  year: number;
  /** What the unit (or the commune) is judged on, for the year. */
  lines: ProgressLine[];
  /** The commune's count targets; for a village, `cell` holds what its own records add. */
  communeTargets: ProgressLine[];
  deadlines: DeadlineNotice[];
}

export interface ProgressInput {
  plan: Plan;
  units: readonly UnitEntry[];
  records: readonly RecordEntry[];
  unitId: string;
  /** Today in Vietnam. */
  today: LocalDate;
}

/** How many more in the numerator reach a percent target (rounded up); 0 once reached or without a percent target. */
function shortOf(cell: IndicatorCell, target: Target | null): number {
  if (target?.kind !== 'percent' || cell.value.kind !== 'ratio') return 0;
  // The fewest that reach the target: at least min% of the denominator, or more than it.
  const share = (target.min * cell.value.denominator) / 100;
  const needed = target.compare === 'moreThan' ? Math.floor(share + 1e-9) + 1 : Math.ceil(share - 1e-9);
  return Math.max(0, needed - cell.value.numerator);
}

function deadline(id: DeadlineNotice['id'], date: LocalDate, today: LocalDate): DeadlineNotice {
  const daysLeft = daysBetween(today, date);
  const state = daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'today' : daysLeft <= DEADLINE_REMINDER_DAYS ? 'soon' : 'coming';
  return { id, date, daysLeft, state };
}

export function unitProgress(input: ProgressInput): UnitProgress {
  const { plan, units, records, unitId, today } = input;
  const quarter = quarterOf(today);
  const yearPeriod: Period = { year: quarter.year };
  const quarterPeriod: Period = { year: quarter.year, quarter: quarter.quarter };
  const tables = {
    year: computeIndicators({ plan, units, records, period: yearPeriod, asOf: today }),
    quarter: computeIndicators({ plan, units, records, period: quarterPeriod, asOf: today }),
  };
  const unit = units.find((u) => u.id === unitId);
  const scope = !unit || unit.type === 'commune' ? 'commune' : 'village';
  const cellsOf = (table: typeof tables.year): IndicatorCells | undefined =>
    scope === 'commune' ? table.commune : table.rows.find((r) => r.unit.id === unitId)?.cells;
  const targetOf = (id: IndicatorId) => {
    const indicator = plan.indicators.find((i) => i.id === id);
    return indicator ? effectiveTarget(indicator) : null;
  };
  const line = (id: IndicatorId, period: Period, cells: IndicatorCells | undefined): ProgressLine[] => {
    if (!cells) return [];
    const target = targetOf(id);
    return [{ id, period, cell: cells[id], target, short: shortOf(cells[id], target) }];
  };
  const yearCells = cellsOf(tables.year);
  const quarterCells = cellsOf(tables.quarter);
  const communeCounts =
    scope === 'commune' ? [...communeCountIndicators, ...communeOnlyIndicators.filter((id) => id !== 'complaintsHandled')] : communeCountIndicators;
  return {
    scope,
    quarter,
    year: quarter.year,
    lines: [...villageIndicators, ...(scope === 'commune' ? (['complaintsHandled'] as const) : [])].flatMap((id) => line(id, yearPeriod, yearCells)),
    communeTargets: communeCounts
      .filter((id) => targetOf(id) !== null)
      .flatMap((id) => (id === 'newsPostsPerQuarter' ? line(id, quarterPeriod, quarterCells) : line(id, yearPeriod, yearCells))),
    deadlines: [
      deadline('unitsToCommune', plan.deadlines.unitsToCommune, today),
      ...(scope === 'commune' ? [deadline('communeToProvince', plan.deadlines.communeToProvince, today)] : []),
    ],
  };
}
