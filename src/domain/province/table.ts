// The province's communes × indicators table: each commune's figures (aggregated by the
// database, no record in them) judged against that commune's own plan, the communes behind
// target, and those that have not reported. Pure: figures and plans in, table out.
import type { LocalDate } from '../dates.ts';
import { evaluate, isBehind, type IndicatorValue, type Period, type Verdict } from '../indicators/index.ts';
import { effectiveTarget, indicatorIds, type IndicatorId, type Plan } from '../plan/plan.ts';

/**
 * The indicators the database computes for the province: the records' indicators
 * (server/store/provinceIndicators.ts, one SQL definition each) and the commune's own work
 * (contact points, prevention models, inspections, trainings, complaints:
 * server/store/provinceCommuneWork.ts). Every indicator of the plan is covered.
 */
export const provinceIndicatorIds: readonly IndicatorId[] = [
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
];
/** Indicators the province sees as "no data" (none left; kept so a new indicator starts here). */
export const indicatorsNotInProvinceView: readonly IndicatorId[] = indicatorIds.filter((id) => !provinceIndicatorIds.includes(id));

/** An indicator's value as the province sees it: totals only, never the records behind them. */
export type ProvinceValue =
  | { kind: 'count'; count: number; byQuarter: Array<{ year: number; quarter: 1 | 2 | 3 | 4; count: number }> }
  /** pending: cases still inside their time limit, counted in neither term. */
  | { kind: 'ratio'; numerator: number; denominator: number; pending: number }
  | { kind: 'noData' };

/** What the database computes for one commune over one period. */
export interface CommuneFigures {
  communeId: string;
  communeName: string;
  /** Live records dated in the period, of all the commune's units (its own level included). */
  recordCount: number;
  /** One value per indicator the app collects records for. */
  values: Partial<Record<IndicatorId, ProvinceValue>>;
}

export interface ProvinceCell {
  value: ProvinceValue;
  verdict: Verdict;
}

export interface ProvinceCommuneRow {
  communeId: string;
  communeName: string;
  recordCount: number;
  /** False when no record of the commune is dated in the period. */
  reported: boolean;
  /** When the commune's yearly report is due at the province (its plan's deadline). */
  deadline: LocalDate;
  /** Not reported and the deadline has passed on asOf. */
  overdue: boolean;
  cells: Record<IndicatorId, ProvinceCell>;
  /** Indicators below target (met neither now nor, once over, at the end of the period). */
  behind: IndicatorId[];
}

export interface ProvinceTable {
  province: { id: string; name: string };
  period: Period;
  asOf: LocalDate;
  communes: ProvinceCommuneRow[];
  /** Communes with no record dated in the period, in the table's order. */
  notReportedIds: string[];
}

/** evaluate() reads only the totals; the province's values carry no record ids. */
function asIndicatorValue(value: ProvinceValue): IndicatorValue {
  if (value.kind === 'count') return { ...value, recordIds: [], byQuarter: value.byQuarter.map((q) => ({ ...q, recordIds: [] })) };
  if (value.kind === 'ratio') return { kind: 'ratio', numerator: value.numerator, denominator: value.denominator, recordIds: [] };
  return value;
}

export function judgeCommune(figures: CommuneFigures, plan: Plan, period: Period, asOf: LocalDate): ProvinceCommuneRow {
  const targets = new Map(plan.indicators.map((i) => [i.id, effectiveTarget(i)]));
  const cells = {} as Record<IndicatorId, ProvinceCell>;
  for (const id of indicatorIds) {
    const value: ProvinceValue = provinceIndicatorIds.includes(id) ? (figures.values[id] ?? { kind: 'noData' }) : { kind: 'noData' };
    cells[id] = { value, verdict: evaluate(asIndicatorValue(value), targets.get(id) ?? null, period, asOf) };
  }
  const reported = figures.recordCount > 0;
  const deadline = plan.deadlines.communeToProvince;
  return {
    communeId: figures.communeId,
    communeName: figures.communeName,
    recordCount: figures.recordCount,
    reported,
    deadline,
    overdue: !reported && deadline < asOf,
    cells,
    behind: indicatorIds.filter((id) => isBehind(cells[id].verdict)),
  };
}

export function provinceTable(input: {
  province: { id: string; name: string };
  figures: readonly CommuneFigures[];
  /** The plan of each commune for the period's year (the defaults where none was saved). */
  planOf: (communeId: string) => Plan;
  period: Period;
  asOf: LocalDate;
}): ProvinceTable {
  const communes = input.figures.map((f) => judgeCommune(f, input.planOf(f.communeId), input.period, input.asOf));
  return {
    province: input.province,
    period: input.period,
    asOf: input.asOf,
    communes,
    notReportedIds: communes.filter((c) => !c.reported).map((c) => c.communeId),
  };
}
