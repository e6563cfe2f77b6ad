// The indicators of src/domain/indicators/rules.ts written as SQL, one small definition each,
// for the province view: the same definitions, computed by the database over many communes.
// A record indicator names numbers per record (facts) that the query sums per commune and
// quarter; a unit indicator names numbers per record summed per village unit, then terms per
// unit summed per commune. `value` turns the sums into the indicator's value.
// tests/server/province-indicators.test.ts proves each one equal to its pure function.
import { sql, type RawBuilder } from 'kysely';
import type { IndicatorId } from '../../src/domain/plan/index.ts';
import type { Period } from '../../src/domain/indicators/index.ts';
import { quartersIn } from '../../src/domain/indicators/index.ts';
import type { ProvinceValue } from '../../src/domain/province/index.ts';
import type { JsonSql } from './jsonSql.ts';
import type { RecordField } from './recordFields.ts';

/** The columns of one live record in the period, as the definitions see them. */
export interface RecordContext {
  json: JsonSql;
  /** The body fields the indicators read (recordFields.ts): text, integers, 0/1 for booleans. */
  field: Record<RecordField, RawBuilder<unknown>>;
  kind: RawBuilder<unknown>;
  /** The day the user chose, "YYYY-MM-DD". */
  date: RawBuilder<unknown>;
  /** The commune's plan: days allowed from detection to intervention. */
  caseDays: RawBuilder<unknown>;
  /** The first detection day whose limit has not passed today (asOf − caseDays, per commune). */
  pendingSince: RawBuilder<unknown>;
}

export interface Sums {
  /** A fact summed over the commune's records of the period, or of one quarter of it. */
  fact(name: string, quarter?: 1 | 2 | 3 | 4): number;
  /** A unit term summed over the commune's village units in service. */
  term(name: string): number;
}

/**
 * A number summed over records: how many satisfy `where`, or the sum of `sum` over them.
 * Written as an aggregate with a FILTER clause (both engines), so a record it does not
 * concern costs one test, not an expression.
 */
export interface Fact {
  where: RawBuilder<unknown>;
  sum?: RawBuilder<unknown>;
}

export interface IndicatorSql {
  id: IndicatorId;
  /** Facts summed per commune. */
  facts?(r: RecordContext): Record<string, Fact>;
  /** Facts summed per commune and per quarter of the period (count indicators). */
  quarterFacts?(r: RecordContext): Record<string, Fact>;
  /** Facts summed per village unit (the unit the record counts for after merges). */
  unitFacts?(r: RecordContext): Record<string, Fact>;
  /** Numbers per village unit from its unit facts (null when it has no record) and households. */
  unitTerms?(unit: { fact(name: string): RawBuilder<unknown>; households: RawBuilder<unknown> }): Record<string, RawBuilder<unknown>>;
  value(sums: Sums, period: Period): ProvinceValue;
}

const when = (condition: RawBuilder<unknown>, then: RawBuilder<unknown> | number = 1) => sql`case when ${condition} then ${then} else 0 end`;
const countOf = (where: RawBuilder<unknown>): Fact => ({ where });
const isKind = (r: RecordContext, kind: string) => sql`${r.kind} = ${sql.lit(kind)}`;

function count(sums: Sums, fact: string, period: Period): ProvinceValue {
  const byQuarter = quartersIn(period).map((q) => ({ ...q, count: sums.fact(fact, q.quarter) }));
  return { kind: 'count', count: sums.fact(fact), byQuarter };
}

const ratio = (numerator: number, denominator: number, pending = 0): ProvinceValue => ({ kind: 'ratio', numerator, denominator, pending });

/** rules.newsPosts */
const newsPostsPerQuarter: IndicatorSql = {
  id: 'newsPostsPerQuarter',
  quarterFacts: (r) => ({ news_posts: countOf(isKind(r, 'newsPost')) }),
  value: (sums, period) => count(sums, 'news_posts', period),
};

