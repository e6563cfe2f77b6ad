// The few fields of a record's JSON body that the province's indicators read, by name. On
// SQLite they are read from the body with json_extract at query time (one commune: small).
// On PostgreSQL migration 0008 keeps each in a stored generated column (computed from the body
// with ->> when a record is written), so the province query over a million records reads
// narrow columns from an index instead of parsing every body. A new field: one line here and
// a migration adding its column on PostgreSQL.
import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../engine.ts';
import { jsonSql } from './jsonSql.ts';

export type RecordField =
  'form' | 'householdsReached' | 'handledAfterDays' | 'victimNeedsSupport' | 'supportServiceCount' | 'perpetratorCounselled' | 'perpetratorNotProsecuted';

/** The generated column of each field on PostgreSQL (migration 0008; the prosecution: 0013). */
export const fieldColumns: Record<RecordField, string> = {
  form: 'x_form',
  householdsReached: 'x_households_reached',
  handledAfterDays: 'x_handled_after_days',
  victimNeedsSupport: 'x_victim_needs_support',
  supportServiceCount: 'x_support_service_count',
  perpetratorCounselled: 'x_perpetrator_counselled',
  perpetratorNotProsecuted: 'x_perpetrator_not_prosecuted',
};

/**
 * Each field as an expression over a record's body: text, integer, or 0/1 for a boolean.
 * `body` is the JSON text column (SQLite) or the body cast to jsonb (PostgreSQL, in 0008).
 */
export function fieldExpressions(engine: Engine, body: RawBuilder<unknown>): Record<RecordField, RawBuilder<unknown>> {
  const json = jsonSql(engine);
  return {
    form: json.text(body, 'form'),
    householdsReached: json.int(body, 'householdsReached'),
    // Days from detection to "intervening" (or "closed"); null while the case is not handled.
    handledAfterDays: json.daysBetween(
      json.text(body, 'date'),
      sql`coalesce(${json.text(body, 'statusDates.intervening')}, ${json.text(body, 'statusDates.closed')})`,
    ),
    victimNeedsSupport: sql`case when ${json.isTrue(body, 'victimNeedsSupport')} then 1 else 0 end`,
    supportServiceCount: sql`coalesce(${json.arrayLength(body, 'supportServices')}, 0)`,
    perpetratorCounselled: sql`case when ${json.isTrue(body, 'perpetratorCounselled')} then 1 else 0 end`,
    // 1 only when the case says so: prosecuted, not known and absent (an older phone) are 0 (as in 0013).
    perpetratorNotProsecuted: sql`case when ${json.text(body, 'prosecution')} = 'notProsecuted' then 1 else 0 end`,
  };
}

/** How the province query reads the fields of the records table aliased `alias`. */
export function recordFieldsOf(engine: Engine, alias: string): Record<RecordField, RawBuilder<unknown>> {
  if (engine === 'postgres') {
    const entries = Object.entries(fieldColumns).map(([field, columnName]) => [field, sql.ref(`${alias}.${columnName}`)]);
    return Object.fromEntries(entries) as Record<RecordField, RawBuilder<unknown>>;
  }
  return fieldExpressions(engine, sql.ref(`${alias}.body`));
}
