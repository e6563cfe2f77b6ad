// Reading a field of a JSON text column in SQL, and whole days between two dates, on either
// engine: json_extract and julianday on SQLite, ->> on a jsonb and date arithmetic on PostgreSQL.
// Every fragment is built from constant keys written in the code, never from input.
import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../engine.ts';

export interface JsonSql {
  /** The field as text (null when absent); path: "form" or "statusDates.intervening". */
  text(doc: RawBuilder<unknown>, path: string): RawBuilder<string | null>;
  /** The field as an integer. */
  int(doc: RawBuilder<unknown>, path: string): RawBuilder<number | null>;
  /** True when the field is JSON true. */
  isTrue(doc: RawBuilder<unknown>, path: string): RawBuilder<boolean>;
  /** Length of an array field (null when absent). */
  arrayLength(doc: RawBuilder<unknown>, path: string): RawBuilder<number | null>;
  /**
   * Whole days from one "YYYY-MM-DD" to another (null if either is null). Immutable on
   * PostgreSQL (make_date, not a text cast), so a generated column may use it.
   */
  daysBetween(from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<number>;
  /** The "YYYY-MM-DD" that many days before another. */
  daysBefore(date: RawBuilder<unknown>, days: RawBuilder<unknown>): RawBuilder<string>;
  /** How a text column of JSON is read as a document: as is on SQLite, cast to jsonb on PostgreSQL. */
  document(column: RawBuilder<unknown>): RawBuilder<unknown>;
}

const checkPath = (path: string): string[] => {
  if (!/^[A-Za-z]+(\.[A-Za-z]+)*$/.test(path)) throw new Error(`not a field path: ${path}`);
  return path.split('.');
};

const sqliteJson: JsonSql = {
  text: (doc, path) => sql<string | null>`json_extract(${doc}, ${sql.lit(`$.${checkPath(path).join('.')}`)})`,
  int: (doc, path) => sql<number | null>`cast(json_extract(${doc}, ${sql.lit(`$.${checkPath(path).join('.')}`)}) as integer)`,
  // json_extract gives 1 for JSON true, 0 for false.
  isTrue: (doc, path) => sql<boolean>`(json_extract(${doc}, ${sql.lit(`$.${checkPath(path).join('.')}`)}) = 1)`,
  arrayLength: (doc, path) => sql<number | null>`json_array_length(${doc}, ${sql.lit(`$.${checkPath(path).join('.')}`)})`,
  daysBetween: (from, to) => sql<number>`cast(julianday(${to}) - julianday(${from}) as integer)`,
  daysBefore: (date, days) => sql<string>`date(${date}, '-' || ${days} || ' days')`,
  document: (column) => column,
};

/** doc -> 'a' -> 'b' for every step but the last, then the last with the given operator. */
function pgPath(doc: RawBuilder<unknown>, path: string, last: '->' | '->>'): RawBuilder<unknown> {
  const keys = checkPath(path);
  let expression = sql`${doc}`;
  keys.forEach((key, index) => {
    const op = index === keys.length - 1 ? last : '->';
    expression = sql`${expression} ${sql.raw(op)} ${sql.lit(key)}`;
  });
  return sql`(${expression})`;
}

/** "YYYY-MM-DD" → date with make_date, which is immutable where a text cast is not. */
function pgDate(text: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`make_date(substr(${text}, 1, 4)::integer, substr(${text}, 6, 2)::integer, substr(${text}, 9, 2)::integer)`;
}

const postgresJson: JsonSql = {
  text: (doc, path) => sql<string | null>`${pgPath(doc, path, '->>')}`,
  int: (doc, path) => sql<number | null>`${pgPath(doc, path, '->>')}::int`,
  isTrue: (doc, path) => sql<boolean>`(${pgPath(doc, path, '->')} = 'true'::jsonb)`,
  // Only arrays have a length; anything else reads as null rather than failing the write.
  arrayLength: (doc, path) =>
    sql<number | null>`case when jsonb_typeof(${pgPath(doc, path, '->')}) = 'array' then jsonb_array_length(${pgPath(doc, path, '->')}) end`,
  daysBetween: (from, to) => sql<number>`(${pgDate(to)} - ${pgDate(from)})`,
  daysBefore: (date, days) => sql<string>`to_char(${pgDate(date)} - (${days})::integer, 'YYYY-MM-DD')`,
  document: (column) => sql`(${column})::jsonb`,
};

export const jsonSql = (engine: Engine): JsonSql => (engine === 'postgres' ? postgresJson : sqliteJson);
