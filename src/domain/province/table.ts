// The province's communes × indicators table: each commune's figures (aggregated by the
// database, no record in them) judged against that commune's own plan, the communes behind
// target, and those that have not reported. Pure: figures and plans in, table out.
import * as z from 'zod/mini';
import { localDate, type LocalDate } from '../dates.ts';
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

const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** An indicator's value as the province sees it: totals only, never the records behind them. */
export const provinceValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), count: z.number(), byQuarter: z.array(z.object({ year: z.number(), quarter, count: z.number() })) }),
  /** pending: cases still inside their time limit, counted in neither term. */
  z.object({ kind: z.literal('ratio'), numerator: z.number(), denominator: z.number(), pending: z.number() }),
  z.object({ kind: z.literal('noData') }),
]);
export type ProvinceValue = z.infer<typeof provinceValue>;

/** What the database computes for one commune over one period. */
export interface CommuneFigures {
  communeId: string;
  communeName: string;
  /** Live records dated in the period, of all the commune's units (its own level included). */
  recordCount: number;
  /** One value per indicator the app collects records for. */
  values: Partial<Record<IndicatorId, ProvinceValue>>;
}

const verdicts = ['met', 'notMet', 'behind', 'notApplicable', 'noData', 'noTarget'] as const satisfies readonly Verdict[];

export const provinceCell = z.object({ value: provinceValue, verdict: z.enum(verdicts) });
export type ProvinceCell = z.infer<typeof provinceCell>;

export const provinceCommuneRow = z.object({
  communeId: z.string(),
  communeName: z.string(),
  recordCount: z.number(),
  /** False when no record of the commune is dated in the period. */
  reported: z.boolean(),
  /** When the commune's yearly report is due at the province (its plan's deadline). */
  deadline: localDate,
  /** Not reported and the deadline has passed on asOf. */
  overdue: z.boolean(),
  cells: z.record(z.enum(indicatorIds), provinceCell),
  /** Indicators below target (met neither now nor, once over, at the end of the period). */
  behind: z.array(z.enum(indicatorIds)),
});
export type ProvinceCommuneRow = z.infer<typeof provinceCommuneRow>;

/** GET /province/indicators. */
export const provinceTableAnswer = z.object({
  province: z.object({ id: z.string(), name: z.string() }),
  period: z.union([z.object({ year: z.number(), quarter }), z.object({ year: z.number(), quarter: z.optional(z.never()) })]),
  asOf: localDate,
  communes: z.array(provinceCommuneRow),
  /** Communes with no record dated in the period, in the table's order. */
  notReportedIds: z.array(z.string()),
});
export type ProvinceTable = z.infer<typeof provinceTableAnswer>;

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
