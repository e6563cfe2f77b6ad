// The commune's own work as the province sees it (communeRules.ts and rules.countByQuarter,
// computed by the database for every commune of a province): village units with a contact
// point, prevention models running, inspections, officer trainings, complaints handled.
// These records are few per commune, so one query reads them by kind (index records_kind_commune,
// migration 0010) with their two dates (stoppedOn, handledOn) from the body. Standing records
// (contact points, models) are read from every year up to the period's end: one set up in an
// earlier year still counts if it is running on the judging day.
// tests/server/province-indicators.test.ts proves each value equal to its pure function.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { judgingDay } from '../../../src/domain/indicators/communeRules.ts';
import { periodDates, quartersIn, type Period } from '../../../src/domain/indicators/index.ts';
import type { LocalDate } from '../../../src/domain/dates.ts';
import type { IndicatorId } from '../../../src/domain/plan/index.ts';
import type { ProvinceValue } from '../../../src/domain/province/index.ts';
import type { Engine } from '../engine.ts';
import { jsonSql } from './jsonSql.ts';
import type { Database } from '../schema/tables.ts';

export interface CommuneWorkInput {
  provinceId: string;
  period: Period;
  asOf: LocalDate;
}

/** The indicators this file computes. */
export const communeWorkIndicatorIds = [
  'unitsWithContactPoint',
  'preventionModels',
  'inspections',
  'officerTrainings',
  'complaintsHandled',
] as const satisfies readonly IndicatorId[];
type CommuneWorkId = (typeof communeWorkIndicatorIds)[number];

export const communeWorkKinds = ['contactPoint', 'preventionModel', 'inspection', 'training', 'complaint'] as const;

/** Longest chain of merges followed back from a unit in service (as province.ts). */
const MAX_MERGE_STEPS = 32;

/** Running on `day` (records/standing.ts runningOn): set up by then, not stopped by then. */
const runningOn = (day: LocalDate) => sql`w.date <= ${day} and (w.stopped_on is null or w.stopped_on > ${day})`;
const kindIs = (kind: (typeof communeWorkKinds)[number]) => sql`w.kind = ${sql.lit(kind)}`;
const counted = (where: RawBuilder<unknown>, name: string) => ({ name, sql: sql`count(*) filter (where ${where}) as ${sql.raw(name)}` });

/** The query: one row per commune of the province, its counts in columns named below. */
export function communeWorkQuery(engine: Engine, input: CommuneWorkInput) {
  const json = jsonSql(engine);
  const body = json.document(sql.ref('r.body'));
  const { first, last } = periodDates(input.period);
  const day = judgingDay(input.period, input.asOf);
  const columns = [
    counted(sql`${kindIs('preventionModel')} and ${runningOn(day)}`, 'models'),
    counted(sql`${kindIs('complaint')} and w.date >= ${first}`, 'complaints'),
    counted(sql`${kindIs('complaint')} and w.date >= ${first} and w.handled_on <= ${input.asOf}`, 'complaints_handled'),
  ];
  for (const q of quartersIn(input.period)) {
    const quarter = periodDates(q);
    const inQuarter = sql`w.date >= ${quarter.first} and w.date <= ${quarter.last}`;
    columns.push(counted(sql`${kindIs('inspection')} and ${inQuarter}`, `inspections_q${q.quarter}`));
    columns.push(counted(sql`${kindIs('training')} and ${inQuarter}`, `trainings_q${q.quarter}`));
    // A quarter not begun on asOf has no model running "at its end" yet.
    const started = quarter.first <= input.asOf;
    columns.push(counted(started ? sql`${kindIs('preventionModel')} and ${runningOn(judgingDay(q, input.asOf))}` : sql`false`, `models_q${q.quarter}`));
  }
  const kinds = sql.join(communeWorkKinds.map((kind) => sql.lit(kind)));

  return sql<Record<string, string | number | null>>`
    with recursive
    province_communes as (select c.id from communes c where c.province_id = ${input.provinceId}),
    work as (
      select r.commune_id, r.unit_id, r.kind, r.date,
        ${json.text(body, 'stoppedOn')} as stopped_on, ${json.text(body, 'handledOn')} as handled_on
      from records r join province_communes pc on pc.id = r.commune_id
      where r.kind in (${kinds}) and r.deleted = 0 and r.date <= ${last}
    ),
    by_commune as (
      select w.commune_id, ${sql.join(columns.map((c) => c.sql))} from work w group by w.commune_id
    ),
    -- Village units in service, and back along merges every unit whose records count for one.
    counts_for (id, target, depth) as (
      select u.id, u.id, 0 from units u join province_communes pc on pc.id = u.commune_id
      where u.type <> 'commune' and u.retired = 0 and (u.merged_into is null or u.merged_into = u.id)
        and (u.started_on is null or u.started_on <= ${last})
      union all
      select u.id, a.target, a.depth + 1 from counts_for a join units u on u.merged_into = a.id
      where u.id <> a.id and a.depth < ${sql.lit(MAX_MERGE_STEPS)}
    ),
    with_point as (
      select distinct a.target from counts_for a join work w on w.unit_id = a.id
      where ${kindIs('contactPoint')} and ${runningOn(day)}
    ),
    by_commune_units as (
      select u.commune_id, count(*) as units_in_service, count(wp.target) as units_with_point
      from counts_for a join units u on u.id = a.id left join with_point wp on wp.target = a.id
      where a.depth = 0 group by u.commune_id
    )
    select pc.id as commune_id, ${sql.join(columns.map((c) => sql.raw(`bc.${c.name}`)))}, bu.units_in_service, bu.units_with_point
    from province_communes pc
      left join by_commune bc on bc.commune_id = pc.id
      left join by_commune_units bu on bu.commune_id = pc.id`;
}

/** The five values of each commune of the province, by commune id. */
export async function communeWorkFigures(
  db: Kysely<Database>,
  engine: Engine,
  input: CommuneWorkInput,
): Promise<Map<string, Record<CommuneWorkId, ProvinceValue>>> {
  const { rows } = await communeWorkQuery(engine, input).execute(db);
  const quarters = quartersIn(input.period);
  return new Map(
    rows.map((row) => {
      const number = (name: string) => Number(row[name] ?? 0);
      const byQuarter = (name: string) => quarters.map((q) => ({ ...q, count: number(`${name}_q${q.quarter}`) }));
      const count = (name: string): ProvinceValue => {
        const quarterCounts = byQuarter(name);
        return { kind: 'count', count: quarterCounts.reduce((sum, q) => sum + q.count, 0), byQuarter: quarterCounts };
      };
      const values: Record<CommuneWorkId, ProvinceValue> = {
        unitsWithContactPoint: { kind: 'ratio', numerator: number('units_with_point'), denominator: number('units_in_service'), pending: 0 },
        preventionModels: { kind: 'count', count: number('models'), byQuarter: byQuarter('models') },
        inspections: count('inspections'),
        officerTrainings: count('trainings'),
        complaintsHandled: { kind: 'ratio', numerator: number('complaints_handled'), denominator: number('complaints'), pending: 0 },
      };
      return [String(row.commune_id), values];
    }),
  );
}
