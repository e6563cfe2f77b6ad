// The indicators of src/domain/indicators/rules.ts written as SQL, one small definition each,
// for the province view: the same definitions, computed by the database over many communes.
// Each names numbers per record (`stored`), which facts.ts keeps summed per unit and quarter
// on every write; the query sums those rows per commune and quarter (facts) or per village
// unit (unitFacts, then terms per unit summed per commune). `value` turns the sums into the
// indicator's value.
// tests/server/province-indicators.test.ts proves each one equal to its pure function.
import { sql, type RawBuilder } from 'kysely';
import type { IndicatorId } from '../../../src/domain/plan/index.ts';
import type { Period } from '../../../src/domain/indicators/index.ts';
import { quartersIn } from '../../../src/domain/indicators/index.ts';
import type { ProvinceValue } from '../../../src/domain/province/index.ts';
import type { JsonSql } from './jsonSql.ts';
import type { RecordField } from './recordFields.ts';

/** The columns of one live record, as the stored facts see them (facts.ts sums them on write). */
export interface RecordContext {
  json: JsonSql;
  /** The body fields the indicators read (recordFields.ts): text, integers, 0/1 for booleans. */
  field: Record<RecordField, RawBuilder<unknown>>;
  kind: RawBuilder<unknown>;
  /** The day the user chose, "YYYY-MM-DD". */
  date: RawBuilder<unknown>;
}

