// The province view's reads: its communes' figures for a period, aggregated in one SQL query
// (provinceIndicators.ts holds the definitions; jsonSql.ts the engine's JSON functions), and
// the plans of its communes. No record body leaves the database on this path.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { periodDates, type Period } from '../../src/domain/indicators/index.ts';
import type { LocalDate } from '../../src/domain/dates.ts';
import type { Plan } from '../../src/domain/plan/index.ts';
import type { CommuneFigures } from '../../src/domain/province/index.ts';
import type { Engine } from './engine.ts';
import { jsonSql } from './jsonSql.ts';
import { recordFieldsOf } from './recordFields.ts';
import { indicatorSql, type RecordContext, type Sums } from './provinceIndicators.ts';
import type { Database } from './schema.ts';

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
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a column name: ${name}`);
  return sql.raw(name);
};

/**
 * The SQL of the figures query (the benchmark EXPLAINs it too). The one pass over the records
 * sums every fact per unit and quarter; merges, units and communes are then joined to those
 * few thousand sums, never to the records.
 */
export function provinceFiguresQuery(engine: Engine, input: ProvinceFiguresInput) {
  const json = jsonSql(engine);
  const { first, last } = periodDates(input.period);
  const record: RecordContext = {
    json,
    field: recordFieldsOf(engine, 'r'),
    kind: sql.ref('r.kind'),
    date: sql.ref('r.date'),
    caseDays: sql.ref('pc.case_days'),
    asOf: sql`${input.asOf}`,
  };
  const facts = new Map<string, RawBuilder<unknown>>();
  const unitFacts = new Map<string, RawBuilder<unknown>>();
  const unitTerms = new Map<string, RawBuilder<unknown>>();
  const unitView = { fact: (name: string) => sql`s.${column(name)}`, households: sql.ref('village.households') };
  for (const indicator of indicatorSql) {
    for (const [name, expression] of Object.entries(indicator.facts?.(record) ?? {})) facts.set(name, expression);
    for (const [name, expression] of Object.entries(indicator.unitFacts?.(record) ?? {})) unitFacts.set(name, expression);
    for (const [name, expression] of Object.entries(indicator.unitTerms?.(unitView) ?? {})) unitTerms.set(name, expression);
  }
  const list = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql`, `);
  const named = (map: Map<string, RawBuilder<unknown>>) => [...map].map(([name, expression]) => sql`${expression} as ${column(name)}`);
  const summedExpressions = (map: Map<string, RawBuilder<unknown>>) => [...map].map(([name, expression]) => sql`sum(${expression}) as ${column(name)}`);
  const summed = (names: Iterable<string>, from: string) => [...names].map((name) => sql`sum(${sql.raw(from)}.${column(name)}) as ${column(name)}`);
  const planDays = json.int(json.document(sql.ref('p.body')), 'handledInTimeDays');
  const quarter = sql`(cast(substr(r.date, 6, 2) as integer) + 2) / 3`;

  return sql<Record<string, string | number | null>>`
    with recursive
    province_communes as (
      select c.id, c.name, coalesce(${planDays}, ${input.defaultHandledInTimeDays}) as case_days
      from communes c left join plans p on p.commune_id = c.id and p.year = ${input.period.year}
      where c.province_id = ${input.provinceId}
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
    unit_quarter as (
      select r.commune_id, r.unit_id, ${quarter} as quarter, count(*) as records,
        ${list([...summedExpressions(facts), ...summedExpressions(unitFacts)])}
      from records r join province_communes pc on pc.id = r.commune_id
      where r.deleted = 0 and r.date >= ${first} and r.date <= ${last}
      group by r.commune_id, r.unit_id, ${quarter}
    ),
    by_quarter as (
      select uq.commune_id, uq.quarter, sum(uq.records) as records, ${list(summed(facts.keys(), 'uq'))}
      from unit_quarter uq group by uq.commune_id, uq.quarter
    ),
    unit_sums as (
      select counts_for.target as unit_id, ${list(summed(unitFacts.keys(), 'uq'))}
      from unit_quarter uq join counts_for on counts_for.id = uq.unit_id group by counts_for.target
    ),
    village as (
      select u.id, u.commune_id, u.households from units u join province_communes pc on pc.id = u.commune_id
      where u.type <> 'commune' and u.retired = 0
    ),
    unit_terms as (
      select village.commune_id, ${list(named(unitTerms))}
      from village left join unit_sums s on s.unit_id = village.id
    ),
    by_commune_units as (
      select unit_terms.commune_id, ${list(summed(unitTerms.keys(), 'unit_terms'))} from unit_terms group by unit_terms.commune_id
    )
    select pc.id as commune_id, pc.name as commune_name, bq.quarter, bq.records,
      ${list([...facts.keys()].map((name) => sql`bq.${column(name)}`))},
      ${list([...unitTerms.keys()].map((name) => sql`bu.${column(name)}`))}
    from province_communes pc
      left join by_quarter bq on bq.commune_id = pc.id
      left join by_commune_units bu on bu.commune_id = pc.id
    order by pc.name, pc.id, bq.quarter`;
}

/** Each commune of the province with its figures for the period, by commune name. */
export async function provinceFigures(db: Kysely<Database>, engine: Engine, input: ProvinceFiguresInput): Promise<CommuneFigures[]> {
  const { rows } = await provinceFiguresQuery(engine, input).execute(db);
  const byCommune = new Map<string, Array<Record<string, string | number | null>>>();
  for (const row of rows) {
    const id = String(row.commune_id);
    byCommune.set(id, [...(byCommune.get(id) ?? []), row]);
  }
  return [...byCommune].map(([communeId, quarterRows]) => {
    const first = quarterRows[0]!;
    const number = (value: string | number | null | undefined) => Number(value ?? 0);
    const sums: Sums = {
      fact: (name, quarter) =>
        quarterRows.filter((row) => quarter === undefined || number(row.quarter) === quarter).reduce((sum, row) => sum + number(row[name]), 0),
      term: (name) => number(first[name]),
    };
    return {
      communeId,
      communeName: String(first.commune_name),
      recordCount: quarterRows.reduce((sum, row) => sum + number(row.records), 0),
      values: Object.fromEntries(indicatorSql.map((indicator) => [indicator.id, indicator.value(sums, input.period)])),
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
