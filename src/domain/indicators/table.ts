// The units × indicators table of a period: each indicator for each unit and for the whole
// commune, judged against the plan. Pure: records in, values (with their record ids) out.
import type { LocalDate } from '../dates.ts';
import type { ChecklistRecord, NewsPost, PropagandaSession, ViolenceCase } from '../records/index.ts';
import { effectiveTarget, indicatorIds, indicatorsWithoutData, type IndicatorId, type Plan } from '../plan/plan.ts';
import { periodDates, type Period } from './period.ts';
import * as rules from './rules.ts';
import { unitDirectory, type UnitEntry } from './units.ts';
import { evaluate, type IndicatorCell, type IndicatorValue } from './values.ts';

/** A record as stored (server) or held on the phone: deleted ones are skipped. */
export interface RecordEntry {
  deleted: boolean;
  record: ChecklistRecord | null;
}

export interface IndicatorInput {
  plan: Plan;
  units: readonly UnitEntry[];
  records: Iterable<RecordEntry>;
  period: Period;
  /** Today in Vietnam: decides what is over, behind or still pending. */
  asOf: LocalDate;
}

export type IndicatorCells = Record<IndicatorId, IndicatorCell>;

export interface UnitRow {
  unit: UnitEntry;
  /** True for the commune's own row (its conferences, portal posts, cases it handled). */
  communeLevel: boolean;
  cells: IndicatorCells;
  /** Records of the period that count for this unit (its own and those of units merged into it). */
  recordIds: string[];
}

export interface IndicatorTable {
  period: Period;
  asOf: LocalDate;
  commune: IndicatorCells;
  rows: UnitRow[];
  /** Village units in service with no record at all in the period. */
  silentUnitIds: string[];
}

interface Bucket {
  sessions: PropagandaSession[];
  posts: NewsPost[];
  cases: ViolenceCase[];
}

const emptyBucket = (): Bucket => ({ sessions: [], posts: [], cases: [] });

function addTo(bucket: Bucket, record: ChecklistRecord): void {
  if (record.kind === 'propagandaSession') bucket.sessions.push(record);
  else if (record.kind === 'newsPost') bucket.posts.push(record);
  else bucket.cases.push(record);
}

export function computeIndicators(input: IndicatorInput): IndicatorTable {
  const { plan, period, asOf } = input;
  const directory = unitDirectory(input.units);
  const all = emptyBucket();
  const byUnit = new Map<string, Bucket>();
  const { first, last } = periodDates(period);
  for (const entry of input.records) {
    const record = entry.record;
    if (entry.deleted || !record || record.date < first || record.date > last) continue;
    addTo(all, record);
    const unitId = directory.countsFor(record.unitId);
    let bucket = byUnit.get(unitId);
    if (!bucket) byUnit.set(unitId, (bucket = emptyBucket()));
    addTo(bucket, record);
  }
  const bucketOf = (unitId: string) => byUnit.get(unitId) ?? emptyBucket();
  const sessionsOf = (unitId: string) => bucketOf(unitId).sessions;

  const valuesFor = (bucket: Bucket, villageUnits: readonly UnitEntry[]): Record<IndicatorId, IndicatorValue> => ({
    newsPostsPerQuarter: rules.newsPosts(bucket.posts, period),
    conferencesHeld: rules.conferencesHeld(bucket.sessions, period),
    unitsReachedByPropaganda: rules.unitsReached(villageUnits, sessionsOf),
    householdsReached: rules.householdsReached(villageUnits, sessionsOf),
    casesHandledInTime: rules.casesHandledInTime(bucket.cases, plan.handledInTimeDays, asOf),
    victimsReachedService: rules.victimsReachedService(bucket.cases),
    perpetratorsCounselled: rules.perpetratorsCounselled(bucket.cases),
    unitsWithContactPoint: { kind: 'noData' },
    preventionModels: { kind: 'noData' },
    inspections: { kind: 'noData' },
    complaintsHandled: { kind: 'noData' },
    officerTrainings: { kind: 'noData' },
  });

  const targets = new Map(plan.indicators.map((i) => [i.id, effectiveTarget(i)]));
  const judge = (values: Record<IndicatorId, IndicatorValue>, unitLevel: boolean): IndicatorCells => {
    const cells = {} as IndicatorCells;
    for (const id of indicatorIds) {
      const target = targets.get(id) ?? null;
      // Count targets are the commune's; percent targets hold in every unit too.
      const applies = !unitLevel || target?.kind === 'percent';
      const value = indicatorsWithoutData.includes(id) ? ({ kind: 'noData' } as const) : values[id];
      cells[id] = { value, verdict: evaluate(value, applies ? target : null, period, asOf) };
    }
    return cells;
  };

  const row = (unit: UnitEntry, communeLevel: boolean): UnitRow => {
    const bucket = bucketOf(unit.id);
    const reachScope = communeLevel ? [] : [unit];
    return {
      unit,
      communeLevel,
      cells: judge(valuesFor(bucket, reachScope), true),
      recordIds: [...bucket.sessions, ...bucket.posts, ...bucket.cases].map((r) => r.id),
    };
  };

  const rows = [
    ...directory.villageUnits.map((u) => row(u, false)),
    ...input.units.filter((u) => directory.communeUnitIds.has(u.id)).map((u) => row(u, true)),
  ];
  return {
    period,
    asOf,
    commune: judge(valuesFor(all, directory.villageUnits), false),
    rows,
    silentUnitIds: rows.filter((r) => !r.communeLevel && r.recordIds.length === 0).map((r) => r.unit.id),
  };
}