/** One row of unit_quarter_facts (a unit's records of one quarter sharing its keys), with the commune's plan and today. */
export interface FactContext {
  /** A stored number, summed over the row's records. */
  stored(name: string): RawBuilder<unknown>;
  /** A key of the row (see `keys`). */
  key(name: string): RawBuilder<unknown>;
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
 * A number summed over facts rows: the sum of `sum` over the rows where `where` holds.
 * Written as an aggregate with a FILTER clause (both engines).
 */
export interface Fact {
  where?: RawBuilder<unknown>;
  sum: RawBuilder<unknown>;
}

export interface IndicatorSql {
  id: IndicatorId;
  /**
   * Numbers per live record kept, summed per unit and quarter, in unit_quarter_facts (one
   * column each, added by a migration): what the record contributes whatever the plan and today.
   */
  stored?(r: RecordContext): Record<string, RawBuilder<unknown>>;
  /**
   * Extra keys of the facts rows, where the plan or today decides later how a record counts
   * (one integer or text column each, never null): records differing in one are kept apart.
   */
  keys?(r: RecordContext): Record<string, RawBuilder<unknown>>;
  /** Facts summed per commune. */
  facts?(f: FactContext): Record<string, Fact>;
  /** Facts summed per commune and per quarter of the period (count indicators). */
  quarterFacts?(f: FactContext): Record<string, Fact>;
  /** Facts summed per village unit (the unit the record counts for after merges). */
  unitFacts?(f: FactContext): Record<string, Fact>;
  /** Numbers per village unit from its unit facts (null when it has no record) and households. */
  unitTerms?(unit: { fact(name: string): RawBuilder<unknown>; households: RawBuilder<unknown> }): Record<string, RawBuilder<unknown>>;
  value(sums: Sums, period: Period): ProvinceValue;
}

const when = (condition: RawBuilder<unknown>, then: RawBuilder<unknown> | number = 1) => sql`case when ${condition} then ${then} else 0 end`;
const isKind = (r: RecordContext, kind: string) => sql`${r.kind} = ${sql.lit(kind)}`;
/** A stored number summed as it is. */
const total = (f: FactContext, name: string): Fact => ({ sum: f.stored(name) });

function count(sums: Sums, fact: string, period: Period): ProvinceValue {
  const byQuarter = quartersIn(period).map((q) => ({ ...q, count: sums.fact(fact, q.quarter) }));
  return { kind: 'count', count: sums.fact(fact), byQuarter };
}

const ratio = (numerator: number, denominator: number, pending = 0): ProvinceValue => ({ kind: 'ratio', numerator, denominator, pending });

/** rules.newsPosts */
const newsPostsPerQuarter: IndicatorSql = {
  id: 'newsPostsPerQuarter',
  stored: (r) => ({ news_posts: when(isKind(r, 'newsPost')) }),
  quarterFacts: (f) => ({ news_posts: total(f, 'news_posts') }),
  value: (sums, period) => count(sums, 'news_posts', period),
};

/** rules.conferencesHeld: sessions whose form is a conference or a thematic session. */
const conferencesHeld: IndicatorSql = {
  id: 'conferencesHeld',
  stored: (r) => ({ conferences: when(sql`${isKind(r, 'propagandaSession')} and ${r.field.form} in ('conference', 'thematicSession')`) }),
  quarterFacts: (f) => ({ conferences: total(f, 'conferences') }),
  value: (sums, period) => count(sums, 'conferences', period),
};

/** rules.unitsReached: village units with at least one session. */
const unitsReachedByPropaganda: IndicatorSql = {
  id: 'unitsReachedByPropaganda',
  stored: (r) => ({ sessions: when(isKind(r, 'propagandaSession')) }),
  unitFacts: (f) => ({ unit_sessions: total(f, 'sessions') }),
  unitTerms: (unit) => ({ units_in_service: sql`1`, units_reached: when(sql`coalesce(${unit.fact('unit_sessions')}, 0) > 0`) }),
  value: (sums) => ratio(sums.term('units_reached'), sums.term('units_in_service')),
};

/** rules.householdsReached: per unit, households named by its sessions capped at its count. */
const householdsReached: IndicatorSql = {
  id: 'householdsReached',
  stored: (r) => ({ households_named: when(isKind(r, 'propagandaSession'), sql`coalesce(${r.field.householdsReached}, 0)`) }),
  unitFacts: (f) => ({ households_named: total(f, 'households_named') }),
  unitTerms: (unit) => {
    const named = sql`coalesce(${unit.fact('households_named')}, 0)`;
    return {
      households_total: when(sql`${unit.households} > 0`, unit.households),
      households_reached: when(sql`${unit.households} > 0`, sql`case when ${named} < ${unit.households} then ${named} else ${unit.households} end`),
    };
  },
  value: (sums) => ratio(sums.term('households_reached'), sums.term('households_total')),
};

/**
 * rules.casesHandledInTime: pending cases (not handled, limit not passed) in neither term.
 * Both depend on the plan's days and on today, so a case is kept under two keys: the days
 * it took to be handled (0 when it is not handled), and its detection day while it is not
 * handled ('' once it is, and for every other record).
 */
const casesHandledInTime: IndicatorSql = {
  id: 'casesHandledInTime',
  stored: (r) => ({ cases: when(isKind(r, 'violenceCase')) }),
  keys: (r) => {
    const after = r.field.handledAfterDays;
    return {
      handled_after: when(sql`${isKind(r, 'violenceCase')} and ${after} is not null`, after),
      pending_day: sql`case when ${isKind(r, 'violenceCase')} and ${after} is null then ${r.date} else '' end`,
    };
  },
  facts: (f) => {
    const pending = sql`${f.key('pending_day')} <> '' and ${f.key('pending_day')} >= ${f.pendingSince}`;
    return {
      cases_pending: { where: pending, sum: f.stored('cases') },
      cases_judged: { where: sql`not (${pending})`, sum: f.stored('cases') },
      cases_in_time: { where: sql`${f.key('pending_day')} = '' and ${f.key('handled_after')} <= ${f.caseDays}`, sum: f.stored('cases') },
    };
  },
  value: (sums) => ratio(sums.fact('cases_in_time'), sums.fact('cases_judged'), sums.fact('cases_pending')),
};

/** rules.victimsReachedService */
const victimsReachedService: IndicatorSql = {
  id: 'victimsReachedService',
  stored: (r) => {
    const needs = sql`${isKind(r, 'violenceCase')} and ${r.field.victimNeedsSupport} = 1`;
    return { victims_needing: when(needs), victims_reached: when(sql`${needs} and ${r.field.supportServiceCount} > 0`) };
  },
  facts: (f) => ({ victims_needing: total(f, 'victims_needing'), victims_reached: total(f, 'victims_reached') }),
  value: (sums) => ratio(sums.fact('victims_reached'), sums.fact('victims_needing')),
};

/**
 * rules.perpetratorsCounselled: the counselled among the perpetrators not prosecuted (seed 003,
 * line 127: "… người gây bạo lực … được phát hiện ở mức chưa bị truy cứu trách nhiệm hình sự
 * được tư vấn, tham vấn"). Prosecuted and not known: in neither term.
 */
const perpetratorsCounselled: IndicatorSql = {
  id: 'perpetratorsCounselled',
  stored: (r) => {
    const notProsecuted = sql`${isKind(r, 'violenceCase')} and ${r.field.perpetratorNotProsecuted} = 1`;
    return {
      perpetrators_not_prosecuted: when(notProsecuted),
      perpetrators_counselled: when(sql`${notProsecuted} and ${r.field.perpetratorCounselled} = 1`),
    };
  },
  facts: (f) => ({ perpetrators_not_prosecuted: total(f, 'perpetrators_not_prosecuted'), perpetrators_counselled: total(f, 'perpetrators_counselled') }),
  value: (sums) => ratio(sums.fact('perpetrators_counselled'), sums.fact('perpetrators_not_prosecuted')),
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