/** rules.conferencesHeld: sessions whose form is a conference or a thematic session. */
const conferencesHeld: IndicatorSql = {
  id: 'conferencesHeld',
  quarterFacts: (r) => ({
    conferences: countOf(sql`${isKind(r, 'propagandaSession')} and ${r.field.form} in ('conference', 'thematicSession')`),
  }),
  value: (sums, period) => count(sums, 'conferences', period),
};

/** rules.unitsReached: village units with at least one session. */
const unitsReachedByPropaganda: IndicatorSql = {
  id: 'unitsReachedByPropaganda',
  unitFacts: (r) => ({ unit_sessions: countOf(isKind(r, 'propagandaSession')) }),
  unitTerms: (unit) => ({ units_in_service: sql`1`, units_reached: when(sql`coalesce(${unit.fact('unit_sessions')}, 0) > 0`) }),
  value: (sums) => ratio(sums.term('units_reached'), sums.term('units_in_service')),
};

/** rules.householdsReached: per unit, households named by its sessions capped at its count. */
const householdsReached: IndicatorSql = {
  id: 'householdsReached',
  unitFacts: (r) => ({ households_named: { where: isKind(r, 'propagandaSession'), sum: r.field.householdsReached } }),
  unitTerms: (unit) => {
    const named = sql`coalesce(${unit.fact('households_named')}, 0)`;
    return {
      households_total: when(sql`${unit.households} > 0`, unit.households),
      households_reached: when(sql`${unit.households} > 0`, sql`case when ${named} < ${unit.households} then ${named} else ${unit.households} end`),
    };
  },
  value: (sums) => ratio(sums.term('households_reached'), sums.term('households_total')),
};

/** rules.casesHandledInTime: pending cases (not handled, limit not passed) in neither term. */
const casesHandledInTime: IndicatorSql = {
  id: 'casesHandledInTime',
  facts: (r) => {
    const after = r.field.handledAfterDays;
    const pending = sql`${after} is null and ${r.date} >= ${r.pendingSince}`;
    return {
      cases_pending: countOf(sql`${isKind(r, 'violenceCase')} and ${pending}`),
      cases_judged: countOf(sql`${isKind(r, 'violenceCase')} and not (${pending})`),
      cases_in_time: countOf(sql`${isKind(r, 'violenceCase')} and ${after} <= ${r.caseDays}`),
    };
  },
  value: (sums) => ratio(sums.fact('cases_in_time'), sums.fact('cases_judged'), sums.fact('cases_pending')),
};

/** rules.victimsReachedService */
const victimsReachedService: IndicatorSql = {
  id: 'victimsReachedService',
  facts: (r) => {
    const needs = sql`${isKind(r, 'violenceCase')} and ${r.field.victimNeedsSupport} = 1`;
    return {
      victims_needing: countOf(needs),
      victims_reached: countOf(sql`${needs} and ${r.field.supportServiceCount} > 0`),
    };
  },
  value: (sums) => ratio(sums.fact('victims_reached'), sums.fact('victims_needing')),
};

/** rules.perpetratorsCounselled: over all cases detected. */
const perpetratorsCounselled: IndicatorSql = {
  id: 'perpetratorsCounselled',
  facts: (r) => ({
    cases_all: countOf(isKind(r, 'violenceCase')),
    perpetrators_counselled: countOf(sql`${isKind(r, 'violenceCase')} and ${r.field.perpetratorCounselled} = 1`),
  }),
  value: (sums) => ratio(sums.fact('perpetrators_counselled'), sums.fact('cases_all')),
};

/** Every indicator the app collects records for; one entry per new indicator. */
export const indicatorSql: readonly IndicatorSql[] = [
  newsPostsPerQuarter,
  conferencesHeld,
  unitsReachedByPropaganda,
  householdsReached,
  casesHandledInTime,
  victimsReachedService,
  perpetratorsCounselled,
];
