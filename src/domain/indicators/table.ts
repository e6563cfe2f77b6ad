// The units × indicators table of a period: each indicator for each unit and for the whole
// commune, judged against the plan. Pure: records in, values (with their record ids) out.
import type { LocalDate } from '../dates.ts';
import type {
  ChecklistRecord,
  Complaint,
  ContactPoint,
  Inspection,
  NewsPost,
  PreventionModel,
  PropagandaSession,
  Training,
  ViolenceCase,
} from '../records/index.ts';
import * as communeRules from './communeRules.ts';
import { effectiveTarget, indicatorIds, indicatorsWithoutData, type IndicatorId, type Plan } from '../plan/plan.ts';
import { periodDates, type Period } from './period.ts';
import * as rules from './rules.ts';
import { existedBy, unitDirectory, type UnitEntry } from './units.ts';
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
  /** Standing arrangements set up on or before the period's last day, whatever year. */
  contactPoints: ContactPoint[];
  models: PreventionModel[];
  inspections: Inspection[];
  trainings: Training[];
  complaints: Complaint[];
  /** Records dated inside the period (what makes a unit not silent). */
  inPeriod: string[];
}

const emptyBucket = (): Bucket => ({
  sessions: [],
  posts: [],
  cases: [],
  contactPoints: [],
  models: [],
  inspections: [],
  trainings: [],
  complaints: [],
  inPeriod: [],
});

function addTo(bucket: Bucket, record: ChecklistRecord, inPeriod: boolean): void {
  if (inPeriod) bucket.inPeriod.push(record.id);
  switch (record.kind) {
    case 'contactPoint':
      return void bucket.contactPoints.push(record);
    case 'preventionModel':
      return void bucket.models.push(record);
  }
  if (!inPeriod) return;
  switch (record.kind) {
    case 'propagandaSession':
      return void bucket.sessions.push(record);
    case 'newsPost':
      return void bucket.posts.push(record);
    case 'violenceCase':
      return void bucket.cases.push(record);
    case 'inspection':
      return void bucket.inspections.push(record);
    case 'training':
      return void bucket.trainings.push(record);
    case 'complaint':
      return void bucket.complaints.push(record);
  }
}

/** A contact point or a model set up before the period may still be running in it. */
const isStanding = (record: ChecklistRecord) => record.kind === 'contactPoint' || record.kind === 'preventionModel';

export function computeIndicators(input: IndicatorInput): IndicatorTable {
  const { plan, period, asOf } = input;
  const directory = unitDirectory(input.units);
  const all = emptyBucket();
  const byUnit = new Map<string, Bucket>();
  const { first, last } = periodDates(period);
  for (const entry of input.records) {
    const record = entry.record;
    if (entry.deleted || !record || record.date > last) continue;
    const inPeriod = record.date >= first;
    if (!inPeriod && !isStanding(record)) continue;
    addTo(all, record, inPeriod);
    const unitId = directory.countsFor(record.unitId);
    let bucket = byUnit.get(unitId);
    if (!bucket) byUnit.set(unitId, (bucket = emptyBucket()));
    addTo(bucket, record, inPeriod);
  }
  // A unit added after the period (one added in December, for the first three quarters) is not one "not reached" in it.
  const villageUnits = directory.villageUnits.filter((u) => existedBy(u, last));
  const bucketOf = (unitId: string) => byUnit.get(unitId) ?? emptyBucket();
  const sessionsOf = (unitId: string) => bucketOf(unitId).sessions;
  const contactPointsOf = (unitId: string) => bucketOf(unitId).contactPoints;

  const valuesFor = (bucket: Bucket, villageUnits: readonly UnitEntry[]): Record<IndicatorId, IndicatorValue> => ({
    newsPostsPerQuarter: rules.newsPosts(bucket.posts, period),
    conferencesHeld: rules.conferencesHeld(bucket.sessions, period),
    unitsReachedByPropaganda: rules.unitsReached(villageUnits, sessionsOf),
    householdsReached: rules.householdsReached(villageUnits, sessionsOf),
    casesHandledInTime: rules.casesHandledInTime(bucket.cases, plan.handledInTimeDays, asOf),
    victimsReachedService: rules.victimsReachedService(bucket.cases),
    perpetratorsCounselled: rules.perpetratorsCounselled(bucket.cases),
    unitsWithContactPoint: communeRules.unitsWithContactPoint(villageUnits, contactPointsOf, period, asOf),
    preventionModels: communeRules.preventionModelsRunning(bucket.models, period, asOf),
    inspections: rules.countByQuarter(bucket.inspections, period),
    complaintsHandled: communeRules.complaintsHandled(bucket.complaints, asOf),
    officerTrainings: rules.countByQuarter(bucket.trainings, period),
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
    // A unit added after the period keeps its row (the same rows in every period) but owes nothing in it.
    const reachScope = communeLevel || !existedBy(unit, last) ? [] : [unit];
    // A unit's own cells: its contact point counts 1 of 1 (the commune row has no contact point of its own).
    return {
      unit,
      communeLevel,
      cells: judge(valuesFor(bucket, reachScope), true),
      recordIds: bucket.inPeriod,
    };
  };

  const rows = [...directory.villageUnits.map((u) => row(u, false)), ...input.units.filter((u) => directory.communeUnitIds.has(u.id)).map((u) => row(u, true))];
  return {
    period,
    asOf,
    commune: judge(valuesFor(all, villageUnits), false),
    rows,
    silentUnitIds: rows.filter((r) => !r.communeLevel && existedBy(r.unit, last) && r.recordIds.length === 0).map((r) => r.unit.id),
  };
}
