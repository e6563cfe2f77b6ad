// The province view's reads: its communes' figures for a period, aggregated in one SQL query
// over the facts kept per unit and quarter (facts.ts; indicators.ts holds the
// definitions), and the plans of its communes. No record body leaves the database on this path.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { periodDates, quartersIn, type Period } from '../../../src/domain/indicators/index.ts';
import type { LocalDate } from '../../../src/domain/dates.ts';
import type { Plan } from '../../../src/domain/plan/index.ts';
import type { CommuneFigures } from '../../../src/domain/province/index.ts';
import type { Engine } from '../engine.ts';
import { jsonSql } from './jsonSql.ts';
import { FACTS_TABLE } from './facts.ts';
import { indicatorSql, type Fact, type FactContext, type Sums } from './indicators.ts';
import { communeWorkFigures } from './communeWork.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';

export interface ProvinceFiguresInput {
  provinceId: string;
  period: Period;
  asOf: LocalDate;
  /** Days to handle a case where the commune saved no plan for the year. */
  defaultHandledInTimeDays: number;
}

/** Longest chain of merges followed (a unit merged into one later merged again …). */
const MAX_MERGE_STEPS = 32;

const column = (name: string) => {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a column name: ${name}`);
  return sql.raw(name);
};

/** sum() of a fact over the facts rows it concerns (FILTER: SQLite 3.30+, PostgreSQL 9.4+). */
const aggregate = (fact: Fact) => (fact.where ? sql`coalesce(sum(${fact.sum}) filter (where ${fact.where}), 0)` : sql`coalesce(sum(${fact.sum}), 0)`);

/** A fact summed over one quarter is the column "<fact>_q<n>". */
const quarterColumn = (name: string, quarter: number) => `${name}_q${quarter}`;

/**
 * The SQL of the figures query (the benchmark EXPLAINs it too). It reads the facts kept per
 * unit and quarter (facts.ts), never the records: one pass over the period's facts rows of the
 * province's communes sums every fact per unit (split by quarter where an indicator counts per
 * quarter, judged against the commune's plan and today where it needs them); merges, units and
 * communes are then joined to those sums.
 */
export function provinceFiguresQuery(engine: Engine, input: ProvinceFiguresInput) {
  const json = jsonSql(engine);
  const quarters = quartersIn(input.period).map((q) => q.quarter);
  const row: FactContext = {
    stored: (name) => sql`f.${column(name)}`,
    key: (name) => sql`f.${column(name)}`,
    caseDays: sql.ref('pc.case_days'),
    pendingSince: sql.ref('pc.pending_since'),
  };
  // Per unit: every fact, each quarter fact once per quarter of the period, every unit fact.
  const perRow = new Map<string, Fact>([['records', { sum: sql`f.records` }]]);
  const communeSums: string[] = ['records'];
  const unitSums: string[] = [];
  const unitTerms = new Map<string, RawBuilder<unknown>>();
  const unitView = { fact: (name: string) => sql`s.${column(name)}`, households: sql.ref('village.households') };
  for (const indicator of indicatorSql) {
    for (const [name, expression] of Object.entries(indicator.facts?.(row) ?? {})) {
      perRow.set(name, expression);
      communeSums.push(name);
    }
    for (const [name, expression] of Object.entries(indicator.quarterFacts?.(row) ?? {})) {
      for (const q of quarters) {
        const inQuarter = sql`f.quarter = ${sql.lit(q)}`;
        perRow.set(quarterColumn(name, q), { ...expression, where: expression.where ? sql`${expression.where} and ${inQuarter}` : inQuarter });
        communeSums.push(quarterColumn(name, q));
      }
    }
    for (const [name, expression] of Object.entries(indicator.unitFacts?.(row) ?? {})) {
      perRow.set(name, expression);
      unitSums.push(name);
    }
    for (const [name, expression] of Object.entries(indicator.unitTerms?.(unitView) ?? {})) unitTerms.set(name, expression);
  }
  const list = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql`, `);
  const summed = (names: Iterable<string>, from: string) => [...names].map((name) => sql`sum(${sql.raw(from)}.${column(name)}) as ${column(name)}`);
  const planDays = json.int(json.document(sql.ref('p.body')), 'handledInTimeDays');

  return sql<Record<string, string | number | null>>`
    with recursive
    province_communes as (
      select days.id, days.name, days.case_days, ${json.daysBefore(sql`${input.asOf}`, sql.ref('days.case_days'))} as pending_since
      from (
        select c.id, c.name, coalesce(${planDays}, ${input.defaultHandledInTimeDays}) as case_days
        from communes c left join plans p on p.commune_id = c.id and p.year = ${input.period.year}
        where c.province_id = ${input.provinceId}
      ) days
    ),
    chain (id, target, depth) as (
      select u.id, u.id, 0 from units u join province_communes pc on pc.id = u.commune_id
      union all
      select chain.id, u.merged_into, chain.depth + 1 from chain join units u on u.id = chain.target
      where u.merged_into is not null and u.merged_into <> u.id and chain.depth < ${sql.lit(MAX_MERGE_STEPS)}
    ),
    counts_for as (
      select chain.id, chain.target from chain join units u on u.id = chain.target
      where u.merged_into is null or u.merged_into = u.id
    ),
    per_unit as (
      -- Grouped by unit alone (a fact's commune is its unit's): a hash of a few thousand groups.
      select f.unit_id, ${list([...perRow].map(([name, fact]) => sql`${aggregate(fact)} as ${column(name)}`))}
      from ${sql.table(FACTS_TABLE)} f join province_communes pc on pc.id = f.commune_id
      where f.year = ${input.period.year} and f.quarter in (${list(quarters.map((q) => sql.lit(q)))})
      group by f.unit_id
    ),
    by_commune as (
      select u.commune_id, ${list(summed(communeSums, 'pu'))} from per_unit pu join units u on u.id = pu.unit_id group by u.commune_id
    ),
    unit_sums as (
      select counts_for.target as unit_id, ${list(summed(unitSums, 'pu'))}
      from per_unit pu join counts_for on counts_for.id = pu.unit_id group by counts_for.target
    ),
    village as (
      select u.id, u.commune_id, u.households from units u join province_communes pc on pc.id = u.commune_id
      where u.type <> 'commune' and u.retired = 0 and (u.started_on is null or u.started_on <= ${periodDates(input.period).last})
    ),
    unit_terms as (
      select village.commune_id, ${list([...unitTerms].map(([name, expression]) => sql`${expression} as ${column(name)}`))}
      from village left join unit_sums s on s.unit_id = village.id
    ),
    by_commune_units as (
      select unit_terms.commune_id, ${list(summed(unitTerms.keys(), 'unit_terms'))} from unit_terms group by unit_terms.commune_id
    )
    select pc.id as commune_id, pc.name as commune_name,
      ${list(communeSums.map((name) => sql`bc.${column(name)}`))},
      ${list([...unitTerms.keys()].map((name) => sql`bu.${column(name)}`))}
    from province_communes pc
      left join by_commune bc on bc.commune_id = pc.id
      left join by_commune_units bu on bu.commune_id = pc.id
    order by pc.name, pc.id`;
}

/** Each commune of the province with its figures for the period, by commune name. */
export async function provinceFigures(db: Kysely<Database>, engine: Engine, input: ProvinceFiguresInput): Promise<CommuneFigures[]> {
  // The commune's own work (contact points, models, inspections, trainings, complaints): communeWork.ts.
  const [{ rows }, communeWork] = await Promise.all([provinceFiguresQuery(engine, input).execute(db), communeWorkFigures(db, engine, input)]);
  const quarters = quartersIn(input.period).map((q) => q.quarter);
  return rows.map((row) => {
    const number = (name: string) => Number(row[name] ?? 0);
    const sums: Sums = {
      fact: (name, quarter) => {
        if (quarter !== undefined) return number(quarterColumn(name, quarter));
        // A quarter fact's total is the sum of its quarters; any other fact is one column.
        return quarterColumn(name, quarters[0]!) in row ? quarters.reduce((sum, q) => sum + number(quarterColumn(name, q)), 0) : number(name);
      },
      term: (name) => number(name),
    };
    return {
      communeId: String(row.commune_id),
      communeName: String(row.commune_name),
      recordCount: number('records'),
      values: {
        ...Object.fromEntries(indicatorSql.map((indicator) => [indicator.id, indicator.value(sums, input.period)])),
        ...communeWork.get(String(row.commune_id)),
      },
    };
  });
}

export async function loadProvince(db: Kysely<Database>, provinceId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('provinces').select(['id', 'name']).where('id', '=', provinceId).executeTakeFirst();
}

/** The plans the province's communes saved for the year, by commune (the defaults apply to the others). */
export async function listProvincePlans(db: Kysely<Database>, provinceId: string, year: number): Promise<Map<string, Plan>> {
  const rows = await db
    .selectFrom('plans')
    .innerJoin('communes', 'communes.id', 'plans.commune_id')
    .select(['plans.commune_id', 'plans.body'])
    .where('communes.province_id', '=', provinceId)
    .where('plans.year', '=', year)
    .execute();
  return new Map(rows.map((row) => [row.commune_id, JSON.parse(row.body) as Plan]));
}

/** store.province: reads only. */
export const provinceGroup = storeGroup('keeps', ({ db, engine }) => ({
  /** The province's name, or undefined when there is no such province. */
  load: (provinceId: string) => loadProvince(db, provinceId),
  /** Every commune of the province with its indicators for the period, computed by the database. */
  figures: (input: ProvinceFiguresInput) => provinceFigures(db, engine, input),
  /** The plans the province's communes saved for a year, by commune. */
  listPlans: (provinceId: string, year: number) => listProvincePlans(db, provinceId, year),
}));
